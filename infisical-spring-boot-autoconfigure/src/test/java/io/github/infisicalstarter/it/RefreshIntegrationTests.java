package io.github.infisicalstarter.it;

import java.time.Duration;
import java.util.Set;

import io.github.infisicalstarter.it.SampleApp.ChangeRecorder;
import io.github.infisicalstarter.it.SampleApp.DbProperties;
import io.github.infisicalstarter.it.SampleApp.RefreshedFoo;
import io.github.infisicalstarter.refresh.InfisicalSecretsWatcher;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Live refresh: changed, added and deleted secrets reach {@code @RefreshScope} beans and
 * {@code @ConfigurationProperties}, unchanged polls cost one 304 and publish nothing, and
 * an outage keeps the last good values.
 */
@ExtendWith(OutputCaptureExtension.class)
class RefreshIntegrationTests {

	@RegisterExtension
	static final InfisicalTestServerExtension infisical = new InfisicalTestServerExtension();

	private static final String PROJECT = InfisicalTestServer.DEFAULT_PROJECT_ID;

	private static final Duration WAIT = Duration.ofSeconds(10);

	@Test
	void changedAddedAndDeletedSecretsReachTheBeans(CapturedOutput output) {
		InfisicalTestServer server = seed();
		try (ConfigurableApplicationContext context = run(server)) {
			ChangeRecorder recorder = context.getBean(ChangeRecorder.class);
			server.secret(PROJECT, "dev", "/", "FOO", "rotated-foo");
			server.secret(PROJECT, "dev", "/", "DB_PASSWORD", "rotated-password");
			await().atMost(WAIT).untilAsserted(() -> {
				assertThat(context.getBean(RefreshedFoo.class).foo()).isEqualTo("rotated-foo");
				assertThat(context.getBean(DbProperties.class).getPassword()).isEqualTo("rotated-password");
			});
			assertThat(recorder.events()).hasSize(1);
			assertThat(recorder.events().get(0)).contains("FOO", "DB_PASSWORD", "db.password");

			server.secret(PROJECT, "dev", "/", "EXTRA", "added-extra");
			await().atMost(WAIT).until(() -> context.getBean(RefreshedFoo.class).extra().equals("added-extra"));

			server.deleteSecret(PROJECT, "dev", "/", "DB_PASSWORD");
			await().atMost(WAIT).until(() -> context.getEnvironment().getProperty("DB_PASSWORD") == null);
			assertThat(recorder.events().get(recorder.events().size() - 1)).contains("DB_PASSWORD");
			assertThat(server.count("POST", "/api/v1/auth/universal-auth/login")).as(server.journal().toString())
				.isOne();
		}
		LeakScan.assertNoLeaks(output, server, "initial-foo", "rotated-foo", "rotated-password", "added-extra");
	}

	@Test
	void unchangedPollsCostOneConditionalRequestAndPublishNothing() throws Exception {
		InfisicalTestServer server = seed();
		try (ConfigurableApplicationContext context = run(server)) {
			ChangeRecorder recorder = context.getBean(ChangeRecorder.class);
			server.clearJournal();
			Thread.sleep(1500);
			assertThat(recorder.events()).isEmpty();
			assertThat(server.journal()).isNotEmpty()
				.allSatisfy((request) -> assertThat(request.status()).isEqualTo(304))
				.allSatisfy((request) -> assertThat(request.ifNoneMatch()).isNotNull())
				.extracting(RecordedRequest::path)
				.containsOnly("/api/v4/secrets");
		}
	}

	@Test
	void aDetectedChangeIsFetchedOnceAndPublishedOnce() {
		InfisicalTestServer server = seed();
		try (ConfigurableApplicationContext context = run(server)) {
			InfisicalSecretsWatcher watcher = context.getBean(InfisicalSecretsWatcher.class);
			watcher.stop();
			server.secret(PROJECT, "dev", "/", "FOO", "once");
			server.clearJournal();
			assertThat(watcher.pollNow()).isTrue();
			assertThat(context.getBean(RefreshedFoo.class).foo()).isEqualTo("once");
			assertThat(server.journal()).singleElement().satisfies((request) -> {
				assertThat(request.path()).isEqualTo("/api/v4/secrets");
				assertThat(request.status()).isEqualTo(200);
			});
			assertThat(context.getBean(ChangeRecorder.class).events()).singleElement().isEqualTo(Set.of("FOO", "foo"));
		}
	}

	@Test
	void manualRefreshReReadsWithTheSameToken() {
		InfisicalTestServer server = seed();
		try (ConfigurableApplicationContext context = run(server, "--infisical.refresh.enabled=false")) {
			server.secret(PROJECT, "dev", "/", "FOO", "manual");
			Set<String> keys = context.getBean(ContextRefresher.class).refresh();
			assertThat(keys).contains("FOO");
			assertThat(context.getBean(RefreshedFoo.class).foo()).isEqualTo("manual");
			assertThat(server.count("POST", "/api/v1/auth/universal-auth/login")).isOne();
			assertThat(server.count("GET", "/api/v4/secrets")).isEqualTo(2);
		}
	}

	@Test
	void outageKeepsLastGoodValuesLogsOnceAndRecovers(CapturedOutput output) throws Exception {
		InfisicalTestServer server = seed();
		try (ConfigurableApplicationContext context = run(server)) {
			InfisicalSecretsWatcher watcher = context.getBean(InfisicalSecretsWatcher.class);
			watcher.stop();
			server.stop();
			for (int i = 0; i < 10; i++) {
				watcher.pollNow();
			}
			assertThat(context.getBean(RefreshedFoo.class).foo()).isEqualTo("initial-foo");
			assertThat(context.getEnvironment().getProperty("FOO")).isEqualTo("initial-foo");
			server.restart();
			server.secret(PROJECT, "dev", "/", "FOO", "after-outage");
			watcher.pollNow();
			watcher.pollNow();
			await().atMost(WAIT).until(() -> context.getBean(RefreshedFoo.class).foo().equals("after-outage"));
		}
		String all = output.getAll();
		assertThat(count(all, "Could not refresh Infisical secrets")).isOne();
		assertThat(count(all, "Infisical answers again after 10 failed poll(s)")).isOne();
	}

	private static int count(String text, String needle) {
		int count = 0;
		for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
			count++;
		}
		return count;
	}

	private static InfisicalTestServer seed() {
		InfisicalTestServer server = infisical.server();
		server.secret(PROJECT, "dev", "/", "FOO", "initial-foo")
			.secret(PROJECT, "dev", "/", "DB_PASSWORD", "initial-password");
		return server;
	}

	private static ConfigurableApplicationContext run(InfisicalTestServer server, String... extra) {
		String[] args = new String[extra.length + 3];
		args[0] = "--infisical.refresh.enabled=true";
		args[1] = "--infisical.refresh.interval=200ms";
		args[2] = "--infisical.refresh.jitter=0s";
		System.arraycopy(extra, 0, args, 3, extra.length);
		return TestApps.run(server, args);
	}

}
