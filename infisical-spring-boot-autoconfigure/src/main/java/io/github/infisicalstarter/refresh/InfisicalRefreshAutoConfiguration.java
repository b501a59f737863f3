package io.github.infisicalstarter.refresh;

import io.github.infisicalstarter.env.InfisicalSecretsService;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the refresh watcher, when secrets were loaded and Spring Cloud
 * Context is present to turn its events into refreshes.
 *
 * @since 0.1.0
 */
@AutoConfiguration(afterName = "io.github.infisicalstarter.autoconfigure.InfisicalAutoConfiguration")
@ConditionalOnClass(name = "org.springframework.cloud.endpoint.event.RefreshEvent")
@ConditionalOnBooleanProperty(name = { "infisical.enabled", "infisical.refresh.enabled" }, matchIfMissing = true)
@ConditionalOnBean(InfisicalSecretsService.class)
public final class InfisicalRefreshAutoConfiguration {

	@Bean
	InfisicalSecretsWatcher infisicalSecretsWatcher(InfisicalSecretsService infisicalSecretsService,
			ApplicationEventPublisher publisher) {
		return new InfisicalSecretsWatcher(infisicalSecretsService, publisher,
				infisicalSecretsService.getProperties().refresh());
	}

}
