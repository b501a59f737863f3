package io.github.infisicalstarter.it;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.github.infisicalstarter.client.SecretUpdate;
import io.github.infisicalstarter.config.SecretsLocation;
import io.github.infisicalstarter.core.InfisicalOperations;
import io.github.infisicalstarter.env.InfisicalPropertySource;
import io.github.infisicalstarter.env.InfisicalSecretsService;
import io.github.infisicalstarter.it.SampleApp.FooHolder;
import io.github.infisicalstarter.it.SampleApp.RefreshedFoo;
import io.github.infisicalstarter.refresh.InfisicalSecretsWatcher;
import io.github.infisicalstarter.testserver.Fault;
import io.github.infisicalstarter.testserver.InfisicalTestServer;
import io.github.infisicalstarter.testserver.InfisicalTestServerExtension;
import io.github.infisicalstarter.testserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.cloud.context.refresh.ContextRefresher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault matrix of issue 4: one test per way Infisical (or the network in front of it)
 * can misbehave. Each row asserts the outcome (the application starts, or stops with one
 * clear failure analysis), the values the application sees, and that the captured output
 * holds no secret value, access token or client secret.
 */
@ExtendWith(OutputCaptureExtension.class)
class FaultMatrixIntegrationTests {

	@RegisterExtension
	static final InfisicalTestServerExtension infisical = new InfisicalTestServerExtension();

	private static final String PROJECT = InfisicalTestServer.DEFAULT_PROJECT_ID;

	private static final String LOGIN = "/api/v1/auth/universal-auth/login";

	private static final String V4 = "/api/v4/secrets";

	private static final String V3 = "/api/v3/secrets/raw";

	private static final String FOO = "fault-matrix-foo-value";

	private static final String EXTRA = "fault-matrix-extra-value";

	/** Short, quick retries for the rows where retrying is the point. */
	private static final String[] RETRIES = { "--infisical.retry.max-attempts=10",
			"--infisical.retry.initial-interval=100ms", "--infisical.retry.max-interval=500ms" };

	/** A watcher bean whose own schedule never fires during a test; rows drive it. */
	private static final String[] WATCHED = { "--infisical.refresh.enabled=true", "--infisical.refresh.interval=1h",
			"--infisical.refresh.jitter=0s" };

	// --- server down
	// ---------------------------------------------------------------------

	@Test
	void serverDownAtStartupFailsFastNamingTheUrl(CapturedOutput output) {
		InfisicalTestServer server = seed();
		server.stop();
		FailureReport failure = startupFails(output, args(RETRIES, "--infisical.retry.max-attempts=3"));
		assertThat(failure.description()).contains("could not be reached at " + server.url() + LOGIN)
			.contains("project '" + PROJECT + "', environment 'dev', path '/'")
			.contains("Gave up after 3 attempts");
		assertThat(failure.action()).contains("Check infisical.site-url");
		LeakScan.assertNoLeaks(output, server, FOO);
	}

	@Test
	void serverDownAtStartupWithOptionalImportStartsWithout(CapturedOutput output) {
		InfisicalTestServer server = seed();
		server.stop();
		try (ConfigurableApplicationContext context = TestApps.run(server,
				"--spring.config.import=optional:infisical:")) {
			assertThat(context.getBean(FooHolder.class).foo()).isEmpty();
			assertThat(context.getEnvironment().getProperty("FOO")).isNull();
		}
		assertThat(output.getAll()).contains("WARN")
			.contains("could not be reached at " + server.url())
			.contains("Starting without these secrets (the location is optional)")
			.doesNotContain("APPLICATION FAILED TO START");
		LeakScan.assertNoLeaks(output, server, FOO);
	}

	@Test
	void serverComingUpWithinTheRetryBudgetIsWaitedFor(CapturedOutput output) throws Exception {
		InfisicalTestServer server = seed();
		server.stop();
		long start = System.nanoTime();
		CompletableFuture<Void> restart = CompletableFuture.runAsync(() -> {
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1500));
			server.restart();
		});
		try (ConfigurableApplicationContext context = TestApps.run(server,
				args(RETRIES, "--infisical.retry.max-attempts=30", "--infisical.retry.deadline=10s"))) {
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
			assertThat(context.getBean(FooHolder.class).foo()).isEqualTo(FOO);
		}
		finally {
			restart.get(10, TimeUnit.SECONDS);
		}
		assertThat(output.getAll()).contains("attempt 1 of 30").contains("could not be reached");
		assertThat(server.count("POST", LOGIN)).isOne();
		LeakScan.assertNoLeaks(output, server, FOO);
	}

	// --- transient answers at startup
	// ------------------------------------------------------

	@Test
	void burstOf500sAtStartupIsRetried(CapturedOutput output) {
		InfisicalTestServer server = seed();
		server.faults().add(V4, 3, Fault.status(500));
		try (ConfigurableApplicationContext context = TestApps.run(server, RETRIES)) {
			assertThat(context.getBean(FooHolder.class).foo()).isEqualTo(FOO);
		}
		assertThat(statuses(server, V4)).startsWith(500, 500, 500, 200);
		assertThat(output.getAll()).contains("attempt 1 of 10").contains("attempt 3 of 10").contains("500");
		LeakScan.assertNoLeaks(output, server, FOO);
	}

	@Test
	void rateLimitWithRetryAfterIsHonoured(CapturedOutput output) {
		InfisicalTestServer server = seed();
		server.faults().add(V4, 1, Fault.rateLimit(2));
		try (ConfigurableApplicationContext context = TestApps.run(server, RETRIES)) {
			assertThat(context.getBean(FooHolder.class).foo()).isEqualTo(FOO);
		}
		assertThat(statuses(server, V4)).startsWith(429, 200);
		assertThat(gapBetweenFirstTwo(server, V4)).isGreaterThanOrEqualTo(Duration.ofSeconds(2))
			.isLessThan(Duration.ofSeconds(6));
		assertThat(output.getAll()).contains("429");
		LeakScan.assertNoLeaks(output, server, FOO);
	}

	@Test
	void rateLimitWithoutRetryAfterHonoursTheMessage(CapturedOutput output) {
		InfisicalTestServer server = seed();
		server.faults().add(V4, 1, Fault.rateLimit(null));
		try (ConfigurableApplicationContext context = TestApps.run(server, RETRIES)) {
			assertThat(context.getBean(FooHolder.class).foo()).isEqualTo(FOO);
		}
		assertThat(statuses(server, V4)).startsWith(429, 200);
		assertThat(output.getAll()).contains("try again in 2 seconds");
		assertThat(gapBetweenFirstTwo(server, V4)).isGreaterThanOrEqualTo(Duration.ofSeconds(2))
			.isLessThan(Duration.ofSeconds(6));
		LeakScan.assertNoLeaks(output, server, FOO);
	}

	@Test
	void readTimeoutOnceIsRetried(CapturedOutput output) {
		InfisicalTestServer server = seed();
		server.faults().add(V4, 1, Fault.latency(Duration.ofMillis(1500)));
		try (ConfigurableApplicationContext context = TestApps.run(server,
				args(RETRIES, "--infisical.http.read-timeout=300ms"))) {
			assertThat(context.getBean(FooHolder.class).foo()).isEqualTo(FOO);
		}
		assertThat(server.count("GET", V4)).isGreaterThanOrEqualTo(2);
		assertThat(output.getAll()).contains("did not answer in time").contains("attempt 1 of 10");
		LeakScan.assertNoLeaks(output, server, FOO);
	}

	@Test
	void readTimeoutEveryTimeFailsClearly(CapturedOutput output) {
		InfisicalTestServer server = seed();
		server.faults().always(V4, Fault.latency(Duration.ofSeconds(2)));
		FailureReport failure = startupFails(output,
				args(RETRIES, "--infisical.retry.max-attempts=2", "--infisical.http.read-timeout=300ms"));
		assertThat(failure.description()).contains("GET " + server.url() + V4)
			.contains("did not answer in time")
			.contains("Gave up after 2 attempts");
		assertThat(failure.action()).contains("infisical.http.read-timeout");
		LeakScan.assertNoLeaks(output, server, FOO);
	}

	@Test
	void connectionDroppedMidResponseIsRetried(CapturedOutput output) {
		InfisicalTestServer server = seed();
		server.faults().add(V4, 2, Fault.truncate());
		try (ConfigurableApplicationContext context = TestApps.run(server, RETRIES)) {
			assertThat(context.getBean(FooHolder.class).foo()).isEqualTo(FOO);
			assertThat(context.getEnvironment().getProperty("EXTRA")).isEqualTo(EXTRA);
		}
		assertThat(server.count("GET", V4)).isEqualTo(3);
		assertThat(output.getAll()).contains("attempt 2 of 10").contains("closed before");
		LeakScan.assertNoLeaks(output, server, FOO, EXTRA);
	}

	// --- bad answers
	// ---------------------------------------------------------------------

	@Test
	void malformedJsonFailsNamingTheEndpointAndPublishesNothing(CapturedOutput output) {
		InfisicalTestServer server = seed();
		server.faults()
			.always(V4, Fault.body(200, "application/json",
					"{\"secrets\":[{\"secretKey\":\"FOO\",\"secretValue\":\"partial-value\"},{\"secretKey\" \"BAR\"}]}"));
		FailureReport failure = startupFails(output, RETRIES);
		assertThat(failure.description()).contains("answer to GET " + server.url() + V4 + " is unusable")
			.contains("not valid JSON");
		assertThat(failure.action()).contains("infisical.site-url");
		assertThat(server.count("GET", V4)).as("a malformed answer is not retried").isOne();
		assertNothingPublished(server);
		LeakScan.assertNoLeaks(output, server, FOO, "partial-value");
	}

	@Test
	void htmlPageFromAProxyFailsClearly(CapturedOutput output) {
		InfisicalTestServer server = seed();
		server.faults()
			.always("/api", Fault.body(200, "text/html; charset=utf-8",
					"<html><body><h1>Proxy login</h1><p>secret-html-marker</p></body></html>"));
		FailureReport failure = startupFails(output, RETRIES);
		assertThat(failure.description()).contains("answer to POST " + server.url() + LOGIN + " is unusable")
			.contains("text/html where JSON was expected");
		assertThat(failure.action()).contains("infisical.site-url");
		assertThat(output.getAll()).doesNotContain("secret-html-marker").doesNotContain("<html>");
		assertNothingPublished(server);
		LeakScan.assertNoLeaks(output, server, FOO);
	}

	@Test
	void truncatedBodyFailsAsInvalidJsonAndPublishesNothing(CapturedOutput output) {
		InfisicalTestServer server = seed();
		server.faults()
			.always(V4, Fault.body(200, "application/json",
					"{\"secrets\":[{\"secretKey\":\"FOO\",\"secretValue\":\"truncated-value\"},{\"secretKey\":\"EX"));
		FailureReport failure = startupFails(output, RETRIES);
		assertThat(failure.description()).contains("GET " + server.url() + V4).contains("not valid JSON");
		assertNothingPublished(server);
		LeakScan.assertNoLeaks(output, server, FOO, "truncated-value");
	}

	// --- permanent failures: clear, and never retried
	// -----------------------------------------

	@Test
	void unauthorizedAtLogin(CapturedOutput output) {
		InfisicalTestServer server = seed();
		server.faults().always(LOGIN, Fault.status(401));
		FailureReport failure = startupFails(output, RETRIES);
		assertThat(failure.description()).contains("401").contains("POST " + server.url() + LOGIN);
		assertThat(failure.action()).contains("Check infisical.client-id and infisical.client-secret");
		assertThat(server.count("POST", LOGIN)).isOne();
		LeakScan.assertNoLeaks(output, server, FOO);
	}

	@Test
	void forbiddenOnList(CapturedOutput output) {
		InfisicalTestServer server = seed();
		server.denyPath(InfisicalTestServer.DEFAULT_CLIENT_ID, PROJECT, "dev", "/");
		FailureReport failure = startupFails(output, RETRIES);
		assertThat(failure.description()).contains("403").contains("GET " + server.url() + V4);
		assertThat(failure.action()).contains("Give the machine identity access");
		assertThat(server.count("GET", V4)).isOne();
		assertThat(server.count("POST", LOGIN)).isOne();
		LeakScan.assertNoLeaks(output, server, FOO);
	}

	@Test
	void unknownEnvironment(CapturedOutput output) {
		InfisicalTestServer server = seed();
		FailureReport failure = startupFails(output, args(RETRIES, "--infisical.environment=nope"));
		assertThat(failure.description()).contains("404").contains("environment 'nope', path '/'");
		assertThat(failure.action()).contains("Check infisical.environment");
		assertThat(server.count("GET", V4)).isOne();
		LeakScan.assertNoLeaks(output, server, FOO);
	}

	@Test
	void unknownPath(CapturedOutput output) {
		InfisicalTestServer server = seed();
		FailureReport failure = startupFails(output, args(RETRIES, "--infisical.secret-path=/missing"));
		assertThat(failure.description()).contains("404").contains("environment 'dev', path '/missing'");
		assertThat(failure.action()).contains("infisical.secret-path");
		assertThat(server.count("GET", V4)).isOne();
		LeakScan.assertNoLeaks(output, server, FOO);
	}

	@Test
	void validationFailure(CapturedOutput output) {
		InfisicalTestServer server = seed();
		server.faults().always(V4, Fault.status(422));
		FailureReport failure = startupFails(output, RETRIES);
		assertThat(failure.description()).contains("422").contains("GET " + server.url() + V4);
		assertThat(failure.action()).contains("rejected them as invalid");
		assertThat(server.count("GET", V4)).isOne();
		LeakScan.assertNoLeaks(output, server, FOO);
	}

	@Test
	void oldServerAnsweringAnEmptyListStartsWithOneWarning(CapturedOutput output) {
		InfisicalTestServer server = seed();
		server.v4Enabled(false);
		server.emptyForUnknownPaths(true);
		try (ConfigurableApplicationContext context = TestApps.run(server, "--infisical.environment=typo")) {
			assertThat(context.getBean(FooHolder.class).foo()).isEmpty();
			assertThat(context.getEnvironment().getProperty("FOO")).isNull();
			InfisicalSecretsService service = context.getBean(InfisicalSecretsService.class);
			assertThat(service.poll(onlyLocation(service))).isNull();
		}
		assertThat(statuses(server, "/api/v4")).containsExactly(404);
		assertThat(statuses(server, V3)).containsExactly(200, 304);
		String warning = "Infisical returned no secrets for project '" + PROJECT + "', environment 'typo', path '/'";
		assertThat(count(output.getAll(), warning)).isOne();
		assertThat(lineWith(output.getAll(), warning)).contains("WARN");
		LeakScan.assertNoLeaks(output, server, FOO);
	}

	// --- tokens mid-run
	// ------------------------------------------------------------------

	@Test
	void expiredTokenMidRunIsReplacedWithOneLogin(CapturedOutput output) {
		InfisicalTestServer server = seed();
		try (ConfigurableApplicationContext context = TestApps.run(server, WATCHED)) {
			InfisicalSecretsWatcher watcher = stoppedWatcher(context);
			server.clock().advance(Duration.ofDays(31));
			server.secret(PROJECT, "dev", "/", "FOO", "after-expiry-value");
			server.clearJournal();
			assertThat(watcher.pollNow()).isTrue();
			assertThat(context.getEnvironment().getProperty("FOO")).isEqualTo("after-expiry-value");
			assertThat(context.getBean(RefreshedFoo.class).foo()).isEqualTo("after-expiry-value");
			assertThat(server.count("POST", LOGIN)).isOne();
			assertThat(statuses(server, V4)).containsExactly(403, 200);
		}
		assertThat(output.getAll()).doesNotContain("Could not refresh");
		LeakScan.assertNoLeaks(output, server, FOO, EXTRA, "after-expiry-value");
	}

	@Test
	void revokedTokenMidRunIsReplacedWithOneLogin(CapturedOutput output) {
		InfisicalTestServer server = seed();
		try (ConfigurableApplicationContext context = TestApps.run(server, WATCHED)) {
			InfisicalSecretsWatcher watcher = stoppedWatcher(context);
			server.revokeAllTokens();
			server.secret(PROJECT, "dev", "/", "FOO", "after-revoke-value");
			server.clearJournal();
			assertThat(watcher.pollNow()).isTrue();
			assertThat(context.getEnvironment().getProperty("FOO")).isEqualTo("after-revoke-value");
			assertThat(server.count("POST", LOGIN)).isOne();
			assertThat(statuses(server, V4)).containsExactly(401, 200);
		}
		assertThat(output.getAll()).doesNotContain("Could not refresh");
		LeakScan.assertNoLeaks(output, server, FOO, EXTRA, "after-revoke-value");
	}

	@Test
	void maxTtlReachedMidRunSurfacesNoFailure(CapturedOutput output) {
		InfisicalTestServer server = seed();
		server.defaultIdentity().tokenTtl(Duration.ofSeconds(1)).maxTtl(Duration.ofSeconds(2));
		try (ConfigurableApplicationContext context = TestApps.run(server, WATCHED)) {
			InfisicalSecretsWatcher watcher = stoppedWatcher(context);
			long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(3200);
			int polls = 0;
			while (System.nanoTime() < end) {
				watcher.pollNow();
				assertThat(context.getEnvironment().getProperty("FOO")).isEqualTo(FOO);
				polls++;
				LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
			}
			assertThat(polls).isGreaterThan(20);
			assertThat(context.getBean(FooHolder.class).foo()).isEqualTo(FOO);
		}
		assertThat(server.count("POST", LOGIN)).as("the max TTL forces a new login").isGreaterThanOrEqualTo(2);
		assertThat(output.getAll()).doesNotContain("Could not refresh")
			.doesNotContain("Could not renew")
			.doesNotContain("APPLICATION FAILED TO START");
		LeakScan.assertNoLeaks(output, server, FOO, EXTRA);
	}

	// --- refresh under faults
	// ------------------------------------------------------------

	@Test
	void serverDownDuringRefreshKeepsTheLastGoodValues(CapturedOutput output) {
		InfisicalTestServer server = seed();
		try (ConfigurableApplicationContext context = TestApps.run(server, WATCHED)) {
			InfisicalSecretsWatcher watcher = stoppedWatcher(context);
			server.stop();
			for (int i = 0; i < 3; i++) {
				assertThat(watcher.pollNow()).isFalse();
			}
			context.getBean(ContextRefresher.class).refresh();
			assertThat(context.getEnvironment().getProperty("FOO")).isEqualTo(FOO);
			assertThat(context.getEnvironment().getProperty("EXTRA")).isEqualTo(EXTRA);
			assertThat(context.getBean(RefreshedFoo.class).foo()).isEqualTo(FOO);
			server.restart();
			server.secret(PROJECT, "dev", "/", "FOO", "after-outage-value");
			assertThat(watcher.pollNow()).isTrue();
			assertThat(context.getBean(RefreshedFoo.class).foo()).isEqualTo("after-outage-value");
		}
		assertThat(output.getAll()).contains("keeping the last good values").contains("could not be reached");
		LeakScan.assertNoLeaks(output, server, FOO, EXTRA, "after-outage-value");
	}

	@Test
	void secretDeletedWhileRunningLeavesTheEnvironment(CapturedOutput output) {
		InfisicalTestServer server = seed();
		try (ConfigurableApplicationContext context = TestApps.run(server, WATCHED)) {
			InfisicalSecretsWatcher watcher = stoppedWatcher(context);
			assertThat(context.getBean(RefreshedFoo.class).extra()).isEqualTo(EXTRA);
			server.deleteSecret(PROJECT, "dev", "/", "EXTRA");
			assertThat(watcher.pollNow()).isTrue();
			ConfigurableEnvironment environment = context.getEnvironment();
			assertThat(environment.getProperty("EXTRA")).isNull();
			assertThat(infisicalSource(context).containsProperty("EXTRA")).isFalse();
			assertThat(context.getBean(RefreshedFoo.class).extra()).isEmpty();
			assertThat(environment.getProperty("FOO")).isEqualTo(FOO);
		}
		LeakScan.assertNoLeaks(output, server, FOO, EXTRA);
	}

	@Test
	void thousandParallelReadersDuringFiftyRefreshesNeverSeeATornPair(CapturedOutput output) throws Exception {
		InfisicalTestServer server = infisical.server();
		server.secret(PROJECT, "dev", "/", "A", pairValue(0)).secret(PROJECT, "dev", "/", "B", pairValue(0));
		try (ConfigurableApplicationContext context = TestApps.run(server, WATCHED)) {
			InfisicalSecretsWatcher watcher = stoppedWatcher(context);
			ConfigurableEnvironment environment = context.getEnvironment();
			String name = infisicalSource(context).getName();
			PairReaders readers = new PairReaders(environment, name, 1000);
			readers.start();
			try {
				for (int generation = 1; generation <= 50; generation++) {
					server.secret(PROJECT, "dev", "/", "A", pairValue(generation))
						.secret(PROJECT, "dev", "/", "B", pairValue(generation));
					assertThat(watcher.pollNow()).isTrue();
					assertThat(environment.getProperty("A")).isEqualTo(pairValue(generation));
				}
			}
			finally {
				readers.stop();
			}
			assertThat(readers.problems).isEmpty();
			assertThat(readers.reads.get()).isGreaterThan(10_000);
			assertThat(readers.generationsSeen).as("readers ran during the refreshes").hasSizeGreaterThan(10);
			assertThat(environment.getProperty("B")).isEqualTo(pairValue(50));
		}
		LeakScan.assertNoLeaks(output, server,
				IntStream.rangeClosed(0, 50).mapToObj(FaultMatrixIntegrationTests::pairValue).toArray(String[]::new));
	}

	// --- TLS
	// -----------------------------------------------------------------------------

	@Test
	void untrustedCertificateFailsNamingTheSslBundleProperty(CapturedOutput output) {
		try (InfisicalTestServer server = InfisicalTestServer.startHttps()) {
			server.secret(PROJECT, "dev", "/", "FOO", FOO);
			FailureReport failure = startupFails(output, server, RETRIES);
			assertThat(failure.description()).contains("TLS connection to " + server.url() + LOGIN)
				.contains("certificate is not trusted")
				.as("a certificate problem is not retried")
				.doesNotContain("Gave up after");
			assertThat(failure.action()).contains("infisical.ssl.bundle");
			LeakScan.assertNoLeaks(output, server, FOO);
		}
	}

	@Test
	void rightSslBundleConnects(CapturedOutput output) {
		try (InfisicalTestServer server = InfisicalTestServer.startHttps()) {
			server.secret(PROJECT, "dev", "/", "FOO", FOO);
			String bundle = "--spring.ssl.bundle.jks.infisical-ca.truststore.";
			try (ConfigurableApplicationContext context = TestApps.run(server,
					bundle + "location=" + InfisicalTestServer.trustStore(),
					bundle + "password=" + InfisicalTestServer.TLS_STORE_PASSWORD, bundle + "type=PKCS12",
					"--infisical.ssl.bundle=infisical-ca")) {
				assertThat(server.url()).startsWith("https://");
				assertThat(context.getBean(FooHolder.class).foo()).isEqualTo(FOO);
				// PATCH goes through the JDK HttpClient, built with the same bundle
				InfisicalOperations infisical = context.getBean(InfisicalOperations.class);
				assertThat(infisical.updateSecret(infisical.path("/"), "FOO", SecretUpdate.value(EXTRA)).isApplied())
					.isTrue();
				assertThat(server.findSecret(PROJECT, "dev", "/", "FOO"))
					.hasValueSatisfying((secret) -> assertThat(secret.value()).isEqualTo(EXTRA));
			}
			assertThat(server.count("GET", V4)).isOne();
			assertThat(output.getAll()).doesNotContain("plain http://");
			LeakScan.assertNoLeaks(output, server, FOO, EXTRA, InfisicalTestServer.TLS_STORE_PASSWORD);
		}
	}

	// --- helpers
	// -------------------------------------------------------------------------

	private static InfisicalTestServer seed() {
		InfisicalTestServer server = infisical.server();
		server.secret(PROJECT, "dev", "/", "FOO", FOO).secret(PROJECT, "dev", "/", "EXTRA", EXTRA);
		return server;
	}

	private static String[] args(String[] defaults, String... extra) {
		return Stream.concat(Stream.of(defaults), Stream.of(extra)).toArray(String[]::new);
	}

	private static FailureReport startupFails(CapturedOutput output, String... args) {
		return startupFails(output, infisical.server(), args);
	}

	private static FailureReport startupFails(CapturedOutput output, InfisicalTestServer server, String... args) {
		return FailureReport.ofFailedStartup(output, server, args);
	}

	/**
	 * Start again with {@code infisical.fail-fast=false}: the bad answer must leave the
	 * location's property source empty, never partly filled.
	 */
	private static void assertNothingPublished(InfisicalTestServer server) {
		try (ConfigurableApplicationContext context = TestApps.run(server, "--infisical.fail-fast=false")) {
			assertThat(context.getEnvironment().getProperty("FOO")).isNull();
			assertThat(context.getBean(FooHolder.class).foo()).isEmpty();
			context.getEnvironment()
				.getPropertySources()
				.stream()
				.filter(InfisicalPropertySource.class::isInstance)
				.forEach((source) -> assertThat(((InfisicalPropertySource) source).getPropertyNames()).isEmpty());
		}
	}

	private static InfisicalSecretsWatcher stoppedWatcher(ConfigurableApplicationContext context) {
		InfisicalSecretsWatcher watcher = context.getBean(InfisicalSecretsWatcher.class);
		watcher.stop();
		return watcher;
	}

	private static SecretsLocation onlyLocation(InfisicalSecretsService service) {
		assertThat(service.getLocations()).hasSize(1);
		return service.getLocations().iterator().next();
	}

	private static InfisicalPropertySource infisicalSource(ConfigurableApplicationContext context) {
		String name = onlyLocation(context.getBean(InfisicalSecretsService.class)).name();
		PropertySource<?> source = context.getEnvironment().getPropertySources().get(name);
		assertThat(source).isInstanceOf(InfisicalPropertySource.class);
		return (InfisicalPropertySource) source;
	}

	private static List<Integer> statuses(InfisicalTestServer server, String pathPrefix) {
		return server.journal()
			.stream()
			.filter((request) -> request.path().startsWith(pathPrefix))
			.map(RecordedRequest::status)
			.toList();
	}

	private static Duration gapBetweenFirstTwo(InfisicalTestServer server, String pathPrefix) {
		List<Instant> arrivals = server.journal()
			.stream()
			.filter((request) -> request.path().startsWith(pathPrefix))
			.map(RecordedRequest::at)
			.toList();
		assertThat(arrivals).hasSizeGreaterThanOrEqualTo(2);
		return Duration.between(arrivals.get(0), arrivals.get(1));
	}

	private static int count(String text, String needle) {
		int count = 0;
		for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
			count++;
		}
		return count;
	}

	private static String lineWith(String text, String needle) {
		return text.lines().filter((line) -> line.contains(needle)).findFirst().orElse("");
	}

	private static String pairValue(int generation) {
		return "torn-pair-" + generation + "-value";
	}

	private static int generation(String value) {
		return Integer.parseInt(value.substring("torn-pair-".length(), value.length() - "-value".length()));
	}

	/**
	 * The failure analysis Spring Boot printed.
	 */

	/**
	 * Reader threads that read the pair A and B over and over, from the Infisical
	 * property source (one source: the pair must always match) and through the
	 * Environment (two lookups: never null, never B older than A).
	 */
	private static final class PairReaders {

		/**
		 * 1,000 readers each reading every 20 ms keep two cores busy without starving the
		 * refresh.
		 */
		private static final long READER_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

		private final ConfigurableEnvironment environment;

		private final String sourceName;

		private final int threads;

		private final ExecutorService executor;

		private final AtomicBoolean done = new AtomicBoolean();

		private final CountDownLatch started;

		final AtomicLong reads = new AtomicLong();

		final Queue<String> problems = new ConcurrentLinkedQueue<>();

		final Set<Integer> generationsSeen = ConcurrentHashMap.newKeySet();

		PairReaders(ConfigurableEnvironment environment, String sourceName, int threads) {
			this.environment = environment;
			this.sourceName = sourceName;
			this.threads = threads;
			this.executor = Executors.newFixedThreadPool(threads);
			this.started = new CountDownLatch(threads);
		}

		void start() throws InterruptedException {
			for (int i = 0; i < this.threads; i++) {
				this.executor.execute(this::run);
			}
			assertThat(this.started.await(10, TimeUnit.SECONDS)).isTrue();
		}

		void stop() throws InterruptedException {
			this.done.set(true);
			this.executor.shutdown();
			assertThat(this.executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
		}

		private void run() {
			this.started.countDown();
			while (!this.done.get()) {
				try {
					readOnce();
				}
				catch (RuntimeException ex) {
					problem("reader failed: " + ex.getClass().getSimpleName());
				}
				this.reads.incrementAndGet();
				LockSupport.parkNanos(READER_PAUSE_NANOS);
			}
		}

		private void readOnce() {
			PropertySource<?> source = this.environment.getPropertySources().get(this.sourceName);
			if (!(source instanceof InfisicalPropertySource infisical)) {
				problem("property source missing: " + ((source != null) ? source.getClass().getSimpleName() : null));
				return;
			}
			Object a = infisical.getProperty("A");
			Object b = infisical.getProperty("B");
			if (a == null || b == null) {
				problem("null from the property source");
				return;
			}
			if (!a.equals(b)) {
				problem("torn pair in one property source: A generation " + generation((String) a) + ", B generation "
						+ generation((String) b));
				return;
			}
			this.generationsSeen.add(generation((String) a));
			String viaA = this.environment.getProperty("A");
			String viaB = this.environment.getProperty("B");
			if (viaA == null || viaB == null) {
				problem("null from the Environment");
				return;
			}
			if (generation(viaB) < generation(viaA)) {
				problem("Environment went back: A generation " + generation(viaA) + ", then B generation "
						+ generation(viaB));
			}
		}

		private void problem(String problem) {
			if (this.problems.size() < 20) {
				this.problems.add(problem);
			}
		}

	}

}
