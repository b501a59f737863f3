package io.github.infisicalstarter.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.infisicalstarter.config.SecretsLocation;
import io.github.infisicalstarter.env.InfisicalSecretsService;
import io.github.infisicalstarter.testserver.Fault;
import io.github.infisicalstarter.testserver.InfisicalTestServer;
import io.github.infisicalstarter.testserver.InfisicalTestServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access-token lifecycle under load: renewals, re-logins at the max TTL, expired and
 * revoked tokens, and no login stampede.
 */
@ExtendWith(OutputCaptureExtension.class)
class TokenLifecycleIntegrationTests {

	@RegisterExtension
	static final InfisicalTestServerExtension infisical = new InfisicalTestServerExtension();

	private static final String PROJECT = InfisicalTestServer.DEFAULT_PROJECT_ID;

	private static final String LOGIN = "/api/v1/auth/universal-auth/login";

	private static final String RENEW = "/api/v1/auth/token/renew";

	@Test
	void shortLivedTokensUnderParallelReads(CapturedOutput output) throws Exception {
		InfisicalTestServer server = infisical.server();
		server.secret(PROJECT, "dev", "/", "FOO", "value-under-load");
		server.defaultIdentity().tokenTtl(Duration.ofSeconds(2)).maxTtl(Duration.ofSeconds(5));
		try (ConfigurableApplicationContext context = TestApps.run(server)) {
			InfisicalSecretsService service = context.getBean(InfisicalSecretsService.class);
			SecretsLocation location = service.getLocations().iterator().next();
			AtomicInteger reads = new AtomicInteger();
			ExecutorService readers = Executors.newFixedThreadPool(4);
			long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(11);
			List<Future<?>> futures = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				futures.add(readers.submit(() -> {
					while (System.nanoTime() < end) {
						service.poll(location);
						reads.incrementAndGet();
						Thread.sleep(20);
					}
					return null;
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
			readers.shutdown();
			assertThat(reads.get()).isGreaterThan(100);
			assertThat(context.getEnvironment().getProperty("FOO")).isEqualTo("value-under-load");
		}
		long logins = server.count("POST", LOGIN);
		long renews = server.count("POST", RENEW);
		assertThat(logins).as("one login per 5 s max-TTL window").isBetween(3L, 4L);
		assertThat(renews).as("renewals within each window").isGreaterThanOrEqualTo(3L);
		assertThat(server.journal()).filteredOn((request) -> request.path().startsWith("/api/v4"))
			.allSatisfy((request) -> assertThat(request.status()).isIn(200, 304));
		LeakScan.assertNoLeaks(output, server, "value-under-load");
	}

	@Test
	void expiredTokenIsReplacedWithExactlyOneLogin() {
		InfisicalTestServer server = infisical.server();
		server.secret(PROJECT, "dev", "/", "FOO", "x");
		try (ConfigurableApplicationContext context = TestApps.run(server)) {
			InfisicalSecretsService service = context.getBean(InfisicalSecretsService.class);
			SecretsLocation location = service.getLocations().iterator().next();
			server.clock().advance(Duration.ofDays(31));
			server.clearJournal();
			// a slow login keeps the window open while every poller asks for a token
			server.faults().add(LOGIN, 1, Fault.latency(Duration.ofMillis(300)));
			parallelPolls(service, location, 16);
			assertThat(server.count("POST", LOGIN)).isOne();
		}
	}

	@Test
	void revokedTokenIsReplacedWithExactlyOneLogin() {
		InfisicalTestServer server = infisical.server();
		server.secret(PROJECT, "dev", "/", "FOO", "x");
		try (ConfigurableApplicationContext context = TestApps.run(server)) {
			InfisicalSecretsService service = context.getBean(InfisicalSecretsService.class);
			SecretsLocation location = service.getLocations().iterator().next();
			server.revokeAllTokens();
			server.clearJournal();
			// a slow login keeps the window open while every poller asks for a token
			server.faults().add(LOGIN, 1, Fault.latency(Duration.ofMillis(300)));
			parallelPolls(service, location, 16);
			assertThat(server.count("POST", LOGIN)).isOne();
		}
	}

	@Test
	void secretsAreReReadWheneverTheTokenIsReissued() {
		InfisicalTestServer server = infisical.server();
		server.secret(PROJECT, "dev", "/", "FOO", "before");
		server.defaultIdentity().tokenTtl(Duration.ofSeconds(1));
		try (ConfigurableApplicationContext context = TestApps.run(server, "--infisical.refresh.enabled=true",
				"--infisical.refresh.interval=1h", "--infisical.refresh.jitter=0s")) {
			server.secret(PROJECT, "dev", "/", "FOO", "after-renewal");
			org.awaitility.Awaitility.await()
				.atMost(Duration.ofSeconds(10))
				.until(() -> "after-renewal".equals(context.getEnvironment().getProperty("FOO")));
			assertThat(server.count("POST", RENEW)).isPositive();
			assertThat(server.count("POST", LOGIN)).isOne();
		}
	}

	@Test
	void tokenIsRevokedOnShutdown() {
		InfisicalTestServer server = infisical.server();
		try (ConfigurableApplicationContext context = TestApps.run(server, "--infisical.token.revoke-on-shutdown=true",
				"--infisical.fail-fast=false")) {
			assertThat(server.count("POST", LOGIN)).isOne();
		}
		assertThat(server.count("POST", "/api/v1/auth/token/revoke")).isOne();
	}

	@Test
	void legacyServerRenewalStillWorks() throws Exception {
		InfisicalTestServer server = infisical.server();
		server.legacyRenew(true);
		server.secret(PROJECT, "dev", "/", "FOO", "x");
		server.defaultIdentity().tokenTtl(Duration.ofSeconds(1)).maxTtl(Duration.ofSeconds(3));
		try (ConfigurableApplicationContext context = TestApps.run(server)) {
			InfisicalSecretsService service = context.getBean(InfisicalSecretsService.class);
			SecretsLocation location = service.getLocations().iterator().next();
			long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
			while (System.nanoTime() < end) {
				service.poll(location);
				Thread.sleep(50);
			}
		}
		assertThat(server.count("POST", RENEW)).isPositive();
		assertThat(server.count("POST", LOGIN)).isGreaterThan(1);
	}

	private static void parallelPolls(InfisicalSecretsService service, SecretsLocation location, int threads) {
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				futures.add(executor.submit(() -> {
					start.await();
					return service.poll(location);
				}));
			}
			start.countDown();
			for (Future<?> future : futures) {
				future.get();
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			executor.shutdown();
		}
	}

}
