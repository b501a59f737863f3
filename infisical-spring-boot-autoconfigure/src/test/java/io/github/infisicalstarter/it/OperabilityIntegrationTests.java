package io.github.infisicalstarter.it;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.infisicalstarter.actuate.InfisicalEndpoint;
import io.github.infisicalstarter.actuate.InfisicalEndpoint.InfisicalDescriptor;
import io.github.infisicalstarter.actuate.InfisicalEndpoint.LocationDescriptor;
import io.github.infisicalstarter.actuate.InfisicalEndpoint.RereadDescriptor;
import io.github.infisicalstarter.refresh.InfisicalSecretsWatcher;
import io.github.infisicalstarter.testserver.Fault;
import io.github.infisicalstarter.testserver.InfisicalTestServer;
import io.github.infisicalstarter.testserver.InfisicalTestServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.metrics.StartupStep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Health ({@code /actuator/health/infisical}) and the {@code infisical} endpoint, through
 * full start-ups against the test server.
 */
@ExtendWith(OutputCaptureExtension.class)
class OperabilityIntegrationTests {

	@RegisterExtension
	static final InfisicalTestServerExtension infisical = new InfisicalTestServerExtension();

	private static final String PROJECT = InfisicalTestServer.DEFAULT_PROJECT_ID;

	private static final String LOCATION = "infisical:" + PROJECT + "/dev/";

	private static final String V4 = "/api/v4/secrets";

	private static final String VALUE = "operability-foo-value";

	private static final String[] ACTUATOR = { "--management.endpoint.health.show-details=always",
			"--management.endpoints.jmx.exposure.include=health,infisical", "--spring.jmx.enabled=true",
			"--infisical.refresh.enabled=true", "--infisical.refresh.interval=1h", "--infisical.refresh.jitter=0s" };

	@Test
	void healthIsUpWithDetailsWhenEverythingLoaded(CapturedOutput output) {
		InfisicalTestServer server = infisical.server();
		server.secret(PROJECT, "dev", "/", "FOO", VALUE);
		try (ConfigurableApplicationContext context = TestApps.run(server, ACTUATOR)) {
			IndicatedHealthDescriptor health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(location(health)).containsEntry("loaded", true)
				.containsEntry("secrets", 1)
				.containsEntry("consecutiveFailures", 0)
				.containsKey("lastSuccess")
				.doesNotContainKey("lastError");
			assertNoLeak(health.getDetails(), server);
		}
		LeakScan.assertNoLeaks(output, server, VALUE);
	}

	@Test
	void healthStaysUpWhilePollsFail(CapturedOutput output) {
		InfisicalTestServer server = infisical.server();
		server.secret(PROJECT, "dev", "/", "FOO", VALUE);
		try (ConfigurableApplicationContext context = TestApps.run(server, ACTUATOR)) {
			server.faults().always(V4, Fault.status(500));
			InfisicalSecretsWatcher watcher = context.getBean(InfisicalSecretsWatcher.class);
			watcher.pollNow();
			watcher.pollNow();
			IndicatedHealthDescriptor health = health(context);
			assertThat(health.getStatus()).as("an outage never makes a serving application unhealthy")
				.isEqualTo(Status.UP);
			assertThat(location(health)).containsEntry("loaded", true)
				.containsEntry("secrets", 1)
				.containsEntry("consecutiveFailures", 2);
			assertThat((String) location(health).get("lastError")).contains("500");
			assertThat(context.getEnvironment().getProperty("FOO")).isEqualTo(VALUE);
			server.faults().clear();
			watcher.pollNow();
			assertThat(location(health(context))).containsEntry("consecutiveFailures", 0);
		}
		LeakScan.assertNoLeaks(output, server, VALUE);
	}

	@Test
	void healthIsDownForALocationNeverLoaded(CapturedOutput output) {
		InfisicalTestServer server = infisical.server();
		server.secret(PROJECT, "dev", "/", "FOO", VALUE);
		server.faults().always(V4, Fault.status(500));
		try (ConfigurableApplicationContext context = TestApps.run(server,
				concat(ACTUATOR, "--infisical.fail-fast=false"))) {
			IndicatedHealthDescriptor health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(location(health)).containsEntry("loaded", false)
				.containsEntry("secrets", 0)
				.containsEntry("consecutiveFailures", 1);
		}
		LeakScan.assertNoLeaks(output, server, VALUE);
	}

	@Test
	void endpointDescribesLocationsWithoutValues(CapturedOutput output) {
		InfisicalTestServer server = infisical.server();
		server.secret(PROJECT, "dev", "/", "FOO", VALUE).secret(PROJECT, "dev", "/", "BAR_BAZ", "other-value");
		try (ConfigurableApplicationContext context = TestApps.run(server, ACTUATOR)) {
			InfisicalDescriptor descriptor = context.getBean(InfisicalEndpoint.class).infisical();
			assertThat(descriptor.locations()).singleElement().satisfies((location) -> {
				assertThat(location.propertySource()).isEqualTo(LOCATION);
				assertThat(location.position())
					.isEqualTo(context.getEnvironment()
						.getPropertySources()
						.stream()
						.map((source) -> source.getName())
						.toList()
						.indexOf(LOCATION))
					.isNotNegative();
				assertThat(location.keys()).containsExactlyInAnyOrder("FOO", "BAR_BAZ");
				assertThat(location.options().projectId()).isEqualTo(PROJECT);
				assertThat(location.loaded()).isTrue();
				assertThat(location.lastRead()).isNotNull();
				assertThat(location.lastChange()).isNotNull();
			});
			assertThat(descriptor.refresh().mode()).isEqualTo("poll");
			assertThat(descriptor.refresh().nextPoll()).isAfter(Instant.now().plusSeconds(3000));
			assertNoLeak(descriptor, server);
			assertThat(JsonMapper.shared().writeValueAsString(descriptor)).contains("BAR_BAZ").doesNotContain(VALUE);
		}
		LeakScan.assertNoLeaks(output, server, VALUE, "other-value");
	}

	@Test
	void endpointWriteRereadsAndRefreshes(CapturedOutput output) {
		InfisicalTestServer server = infisical.server();
		server.secret(PROJECT, "dev", "/", "FOO", VALUE);
		try (ConfigurableApplicationContext context = TestApps.run(server, ACTUATOR)) {
			InfisicalEndpoint endpoint = context.getBean(InfisicalEndpoint.class);
			server.secret(PROJECT, "dev", "/", "FOO", "rotated-operability-value");
			RereadDescriptor reread = endpoint.reread(null);
			assertThat(reread.locations()).containsExactly(Map.entry(LOCATION, "changed"));
			assertThat(reread.refreshed()).isTrue();
			assertThat(context.getEnvironment().getProperty("FOO")).isEqualTo("rotated-operability-value");
			assertThat(endpoint.reread(LOCATION).locations()).containsExactly(Map.entry(LOCATION, "unchanged"));
			assertThatExceptionOfType(InvalidEndpointRequestException.class)
				.isThrownBy(() -> endpoint.reread("infisical:nope/dev/"))
				.withMessageContaining("infisical:nope/dev/");
			assertNoLeak(reread, server);
		}
		LeakScan.assertNoLeaks(output, server, VALUE, "rotated-operability-value");
	}

	@Test
	void metersFollowLoadsAndPolls() {
		InfisicalTestServer server = infisical.server();
		server.secret(PROJECT, "dev", "/", "FOO", VALUE);
		try (ConfigurableApplicationContext context = TestApps.run(server, ACTUATOR)) {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("infisical.secrets").gauge().value()).isEqualTo(1);
			assertThat(registry.get("infisical.locations.unloaded").gauge().value()).isZero();
			InfisicalSecretsWatcher watcher = context.getBean(InfisicalSecretsWatcher.class);
			watcher.pollNow();
			server.secret(PROJECT, "dev", "/", "FOO", "rotated-operability-value");
			watcher.pollNow();
			assertThat(registry.get("infisical.refresh").tag("result", "unchanged").functionCounter().count())
				.isEqualTo(1);
			assertThat(registry.get("infisical.refresh").tag("result", "changed").functionCounter().count())
				.isEqualTo(1);
			assertThat(registry.get("infisical.refresh.age").timeGauge().value(TimeUnit.SECONDS)).isNotNaN()
				.isNotNegative();
		}
	}

	@Test
	void startupStepsShowTheLoginAndEachLocation() {
		InfisicalTestServer server = infisical.server();
		server.secret(PROJECT, "dev", "/", "FOO", VALUE).secret(PROJECT, "dev", "/db", "DB_USER", "u");
		BufferingApplicationStartup startup = new BufferingApplicationStartup(10_000);
		List<String> args = new ArrayList<>(TestApps.credentials(server));
		args.add("--infisical.locations[0].secret-path=/");
		args.add("--infisical.locations[1].secret-path=/db");
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SampleApp.class)
			.web(WebApplicationType.NONE)
			.applicationStartup(startup)
			.run(args.toArray(String[]::new))) {
			List<Map<String, String>> steps = startup.getBufferedTimeline()
				.getEvents()
				.stream()
				.filter((event) -> event.getStartupStep().getName().equals("infisical.location.load"))
				.map((event) -> tags(event.getStartupStep().getTags()))
				.toList();
			assertThat(steps).containsExactly(Map.of("location", LOCATION, "secrets", "1"),
					Map.of("location", LOCATION + "db", "secrets", "1"));
			assertThat(startup.getBufferedTimeline()
				.getEvents()
				.stream()
				.filter((event) -> event.getStartupStep().getName().equals("infisical.login"))
				.map((event) -> tags(event.getStartupStep().getTags()))).containsExactly(Map.of("outcome", "success"));
		}
	}

	private static Map<String, String> tags(StartupStep.Tags tags) {
		Map<String, String> map = new LinkedHashMap<>();
		tags.forEach((tag) -> map.put(tag.getKey(), tag.getValue()));
		return map;
	}

	private static IndicatedHealthDescriptor health(ConfigurableApplicationContext context) {
		return (IndicatedHealthDescriptor) context.getBean(HealthEndpoint.class).healthForPath("infisical");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> location(IndicatedHealthDescriptor health) {
		Map<String, Object> locations = (Map<String, Object>) health.getDetails().get("locations");
		return (Map<String, Object>) locations.get(LOCATION);
	}

	private static void assertNoLeak(Object output, InfisicalTestServer server) {
		String json = JsonMapper.shared().writeValueAsString(output);
		assertThat(json).doesNotContain(VALUE)
			.doesNotContain(InfisicalTestServer.DEFAULT_CLIENT_SECRET)
			.doesNotContain("rotated-operability-value");
		server.issuedTokens().forEach((token) -> assertThat(json).doesNotContain(token));
	}

	private static String[] concat(String[] first, String... more) {
		String[] all = new String[first.length + more.length];
		System.arraycopy(first, 0, all, 0, first.length);
		System.arraycopy(more, 0, all, first.length, more.length);
		return all;
	}

}
