package io.github.infisicalstarter.bootstrap;

import java.time.Clock;

import io.github.infisicalstarter.config.InfisicalAuthProperties;
import io.github.infisicalstarter.config.InfisicalProperties;
import io.github.infisicalstarter.env.InfisicalSecretsService;
import io.github.infisicalstarter.env.InfisicalSecretsServices;
import io.github.infisicalstarter.env.SslBundleLookup;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ResourceLoader;

/**
 * Bootstrap configuration (registered under Spring Cloud's {@code BootstrapConfiguration}
 * key) for applications that run Spring Cloud's bootstrap context. Active when the
 * bootstrap environment (for example {@code bootstrap.yml}) sets
 * {@code infisical.client-id} or {@code infisical.auth.method} (any login method);
 * otherwise the zero-configuration entry point handles {@code application.yml}. The
 * service is shared with the bootstrap contexts that Spring Cloud builds to refresh, so a
 * refresh reuses the client and token. It does not work with Spring AOT (see
 * {@link BootstrapMode#checkNotAot()}).
 *
 * @since 0.1.0
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "infisical.enabled", matchIfMissing = true)
@Conditional(InfisicalBootstrapConfiguration.LoginConfiguredCondition.class)
public class InfisicalBootstrapConfiguration {

	@Bean(name = InfisicalSecretsServices.BEAN_NAME, destroyMethod = "")
	InfisicalSecretsService infisicalSecretsService(ConfigurableEnvironment environment,
			ResourceLoader resourceLoader) {
		BootstrapMode.checkNotAot();
		Binder binder = Binder.get(environment);
		InfisicalProperties properties = InfisicalSecretsServices.bind(binder);
		properties.validate();
		return BootstrapServices.acquire(properties,
				() -> InfisicalSecretsService.create(properties, InfisicalAuthProperties.bind(binder),
						SslBundleLookup.find(properties, binder, resourceLoader),
						LogFactory.getLog(InfisicalSecretsService.class), Clock.systemUTC()));
	}

	@Bean
	DisposableBean infisicalSecretsServiceRelease(InfisicalSecretsService infisicalSecretsService) {
		InfisicalProperties properties = infisicalSecretsService.getProperties();
		return () -> BootstrapServices.release(properties);
	}

	@Bean
	InfisicalPropertySourceLocator infisicalPropertySourceLocator(InfisicalSecretsService infisicalSecretsService) {
		return new InfisicalPropertySourceLocator(infisicalSecretsService);
	}

	/**
	 * Matches when a login is configured: Universal Auth's client id or any
	 * {@code infisical.auth.method}.
	 */
	static final class LoginConfiguredCondition extends AnyNestedCondition {

		LoginConfiguredCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnProperty(name = "infisical.client-id")
		static final class ClientId {

		}

		@ConditionalOnProperty(name = "infisical.auth.method")
		static final class AuthMethod {

		}

	}

}
