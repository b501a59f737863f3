package io.github.infisicalstarter.it;

import java.time.Duration;

import io.github.infisicalstarter.client.InfisicalApiException;
import io.github.infisicalstarter.client.InfisicalFolder;
import io.github.infisicalstarter.client.InfisicalSecret;
import io.github.infisicalstarter.client.SecretUpdate;
import io.github.infisicalstarter.client.SecretWrite;
import io.github.infisicalstarter.client.SecretsPath;
import io.github.infisicalstarter.config.SecretsLocation;
import io.github.infisicalstarter.core.ReactiveInfisicalOperations;
import io.github.infisicalstarter.it.SampleApp.RefreshedFoo;
import io.github.infisicalstarter.testserver.Fault;
import io.github.infisicalstarter.testserver.InfisicalTestServer;
import io.github.infisicalstarter.testserver.InfisicalTestServerExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * {@code ReactiveInfisicalTemplate} in a running application against the test server,
 * with BlockHound watching that no non-blocking thread ever blocks: not for a call, not
 * while a rejected token is replaced by a new login, not for the write-through.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReactiveTemplateIntegrationTests {

	@RegisterExtension
	static final InfisicalTestServerExtension infisical = new InfisicalTestServerExtension();

	private static final String PROJECT = InfisicalTestServer.DEFAULT_PROJECT_ID;

	private static final String FOO = "reactive-foo-value";

	private static final String NEW_FOO = "reactive-new-foo-value";

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	@BeforeAll
	static void installBlockHound() {
		BlockHound.install();
	}

	@Test
	void blockHoundIsWatching() {
		assertThatException()
			.isThrownBy(() -> Mono.fromRunnable(ReactiveTemplateIntegrationTests::sleep)
				.subscribeOn(Schedulers.parallel())
				.block(TIMEOUT))
			.satisfies((ex) -> assertThat(ex).hasRootCauseInstanceOf(BlockingOperationError.class));
	}

	@Test
	void everyOperationWithoutBlocking(CapturedOutput output) {
		InfisicalTestServer server = infisical.server();
		server.secret(PROJECT, "dev", "/", "FOO", FOO);
		try (ConfigurableApplicationContext context = TestApps.run(server, TemplateIntegrationTests.WATCHED)) {
			ReactiveInfisicalOperations template = context.getBean(ReactiveInfisicalOperations.class);
			SecretsPath root = template.path("/");
			StepVerifier.create(onEventLoop(template.createSecret(root, "MADE", "reactive-made", "note")))
				.assertNext((write) -> assertThat(write.isApplied()).isTrue())
				.verifyComplete();
			StepVerifier.create(onEventLoop(template.getSecret(root, "MADE")))
				.assertNext((secret) -> assertThat(secret.comment()).isEqualTo("note"))
				.verifyComplete();
			StepVerifier.create(onEventLoop(template.updateSecret(root, "MADE", SecretUpdate.value("reactive-2"))))
				.assertNext((write) -> assertThat(write).isInstanceOf(SecretWrite.Applied.class))
				.verifyComplete();
			StepVerifier.create(onEventLoop(template.getSecret(root, "MADE", 1)))
				.assertNext((secret) -> assertThat(secret.value()).isEqualTo("reactive-made"))
				.verifyComplete();
			StepVerifier
				.create(onEventLoop(template.listSecrets(SecretsLocation.of(PROJECT, "dev", "/"))
					.map(InfisicalSecret::key)
					.collectList()))
				.assertNext((keys) -> assertThat(keys).contains("FOO", "MADE"))
				.verifyComplete();
			StepVerifier
				.create(onEventLoop(template.createFolder(root, "reactive"))
					.then(onEventLoop(template.listFolders(root))))
				.assertNext((folders) -> assertThat(folders).extracting(InfisicalFolder::name).contains("reactive"))
				.verifyComplete();
			StepVerifier.create(onEventLoop(template.deleteSecret(root, "MADE")))
				.assertNext((write) -> assertThat(write.isApplied()).isTrue())
				.verifyComplete();
			StepVerifier.create(onEventLoop(template.getSecret(root, "MADE")))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(InfisicalApiException.class,
						(api) -> assertThat(api.getStatus()).isEqualTo(404)))
				.verify(TIMEOUT);
		}
		LeakScan.assertNoLeaks(output, server, FOO, "reactive-made", "reactive-2");
	}

	@Test
	void rejectedTokenIsReplacedWithoutBlockingTheEventLoop() {
		InfisicalTestServer server = infisical.server();
		server.secret(PROJECT, "dev", "/", "FOO", FOO);
		try (ConfigurableApplicationContext context = TestApps.run(server, TemplateIntegrationTests.WATCHED)) {
			ReactiveInfisicalOperations template = context.getBean(ReactiveInfisicalOperations.class);
			long logins = server.count("POST", "/api/v1/auth/universal-auth/login");
			server.revokeAllTokens();
			StepVerifier.create(onEventLoop(template.getSecret(template.path("/"), "FOO")))
				.assertNext((secret) -> assertThat(secret.value()).isEqualTo(FOO))
				.verifyComplete();
			assertThat(server.count("POST", "/api/v1/auth/universal-auth/login")).isEqualTo(logins + 1);
			server.faults().add("/api/v4/secrets/FOO", 2, Fault.rateLimit(0));
			StepVerifier.create(onEventLoop(template.getSecret(template.path("/"), "FOO")))
				.assertNext((secret) -> assertThat(secret.value()).isEqualTo(FOO))
				.verifyComplete();
		}
	}

	@Test
	void writeReachesRefreshScopeBean() {
		InfisicalTestServer server = infisical.server();
		server.secret(PROJECT, "dev", "/", "FOO", FOO);
		try (ConfigurableApplicationContext context = TestApps.run(server, TemplateIntegrationTests.WATCHED)) {
			ReactiveInfisicalOperations template = context.getBean(ReactiveInfisicalOperations.class);
			server.clearJournal();
			StepVerifier
				.create(onEventLoop(template.updateSecret(template.path("/"), "FOO", SecretUpdate.value(NEW_FOO))))
				.expectNextCount(1)
				.verifyComplete();
			assertThat(context.getBean(RefreshedFoo.class).foo()).isEqualTo(NEW_FOO);
			assertThat(server.journal()).extracting((request) -> request.method() + " " + request.path())
				.containsExactly("PATCH /api/v4/secrets/FOO", "GET /api/v4/secrets");
		}
	}

	@Test
	void olderServerWithoutV4() {
		InfisicalTestServer server = infisical.server();
		server.secret(PROJECT, "dev", "/", "FOO", FOO);
		server.v4Enabled(false);
		try (ConfigurableApplicationContext context = TestApps.run(server, TemplateIntegrationTests.WATCHED)) {
			ReactiveInfisicalOperations template = context.getBean(ReactiveInfisicalOperations.class);
			StepVerifier.create(onEventLoop(template.getSecret(template.path("/"), "FOO")))
				.assertNext((secret) -> assertThat(secret.value()).isEqualTo(FOO))
				.verifyComplete();
			assertThat(server.count("GET", "/api/v3/secrets/raw/FOO")).isEqualTo(1);
		}
	}

	/** Subscribe on a non-blocking thread, where BlockHound fails any blocking call. */
	private static <T> Mono<T> onEventLoop(Mono<T> mono) {
		return mono.subscribeOn(Schedulers.parallel()).timeout(TIMEOUT);
	}

	private static void sleep() {
		try {
			Thread.sleep(1);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
