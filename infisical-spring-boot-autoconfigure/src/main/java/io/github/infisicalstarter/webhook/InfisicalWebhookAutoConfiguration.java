package io.github.infisicalstarter.webhook;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of the Infisical webhook endpoint, off until
 * {@code infisical.webhook.secret} is set (an unsigned endpoint would let anyone trigger
 * re-reads), for Spring MVC and WebFlux applications. A received change reaches the
 * refresh watcher as a
 * {@link io.github.infisicalstarter.refresh.SecretsChangeNoticedEvent}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(afterName = "io.github.infisicalstarter.refresh.InfisicalRefreshAutoConfiguration")
@ConditionalOnBooleanProperty(name = "infisical.enabled", matchIfMissing = true)
@ConditionalOnProperty(prefix = InfisicalWebhookProperties.PREFIX, name = "secret")
@ConditionalOnWebApplication
@EnableConfigurationProperties(InfisicalWebhookProperties.class)
public final class InfisicalWebhookAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	InfisicalWebhookReceiver infisicalWebhookReceiver(InfisicalWebhookProperties properties,
			ApplicationEventPublisher publisher) {
		return new InfisicalWebhookReceiver(properties, publisher, Clock.systemUTC());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(name = "org.springframework.web.servlet.function.RouterFunction")
	static class WebMvcRoute {

		@Bean
		org.springframework.web.servlet.function.RouterFunction<org.springframework.web.servlet.function.ServerResponse> infisicalWebhookRoute(
				InfisicalWebhookReceiver receiver) {
			return WebMvcWebhookRoute.of(receiver);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	@ConditionalOnClass(name = "org.springframework.web.reactive.function.server.RouterFunction")
	static class WebFluxRoute {

		@Bean
		org.springframework.web.reactive.function.server.RouterFunction<org.springframework.web.reactive.function.server.ServerResponse> infisicalWebhookRoute(
				InfisicalWebhookReceiver receiver) {
			return WebFluxWebhookRoute.of(receiver);
		}

	}

}
