package io.github.infisicalstarter.it;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.github.infisicalstarter.events.InfisicalEventSubscriptions;
import io.github.infisicalstarter.it.SampleApp.DbProperties;
import io.github.infisicalstarter.it.SampleApp.RefreshedFoo;
import io.github.infisicalstarter.actuate.InfisicalEndpoint;
import io.github.infisicalstarter.refresh.InfisicalSecretsWatcher;
import io.github.infisicalstarter.testserver.EventStreams;
import io.github.infisicalstarter.testserver.Fault;
import io.github.infisicalstarter.testserver.InfisicalTestServer;
import io.github.infisicalstarter.testserver.InfisicalTestServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Event subscriptions end to end against the test server's Server-Sent Events: a change
 * arrives without polling (refresh interval one hour), polling slows while the stream is
 * connected and returns when it drops, a missed change is picked up on reconnect, a
 * silent stream is detected, refusals fall back to polling with one warning, and a token
 * re-issue leads to a new subscription with the new token.
 */
@ExtendWith(OutputCaptureExtension.class)
class EventSubscriptionIntegrationTests {

	@RegisterExtension
	static final InfisicalTestServerExtension infisical = new InfisicalTestServerExtension();

	private static final String PROJECT = InfisicalTestServer.DEFAULT_PROJECT_ID;

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final Duration POLLING = Duration.ofHours(1);

	private static final Duration SAFETY = Duration.ofHours(6);

	@Test
	void aChangeReachesTheBeansThroughTheStreamWithoutPolling(CapturedOutput output) {
		InfisicalTestServer server = seed();
		try (ConfigurableApplicationContext context = run(server,
				"--management.endpoints.jmx.exposure.include=infisical", "--spring.jmx.enabled=true")) {
			InfisicalSecretsWatcher watcher = context.getBean(InfisicalSecretsWatcher.class);
			await().atMost(WAIT).until(() -> watcher.currentInterval().equals(SAFETY));
			assertThat(context.getBean(InfisicalEndpoint.class).infisical().refresh().interval()).isEqualTo(SAFETY);
			assertThat(server.events().subscriptions()).singleElement().satisfies((subscription) -> {
				assertThat(subscription.projectId()).isEqualTo(PROJECT);
				assertThat(subscription.registrations()).extracting((r) -> r.get("event"))
					.containsExactly("secret:create", "secret:update", "secret:delete", "secret:import-mutation");
				assertThat(subscription.registrations()).allSatisfy((r) -> {
					assertThat(r).containsEntry("environmentSlug", "dev").containsEntry("secretPath", "/");
				});
			});
			server.secret(PROJECT, "dev", "/", "FOO", "pushed-foo");
			server.secret(PROJECT, "dev", "/", "DB_PASSWORD", "pushed-password");
			await().atMost(WAIT).untilAsserted(() -> {
				assertThat(context.getBean(RefreshedFoo.class).foo()).isEqualTo("pushed-foo");
				assertThat(context.getBean(DbProperties.class).getPassword()).isEqualTo("pushed-password");
			});
			// a change of an imported folder arrives as an import mutation of the
			// location
			server.secretImport(PROJECT, "dev", "/", "prod", "/shared");
			await().atMost(WAIT).until(() -> context.getEnvironment().getProperty("SHARED") == null);
			server.secret(PROJECT, "prod", "/shared", "SHARED", "imported-value");
			await().atMost(WAIT).until(() -> "imported-value".equals(context.getEnvironment().getProperty("SHARED")));
			// a change elsewhere is not subscribed to (counted once the re-reads of the
			// changes above are over: the count stays the same between two polls)
			AtomicLong previous = new AtomicLong(-1);
			await().pollInterval(Duration.ofMillis(300))
				.atMost(WAIT)
				.until(() -> previous.getAndSet(server.count("GET", "/api/v4/secrets")) == server.count("GET",
						"/api/v4/secrets"));
			long reads = server.count("GET", "/api/v4/secrets");
			server.secret(PROJECT, "staging", "/", "OTHER", "elsewhere");
			await().during(Duration.ofMillis(500))
				.atMost(WAIT)
				.until(() -> server.count("GET", "/api/v4/secrets") == reads);
		}
		LeakScan.assertNoLeaks(output, server, "initial-foo", "pushed-foo", "pushed-password", "imported-value");
		assertThat(output.getAll()).doesNotContain("DB_PASSWORD\"");
	}

	@Test
	void droppedStreamRestoresPollingAndReconnectPicksUpTheMissedChange(CapturedOutput output) {
		InfisicalTestServer server = seed();
		try (ConfigurableApplicationContext context = run(server)) {
			InfisicalSecretsWatcher watcher = context.getBean(InfisicalSecretsWatcher.class);
			await().atMost(WAIT).until(() -> watcher.currentInterval().equals(SAFETY));
			server.faults().always("/api/v1/events", Fault.status(503));
			assertThat(server.events().dropAll()).isOne();
			await().atMost(WAIT).until(() -> watcher.currentInterval().equals(POLLING));
			server.secret(PROJECT, "dev", "/", "FOO", "missed-while-down");
			assertThat(context.getBean(RefreshedFoo.class).foo()).isEqualTo("initial-foo");
			server.faults().clear();
			await().atMost(Duration.ofSeconds(20)).until(() -> watcher.currentInterval().equals(SAFETY));
			await().atMost(WAIT).until(() -> context.getBean(RefreshedFoo.class).foo().equals("missed-while-down"));
			assertThat(server.events().subscriptions()).hasSizeGreaterThanOrEqualTo(2);
		}
		assertThat(output.getAll()).contains("event stream of project " + PROJECT + " was lost");
		LeakScan.assertNoLeaks(output, server, "initial-foo", "missed-while-down");
	}

	@Test
	void silentStreamIsTreatedAsDeadAndReplaced(CapturedOutput output) {
		InfisicalTestServer server = seed();
		server.events().pingInterval(Duration.ofMillis(200));
		try (ConfigurableApplicationContext context = run(server, "--infisical.refresh.events.ping-interval=200ms")) {
			InfisicalSecretsWatcher watcher = context.getBean(InfisicalSecretsWatcher.class);
			await().atMost(WAIT).until(() -> watcher.currentInterval().equals(SAFETY));
			server.events().silent(true);
			await().atMost(WAIT).until(() -> output.getAll().contains("silent for longer than three ping intervals"));
			server.events().silent(false);
			await().atMost(WAIT).until(() -> server.events().subscriptions().size() >= 2);
			await().atMost(WAIT).until(() -> watcher.currentInterval().equals(SAFETY));
			server.secret(PROJECT, "dev", "/", "FOO", "after-silence");
			await().atMost(WAIT).until(() -> context.getBean(RefreshedFoo.class).foo().equals("after-silence"));
		}
	}

	@ParameterizedTest
	@EnumSource(value = EventStreams.Answer.class, names = { "NO_ROUTE", "PLAN", "TOO_MANY", "FORBIDDEN" })
	void aRefusalLogsOneWarningAndKeepsPolling(EventStreams.Answer answer, CapturedOutput output) throws Exception {
		InfisicalTestServer server = seed();
		server.events().answer(answer);
		try (ConfigurableApplicationContext context = run(server, "--infisical.refresh.interval=300ms")) {
			InfisicalSecretsWatcher watcher = context.getBean(InfisicalSecretsWatcher.class);
			await().atMost(WAIT)
				.until(() -> output.getAll().contains("Infisical refused an event stream")
						|| output.getAll().contains("Infisical event subscriptions for project"));
			assertThat(watcher.currentInterval()).isEqualTo(Duration.ofMillis(300));
			server.secret(PROJECT, "dev", "/", "FOO", "polled-foo");
			await().atMost(WAIT).until(() -> context.getBean(RefreshedFoo.class).foo().equals("polled-foo"));
			Thread.sleep(1500);
			assertThat(server.count("POST", "/api/v1/events/subscribe/project-events")).isOne();
			assertThat(context.getBean(InfisicalEventSubscriptions.class).connectedProjects()).isEmpty();
		}
		String all = output.getAll();
		String expected = switch (answer) {
			case NO_ROUTE -> "the server has no event route";
			case PLAN -> "not available on the organisation's Infisical plan";
			case TOO_MANY -> "concurrent event subscriptions are used up";
			case FORBIDDEN -> "lacks the 'Secret Events' permission";
			default -> throw new IllegalStateException();
		};
		assertThat(all.split(expected, -1)).hasSize(2);
		assertThat(all).doesNotContain("APPLICATION FAILED TO START");
		LeakScan.assertNoLeaks(output, server, "initial-foo", "polled-foo");
	}

	@Test
	void aReissuedTokenLeadsToANewSubscriptionWithIt(CapturedOutput output) {
		InfisicalTestServer server = seed();
		server.defaultIdentity().tokenTtl(Duration.ofSeconds(3));
		server.events().pingInterval(Duration.ofMillis(200));
		try (ConfigurableApplicationContext context = run(server)) {
			await().atMost(WAIT).until(() -> server.events().subscriptions().size() >= 1);
			String first = server.events().subscriptions().get(0).token();
			await().atMost(Duration.ofSeconds(15))
				.until(() -> server.events().subscriptions().stream().anyMatch((s) -> !s.token().equals(first)));
			await().atMost(WAIT).until(() -> server.events().openStreams(PROJECT) == 1);
			server.secret(PROJECT, "dev", "/", "FOO", "after-reissue");
			await().atMost(WAIT).until(() -> context.getBean(RefreshedFoo.class).foo().equals("after-reissue"));
		}
		LeakScan.assertNoLeaks(output, server, "initial-foo", "after-reissue");
	}

	private static InfisicalTestServer seed() {
		InfisicalTestServer server = infisical.server();
		server.secret(PROJECT, "dev", "/", "FOO", "initial-foo")
			.secret(PROJECT, "dev", "/", "DB_PASSWORD", "initial-password");
		return server;
	}

	private static ConfigurableApplicationContext run(InfisicalTestServer server, String... extra) {
		String[] args = new String[extra.length + 5];
		args[0] = "--infisical.refresh.enabled=true";
		args[1] = "--infisical.refresh.interval=" + POLLING.toSeconds() + "s";
		args[2] = "--infisical.refresh.jitter=0s";
		args[3] = "--infisical.refresh.events.enabled=true";
		args[4] = "--infisical.refresh.events.safety-interval=" + SAFETY.toSeconds() + "s";
		System.arraycopy(extra, 0, args, 5, extra.length);
		return TestApps.run(server, args);
	}

}
