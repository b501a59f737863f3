package io.github.infisicalstarter.events;

import java.time.Clock;
import java.time.Duration;

import io.github.infisicalstarter.config.InfisicalProperties;
import io.github.infisicalstarter.config.SecretsLocation;
import io.github.infisicalstarter.env.InfisicalSecretsService;
import io.github.infisicalstarter.refresh.InfisicalSecretsWatcher;
import io.github.infisicalstarter.testserver.InfisicalTestServer;
import io.github.infisicalstarter.testserver.InfisicalTestServerExtension;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.endpoint.event.RefreshEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Event subscriptions are off by default and on with
 * {@code infisical.refresh.events.enabled}, only where the refresh watcher is; the
 * settings bind with their defaults.
 */
class InfisicalEventsAutoConfigurationTests {

	@RegisterExtension
	static final InfisicalTestServerExtension infisical = new InfisicalTestServerExtension();

	private ApplicationContextRunner runner(boolean watcher) {
		InfisicalTestServer server = infisical.server();
		server.secret(InfisicalTestServer.DEFAULT_PROJECT_ID, "dev", "/", "FOO", "bar");
		MapConfigurationPropertySource source = new MapConfigurationPropertySource(server.properties());
		InfisicalProperties properties = new Binder(source).bindOrCreate("infisical", InfisicalProperties.class);
		ApplicationContextRunner runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(InfisicalEventsAutoConfiguration.class))
			.withBean(InfisicalSecretsService.class, () -> {
				InfisicalSecretsService service = InfisicalSecretsService.create(properties, null,
						LogFactory.getLog(getClass()), Clock.systemUTC());
				service.load(SecretsLocation.of(InfisicalTestServer.DEFAULT_PROJECT_ID, "dev", "/"), false);
				return service;
			});
		if (watcher) {
			runner = runner.withUserConfiguration(WatcherConfiguration.class);
		}
		return runner;
	}

	@Test
	void offByDefault() {
		runner(true)
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(InfisicalEventSubscriptions.class));
	}

	@Test
	void onWithTheProperty() {
		runner(true).withPropertyValues("infisical.refresh.events.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(InfisicalEventSubscriptions.class));
	}

	@Test
	void notWithoutTheWatcher() {
		runner(false).withPropertyValues("infisical.refresh.events.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(InfisicalEventSubscriptions.class));
	}

	@Test
	void notWithoutSpringCloud() {
		runner(false).withClassLoader(new FilteredClassLoader(RefreshEvent.class))
			.withPropertyValues("infisical.refresh.events.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(InfisicalEventSubscriptions.class));
	}

	@Test
	void settingsHaveTheirDefaults() {
		InfisicalProperties.Events events = InfisicalProperties.defaults().refresh().events();
		assertThat(events.enabled()).isFalse();
		assertThat(events.safetyInterval()).isEqualTo(Duration.ofMinutes(10));
		assertThat(events.pingInterval()).isEqualTo(Duration.ofSeconds(15));
		InfisicalProperties bound = new Binder(new MapConfigurationPropertySource(java.util.Map
			.of("infisical.refresh.events.enabled", "true", "infisical.refresh.events.safety-interval", "30m")))
			.bindOrCreate("infisical", InfisicalProperties.class);
		assertThat(bound.refresh().events().enabled()).isTrue();
		assertThat(bound.refresh().events().safetyInterval()).isEqualTo(Duration.ofMinutes(30));
		assertThat(bound.refresh().events().pingInterval()).isEqualTo(Duration.ofSeconds(15));
		assertThat(bound.refresh().interval()).isEqualTo(Duration.ofSeconds(60));
	}

	@Configuration(proxyBeanMethods = false)
	static class WatcherConfiguration {

		@Bean
		InfisicalSecretsWatcher watcher(InfisicalSecretsService service) {
			return new InfisicalSecretsWatcher(service, (event) -> {
			}, service.getProperties().refresh());
		}

	}

}
