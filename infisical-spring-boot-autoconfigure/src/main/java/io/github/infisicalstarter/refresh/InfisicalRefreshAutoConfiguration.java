package io.github.infisicalstarter.refresh;

import java.time.Duration;

import io.github.infisicalstarter.autoconfigure.ConditionalOnInfisicalSecretsService;
import io.github.infisicalstarter.env.InfisicalSecretsService;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of the refresh watcher, when secrets were loaded and Spring Cloud
 * Context is present and on ({@code spring.cloud.refresh.enabled}) to turn its events
 * into refreshes.
 *
 * @since 0.1.0
 */
@AutoConfiguration(afterName = "io.github.infisicalstarter.autoconfigure.InfisicalAutoConfiguration")
@ConditionalOnClass(name = "org.springframework.cloud.endpoint.event.RefreshEvent")
@ConditionalOnBooleanProperty(
		name = { "infisical.enabled", "infisical.refresh.enabled", "spring.cloud.refresh.enabled" },
		matchIfMissing = true)
@ConditionalOnInfisicalSecretsService
public final class InfisicalRefreshAutoConfiguration {

	/**
	 * How long the first change notice of a burst (webhook, event, bus) waits for the
	 * others before the one re-read; see
	 * {@link InfisicalSecretsWatcher#setNoticeWindow(Duration)}.
	 */
	public static final String NOTICE_WINDOW = "infisical.refresh.notice-window";

	/**
	 * The watcher; {@code null} (no bean) only in an AOT-processed application that runs
	 * without Infisical secrets, see {@link ConditionalOnInfisicalSecretsService}.
	 * @param infisicalSecretsServices the service, if secrets were loaded
	 * @param publisher where refresh events go
	 * @param environment where {@value #NOTICE_WINDOW} is read
	 * @return the watcher, or {@code null}
	 */
	@Bean
	@Nullable InfisicalSecretsWatcher infisicalSecretsWatcher(ObjectProvider<InfisicalSecretsService> infisicalSecretsServices,
			ApplicationEventPublisher publisher, Environment environment) {
		InfisicalSecretsService infisicalSecretsService = infisicalSecretsServices.getIfAvailable();
		if (infisicalSecretsService == null) {
			return null;
		}
		InfisicalSecretsWatcher watcher = new InfisicalSecretsWatcher(infisicalSecretsService, publisher,
				infisicalSecretsService.getProperties().refresh());
		Binder.get(environment).bind(NOTICE_WINDOW, Duration.class).ifBound(watcher::setNoticeWindow);
		return watcher;
	}

}
