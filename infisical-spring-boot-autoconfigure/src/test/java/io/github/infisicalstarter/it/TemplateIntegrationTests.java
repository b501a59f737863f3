package io.github.infisicalstarter.it;

import java.util.List;

import io.github.infisicalstarter.client.InfisicalApiException;
import io.github.infisicalstarter.client.InfisicalFolder;
import io.github.infisicalstarter.client.InfisicalSecret;
import io.github.infisicalstarter.client.SecretUpdate;
import io.github.infisicalstarter.client.SecretWrite;
import io.github.infisicalstarter.client.SecretsPath;
import io.github.infisicalstarter.config.SecretsLocation;
import io.github.infisicalstarter.core.InfisicalOperations;
import io.github.infisicalstarter.core.InfisicalTemplate;
import io.github.infisicalstarter.it.SampleApp.RefreshedFoo;
import io.github.infisicalstarter.testserver.Fault;
import io.github.infisicalstarter.testserver.InfisicalTestServer;
import io.github.infisicalstarter.testserver.InfisicalTestServerExtension;
import io.github.infisicalstarter.testserver.SecretSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link InfisicalTemplate} in a running application against the test server: every
 * operation, the v3 fallback, approval answers, errors with their statuses, retries,
 * write-through to a {@code @RefreshScope} bean, and no leaks.
 */
@ExtendWith(OutputCaptureExtension.class)
class TemplateIntegrationTests {

	@RegisterExtension
	static final InfisicalTestServerExtension infisical = new InfisicalTestServerExtension();

	static final String PROJECT = InfisicalTestServer.DEFAULT_PROJECT_ID;

	private static final String FOO = "template-foo-value";

	private static final String NEW_FOO = "template-new-foo-value";

	private static final String CREATED = "template-created-value";

	/** A watcher whose own schedule never fires during a test. */
	static final String[] WATCHED = { "--infisical.refresh.enabled=true", "--infisical.refresh.interval=1h",
			"--infisical.refresh.jitter=0s", "--infisical.retry.max-attempts=4",
			"--infisical.retry.initial-interval=50ms", "--infisical.retry.max-interval=100ms" };

	@Test
	void everyOperationAgainstTheServer(CapturedOutput output) {
		InfisicalTestServer server = seed();
		try (ConfigurableApplicationContext context = TestApps.run(server, WATCHED)) {
			InfisicalOperations template = context.getBean(InfisicalOperations.class);
			SecretsPath root = template.path("/");
			SecretWrite created = template.createSecret(root, "CREATED", CREATED, "made by a test");
			assertThat(created).isInstanceOfSatisfying(SecretWrite.Applied.class,
					(applied) -> assertThat(applied.secret().key()).isEqualTo("CREATED"));
			assertThat(server.findSecret(PROJECT, "dev", "/", "CREATED")).get()
				.extracting(SecretSnapshot::value, SecretSnapshot::comment)
				.containsExactly(CREATED, "made by a test");
			InfisicalSecret read = template.getSecret(root, "CREATED");
			assertThat(read.value()).isEqualTo(CREATED);
			assertThat(read.comment()).isEqualTo("made by a test");
			int version = read.version();
			template.updateSecret(root, "CREATED", SecretUpdate.value(NEW_FOO).withComment("changed"));
			InfisicalSecret updated = template.getSecret(root, "CREATED");
			assertThat(updated.value()).isEqualTo(NEW_FOO);
			assertThat(updated.version()).isGreaterThan(version);
			assertThat(template.getSecret(root, "CREATED", version).value()).isEqualTo(CREATED);
			template.updateSecret(root, "CREATED", SecretUpdate.rename("RENAMED"));
			assertThat(template.getSecret(root, "RENAMED").value()).isEqualTo(NEW_FOO);
			assertThat(template.deleteSecret(root, "RENAMED").isApplied()).isTrue();
			assertThat(server.findSecret(PROJECT, "dev", "/", "RENAMED")).isEmpty();
			InfisicalFolder folder = template.createFolder(root, "made");
			assertThat(template.listFolders(root)).extracting(InfisicalFolder::name).contains("made");
			template.createSecret(root.child(folder.name()), "INNER", "inner-value");
			assertThat(template.getSecret(template.path("/made"), "INNER").value()).isEqualTo("inner-value");
		}
		LeakScan.assertNoLeaks(output, server, FOO, NEW_FOO, CREATED, "inner-value");
	}

	@Test
	void listMergesImportsLikeThePropertySources() {
		InfisicalTestServer server = seed();
		server.secret(PROJECT, "prod", "/shared", "FOO", "imported-foo")
			.secret(PROJECT, "prod", "/shared", "ONLY", "o");
		server.secretImport(PROJECT, "dev", "/", "prod", "/shared");
		try (ConfigurableApplicationContext context = TestApps.run(server, WATCHED)) {
			InfisicalOperations template = context.getBean(InfisicalOperations.class);
			List<InfisicalSecret> secrets = template.listSecrets(SecretsLocation.of(PROJECT, "dev", "/"));
			assertThat(secrets).filteredOn((secret) -> secret.key().equals("FOO"))
				.singleElement()
				.extracting(InfisicalSecret::value)
				.isEqualTo(FOO);
			assertThat(secrets).filteredOn((secret) -> secret.key().equals("ONLY"))
				.singleElement()
				.extracting(InfisicalSecret::environment)
				.isEqualTo("prod");
		}
	}

	@Test
	void olderServerWithoutV4IsServedThroughV3() {
		InfisicalTestServer server = seed();
		server.v4Enabled(false);
		try (ConfigurableApplicationContext context = TestApps.run(server, WATCHED)) {
			InfisicalOperations template = context.getBean(InfisicalOperations.class);
			SecretsPath root = template.path("/");
			template.createSecret(root, "OLD", "old-server-value");
			template.updateSecret(root, "OLD", SecretUpdate.value("old-server-value-2"));
			assertThat(template.getSecret(root, "OLD").value()).isEqualTo("old-server-value-2");
			template.deleteSecret(root, "OLD");
			// the property source learnt "no v4" at start-up: the template never asks v4
			// again
			assertThat(server.count("GET", "/api/v4/secrets")).isEqualTo(1);
			assertThat(server.count("POST", "/api/v3/secrets/raw/OLD")).isEqualTo(1);
			assertThat(server.count("PATCH", "/api/v3/secrets/raw/OLD")).isEqualTo(1);
		}
	}

	@Test
	void approvalPolicyAnswersAreNotMistakenForWrites() {
		InfisicalTestServer server = seed();
		server.approvalPolicy(PROJECT, "dev", true);
		try (ConfigurableApplicationContext context = TestApps.run(server, WATCHED)) {
			InfisicalOperations template = context.getBean(InfisicalOperations.class);
			server.clearJournal();
			SecretWrite write = template.updateSecret(template.path("/"), "FOO", SecretUpdate.value(NEW_FOO));
			assertThat(write).isInstanceOfSatisfying(SecretWrite.ApprovalRequested.class,
					(approval) -> assertThat(approval.approvalId()).isNotEmpty());
			assertThat(write.isApplied()).isFalse();
			assertThat(server.findSecret(PROJECT, "dev", "/", "FOO")).get()
				.extracting(SecretSnapshot::value)
				.isEqualTo(FOO);
			assertThat(server.count("GET", "/api/v4/secrets")).as("no write-through for an unapplied write").isZero();
		}
	}

	@Test
	void errorsCarryStatusNameAndMessage(CapturedOutput output) {
		InfisicalTestServer server = seed();
		server.identity("reader", "reader-secret");
		server.readOnly("reader", PROJECT, "dev", "/");
		try (ConfigurableApplicationContext context = TestApps.run(server, WATCHED)) {
			InfisicalOperations template = context.getBean(InfisicalOperations.class);
			SecretsPath root = template.path("/");
			assertThatExceptionOfType(InfisicalApiException.class)
				.isThrownBy(() -> template.createSecret(root, "FOO", "x"))
				.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(400))
				.withMessageContaining("Secret already exist");
			assertThatExceptionOfType(InfisicalApiException.class)
				.isThrownBy(() -> template.updateSecret(root, "MISSING", SecretUpdate.value("x")))
				.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(404))
				.satisfies((ex) -> assertThat(ex.getErrorName()).isNotBlank())
				.withMessageContaining("MISSING");
			assertThatExceptionOfType(InfisicalApiException.class).isThrownBy(() -> template.getSecret(root, "MISSING"))
				.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(404));
			assertThatExceptionOfType(InfisicalApiException.class)
				.isThrownBy(() -> template.getSecret(SecretsPath.of(PROJECT, "nope", "/"), "FOO"))
				.satisfies((ex) -> assertThat(ex.getStatus()).isBetween(400, 404));
		}
		try (ConfigurableApplicationContext context = TestApps.run(server,
				with(WATCHED, "--infisical.client-id=reader", "--infisical.client-secret=reader-secret"))) {
			InfisicalOperations template = context.getBean(InfisicalOperations.class);
			assertThatExceptionOfType(InfisicalApiException.class)
				.isThrownBy(() -> template.createSecret(template.path("/"), "NEW", "x"))
				.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(403))
				.satisfies((ex) -> assertThat(ex.getErrorName()).isEqualTo("PermissionDenied"));
		}
		LeakScan.assertNoLeaks(output, server, FOO);
	}

	@Test
	void transientFailuresAreRetriedAndRejectedTokensReplaced() {
		InfisicalTestServer server = seed();
		try (ConfigurableApplicationContext context = TestApps.run(server, WATCHED)) {
			InfisicalOperations template = context.getBean(InfisicalOperations.class);
			SecretsPath root = template.path("/");
			server.faults().add("/api/v4/secrets/FOO", 2, Fault.rateLimit(0));
			assertThat(template.getSecret(root, "FOO").value()).isEqualTo(FOO);
			server.faults().add("/api/v4/secrets/FOO", 1, Fault.status(503));
			assertThat(template.getSecret(root, "FOO").value()).isEqualTo(FOO);
			server.faults().add("/api/v4/secrets/NEW", 1, Fault.rateLimit(0));
			assertThat(template.createSecret(root, "NEW", "new-value").isApplied()).isTrue();
			assertThat(server.count("POST", "/api/v4/secrets/NEW")).isEqualTo(2);
			server.faults().add("/api/v4/secrets/NEW2", 1, Fault.status(500));
			assertThatExceptionOfType(InfisicalApiException.class)
				.as("a write that may have been applied is not repeated")
				.isThrownBy(() -> template.createSecret(root, "NEW2", "x"))
				.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(500));
			long logins = server.count("POST", "/api/v1/auth/universal-auth/login");
			server.revokeAllTokens();
			assertThat(template.getSecret(root, "FOO").value()).isEqualTo(FOO);
			assertThat(server.count("POST", "/api/v1/auth/universal-auth/login")).isEqualTo(logins + 1);
		}
	}

	@Test
	void writeReachesRefreshScopeBeanWithOneExtraRequest() {
		InfisicalTestServer server = seed();
		try (ConfigurableApplicationContext context = TestApps.run(server, WATCHED)) {
			InfisicalOperations template = context.getBean(InfisicalOperations.class);
			assertThat(context.getBean(RefreshedFoo.class).foo()).isEqualTo(FOO);
			server.clearJournal();
			template.updateSecret(template.path("/"), "FOO", SecretUpdate.value(NEW_FOO));
			assertThat(context.getBean(RefreshedFoo.class).foo()).isEqualTo(NEW_FOO);
			assertThat(context.getEnvironment().getProperty("FOO")).isEqualTo(NEW_FOO);
			assertThat(server.journal()).extracting((request) -> request.method() + " " + request.path())
				.containsExactly("PATCH /api/v4/secrets/FOO", "GET /api/v4/secrets");
		}
	}

	static InfisicalTestServer seed() {
		InfisicalTestServer server = infisical.server();
		server.secret(PROJECT, "dev", "/", "FOO", FOO);
		return server;
	}

	static String[] with(String[] base, String... more) {
		String[] all = new String[base.length + more.length];
		System.arraycopy(base, 0, all, 0, base.length);
		System.arraycopy(more, 0, all, base.length, more.length);
		return all;
	}

}
