package io.github.infisicalstarter.autoconfigure;

import io.github.infisicalstarter.actuate.InfisicalSanitizingFunction;
import io.github.infisicalstarter.env.InfisicalSecretsService;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of the Infisical starter: closes the secrets service with the
 * context, and masks Infisical-sourced values in {@code /actuator/env} and
 * {@code /actuator/configprops}. Secrets themselves are loaded before the application
 * context exists, by {@link InfisicalEnvironmentPostProcessor} or the {@code infisical:}
 * config data import.
 *
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "infisical.enabled", matchIfMissing = true)
public final class InfisicalAutoConfiguration {

	/**
	 * Closes the application's {@link InfisicalSecretsService} (stopping renewal and
	 * revoking the token unless switched off) with the application context, whichever
	 * entry point created it.
	 * @param infisicalSecretsService the service
	 * @return the callback
	 */
	@Bean
	@ConditionalOnInfisicalSecretsService
	DisposableBean infisicalSecretsServiceShutdown(ObjectProvider<InfisicalSecretsService> infisicalSecretsService) {
		return () -> infisicalSecretsService.ifAvailable(InfisicalSecretsService::close);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.SanitizingFunction")
	static class ActuatorConfiguration {

		@Bean
		InfisicalSanitizingFunction infisicalSanitizingFunction() {
			return new InfisicalSanitizingFunction();
		}

	}

}
