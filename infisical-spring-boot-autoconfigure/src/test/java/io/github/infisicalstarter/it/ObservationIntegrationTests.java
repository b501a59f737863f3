package io.github.infisicalstarter.it;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.github.infisicalstarter.client.SecretUpdate;
import io.github.infisicalstarter.client.SecretsPath;
import io.github.infisicalstarter.client.InfisicalApiException;
import io.github.infisicalstarter.core.InfisicalOperations;
import io.github.infisicalstarter.core.ReactiveInfisicalOperations;
import io.github.infisicalstarter.env.InfisicalSecretsService;
import io.github.infisicalstarter.observation.InfisicalObservationContext;
import io.github.infisicalstarter.observation.ObservationCallObservations;
import io.github.infisicalstarter.refresh.InfisicalSecretsWatcher;
import io.github.infisicalstarter.testserver.InfisicalTestServer;
import io.github.infisicalstarter.testserver.InfisicalTestServerExtension;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Observations of every call type through a running application against the test server:
 * login, renew, revoke, list and poll of the starter, and the template operations; and
 * the start-up calls, made before any registry existed, as a timer.
 */
class ObservationIntegrationTests {

	@RegisterExtension
	static final InfisicalTestServerExtension infisical = new InfisicalTestServerExtension();

	private static final String PROJECT = InfisicalTestServer.DEFAULT_PROJECT_ID;

	private static final String[] WATCHED = { "--infisical.refresh.enabled=true", "--infisical.refresh.interval=1h",
			"--infisical.refresh.jitter=0s", "--infisical.token.revoke-on-shutdown=true" };

	private final List<String> stopped = new CopyOnWriteArrayList<>();

	@Test
	void everyCallTypeIsObserved() {
		InfisicalTestServer server = infisical.server();
		server.secret(PROJECT, "dev", "/", "FOO", "observed-value");
		TestObservationRegistry registry = TestObservationRegistry.create();
		registry.observationConfig().observationHandler(recordingHandler(this.stopped));
		ConfigurableApplicationContext context = TestApps.run(server, WATCHED);
		try {
			assertThat(context.getBean(MeterRegistry.class)
				.get("infisical.startup.requests")
				.tags("operation", "login", "outcome", "SUCCESS", "status", "200")
				.timer()
				.totalTime(TimeUnit.NANOSECONDS)).isPositive();
			assertThat(context.getBean(MeterRegistry.class)
				.get("infisical.startup.requests")
				.tags("operation", "list", "outcome", "SUCCESS", "status", "200")
				.timer()
				.count()).isOne();
			InfisicalSecretsService service = context.getBean(InfisicalSecretsService.class);
			service.observeWith(new ObservationCallObservations(registry, null));
			context.getBean(InfisicalSecretsWatcher.class).pollNow();
			server.revokeAllTokens();
			context.getBean(InfisicalSecretsWatcher.class).pollNow();
			InfisicalOperations template = context.getBean(InfisicalOperations.class);
			SecretsPath root = template.path("/");
			template.createSecret(root, "MADE", "made-value");
			template.getSecret(root, "MADE");
			template.updateSecret(root, "MADE", SecretUpdate.value("changed-value"));
			template.deleteSecret(root, "MADE");
			template.createFolder(root, "observed");
			server.defaultIdentity().tokenTtl(Duration.ofSeconds(1));
			server.revokeAllTokens();
			context.getBean(InfisicalSecretsWatcher.class).pollNow();
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(operations(registry)).contains("renew"));
		}
		finally {
			context.close();
		}
		assertThat(operations(registry)).contains("poll", "login", "create", "get", "update", "delete", "folders",
				"renew", "revoke");
		assertThat(registry).hasObservationWithNameEqualTo("infisical.client.requests")
			.that()
			.hasLowCardinalityKeyValue("operation", "poll")
			.hasLowCardinalityKeyValue("outcome", "NOT_MODIFIED")
			.hasLowCardinalityKeyValue("status", "304");
		assertThat(registry)
			.hasAnObservation((observation) -> observation.hasLowCardinalityKeyValue("operation", "poll")
				.hasLowCardinalityKeyValue("outcome", "CLIENT_ERROR")
				.hasLowCardinalityKeyValue("status", "401")
				.assertThatError()
				.isNotNull());
		assertThat(registry).doesNotHaveAnyRemainingCurrentObservation();
	}

	@Test
	void reactiveTemplateCallsAreObserved() {
		InfisicalTestServer server = infisical.server();
		server.secret(PROJECT, "dev", "/", "FOO", "observed-value");
		TestObservationRegistry registry = TestObservationRegistry.create();
		try (ConfigurableApplicationContext context = TestApps.run(server, WATCHED)) {
			context.getBean(InfisicalSecretsService.class).observeWith(new ObservationCallObservations(registry, null));
			ReactiveInfisicalOperations template = context.getBean(ReactiveInfisicalOperations.class);
			SecretsPath root = template.path("/");
			template.createSecret(root, "REACTIVE", "reactive-value", null).block(Duration.ofSeconds(10));
			template.getSecret(root, "REACTIVE").block(Duration.ofSeconds(10));
			assertThatExceptionOfType(InfisicalApiException.class)
				.isThrownBy(() -> template.getSecret(root, "MISSING").block(Duration.ofSeconds(10)));
		}
		assertThat(registry).hasAnObservation((observation) -> observation.hasNameEqualTo("infisical.client.requests")
			.hasLowCardinalityKeyValue("operation", "create")
			.hasLowCardinalityKeyValue("outcome", "SUCCESS")
			.hasLowCardinalityKeyValue("status", "200"));
		assertThat(registry).hasAnObservation((observation) -> observation.hasLowCardinalityKeyValue("operation", "get")
			.hasLowCardinalityKeyValue("outcome", "CLIENT_ERROR")
			.hasLowCardinalityKeyValue("status", "404")
			.assertThatError()
			.isNotNull());
		assertThat(registry).doesNotHaveAnyRemainingCurrentObservation();
	}

	@Test
	void callsAreObservedThroughTheApplicationsOwnRegistry() {
		InfisicalTestServer server = infisical.server();
		server.secret(PROJECT, "dev", "/", "FOO", "observed-value");
		// no observeWith(..) here: Spring Boot builds the registry and registers the
		// handler bean, the starter's auto-configuration hands the registry to the
		// service
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SampleApp.class,
				RecordingHandlerConfiguration.class)
			.web(WebApplicationType.NONE)
			.run(TestApps.arguments(server, WATCHED))) {
			assertThat(context.getBean(ObservationRegistry.class).isNoop()).isFalse();
			context.getBean(InfisicalSecretsWatcher.class).pollNow();
			assertThat(context.getBean(RecordingHandlerConfiguration.class).stopped).containsExactly("poll");
		}
	}

	private List<String> operations(TestObservationRegistry registry) {
		return this.stopped.stream().distinct().toList();
	}

	/**
	 * A handler that records the operation of every stopped Infisical observation.
	 */
	static ObservationHandler<InfisicalObservationContext> recordingHandler(List<String> stopped) {
		return new ObservationHandler<>() {

			@Override
			public void onStop(InfisicalObservationContext context) {
				stopped.add(context.getOperation());
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return context instanceof InfisicalObservationContext;
			}

		};
	}

	@Configuration(proxyBeanMethods = false)
	static class RecordingHandlerConfiguration {

		final List<String> stopped = new CopyOnWriteArrayList<>();

		@Bean
		ObservationHandler<InfisicalObservationContext> recordingInfisicalHandler() {
			return recordingHandler(this.stopped);
		}

	}

}
