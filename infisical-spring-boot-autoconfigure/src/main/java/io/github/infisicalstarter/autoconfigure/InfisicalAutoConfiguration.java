package io.github.infisicalstarter.autoconfigure;

import io.github.infisicalstarter.config.InfisicalProperties;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of the Infisical starter: binds {@code infisical.*} (for IDE metadata and
 * the actuator) and masks Infisical-sourced values in {@code /actuator/env} and
 * {@code /actuator/configprops}. Secrets themselves are loaded before the application context
 * exists, by {@link InfisicalEnvironmentPostProcessor} or the {@code infisical:} config data
 * import.
 *
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "infisical.enabled", matchIfMissing = true)
@EnableConfigurationProperties(InfisicalProperties.class)
public final class InfisicalAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.SanitizingFunction")
	static class ActuatorConfiguration {

		@Bean
		InfisicalSanitizingFunction infisicalSanitizingFunction() {
			return new InfisicalSanitizingFunction();
		}

	}

}
