package io.github.infisicalstarter.actuate;

import java.util.LinkedHashSet;

import io.github.infisicalstarter.autoconfigure.ConditionalOnInfisicalSecretsService;
import io.github.infisicalstarter.env.InfisicalSecretsService;
import io.github.infisicalstarter.refresh.InfisicalSecretsWatcher;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.cloud.endpoint.event.RefreshEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Auto-configuration of the {@code infisical} actuator endpoint, when it is available
 * (enabled and exposed) and secrets were loaded.
 *
 * @since 0.1.0
 */
@AutoConfiguration(afterName = { "io.github.infisicalstarter.autoconfigure.InfisicalAutoConfiguration",
		"io.github.infisicalstarter.refresh.InfisicalRefreshAutoConfiguration" })
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
@ConditionalOnBooleanProperty(name = "infisical.enabled", matchIfMissing = true)
@ConditionalOnAvailableEndpoint(InfisicalEndpoint.class)
@ConditionalOnInfisicalSecretsService
public final class InfisicalEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	InfisicalEndpoint infisicalEndpoint(ObjectProvider<InfisicalSecretsService> infisicalSecretsService,
			ConfigurableEnvironment environment, ObjectProvider<InfisicalRefreshTrigger> infisicalRefreshTrigger) {
		return new InfisicalEndpoint(infisicalSecretsService.getIfAvailable(), environment,
				infisicalRefreshTrigger.getIfAvailable(InfisicalRefreshTrigger::none));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.cloud.endpoint.event.RefreshEvent")
	@ConditionalOnBooleanProperty(name = "spring.cloud.refresh.enabled", matchIfMissing = true)
	static class SpringCloudRefreshConfiguration {

		@Bean
		@ConditionalOnMissingBean
		InfisicalRefreshTrigger infisicalRefreshTrigger(ApplicationEventPublisher publisher,
				ObjectProvider<InfisicalSecretsWatcher> watcher) {
			InfisicalSecretsWatcher polling = watcher.getIfAvailable();
			return new InfisicalRefreshTrigger(polling != null, (polling != null) ? polling::nextPoll : () -> null,
					(polling != null) ? polling::currentInterval : () -> null,
					(locations) -> publisher.publishEvent(new RefreshEvent(publisher, new LinkedHashSet<>(locations),
							"Infisical locations re-read through the actuator endpoint")));
		}

	}

}
