package io.github.infisicalstarter.events;

import io.github.infisicalstarter.env.InfisicalSecretsService;
import io.github.infisicalstarter.refresh.InfisicalSecretsWatcher;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of Infisical event subscriptions, off by default: on with
 * {@code infisical.refresh.events.enabled=true} when the refresh watcher is there
 * (secrets were loaded, Spring Cloud Context is present and refresh is on), since events
 * only tell the watcher what to re-read. The class condition (the watcher's own) lets
 * Spring Boot drop this configuration from the metadata alone in applications without
 * Spring Cloud.
 *
 * @since 0.1.0
 */
@AutoConfiguration(afterName = "io.github.infisicalstarter.refresh.InfisicalRefreshAutoConfiguration")
@ConditionalOnClass(name = "org.springframework.cloud.endpoint.event.RefreshEvent")
@ConditionalOnBooleanProperty("infisical.refresh.events.enabled")
@ConditionalOnBean({ InfisicalSecretsWatcher.class, InfisicalSecretsService.class })
public final class InfisicalEventsAutoConfiguration {

	@Bean
	InfisicalEventSubscriptions infisicalEventSubscriptions(InfisicalSecretsService infisicalSecretsService,
			InfisicalSecretsWatcher infisicalSecretsWatcher, ApplicationEventPublisher publisher) {
		return new InfisicalEventSubscriptions(infisicalSecretsService, infisicalSecretsWatcher, publisher);
	}

}
