package io.github.infisicalstarter.it;

import io.github.infisicalstarter.it.SampleApp.FooHolder;
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
 * Every start-up failure of the starter ends in a failure analysis: one sentence saying
 * what happened and one naming the fix, with no secret in the output.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureIntegrationTests {

	@RegisterExtension
	static final InfisicalTestServerExtension infisical = new InfisicalTestServerExtension();

	private static final String PROJECT = InfisicalTestServer.DEFAULT_PROJECT_ID;

	@Test
	void missingClientId(CapturedOutput output) {
		assertFails(output, new String[] { "--infisical.client-id=" }, "'infisical.client-id' is not set",
				"Set infisical.client-id");
	}

	@Test
	void blankClientSecret(CapturedOutput output) {
		assertFails(output, new String[] { "--infisical.client-secret= " }, "'infisical.client-secret' is not set",
				"Set infisical.client-secret");
	}

	@Test
	void missingProject(CapturedOutput output) {
		assertFails(output, new String[] { "--infisical.project-id=" }, "'infisical.project-id' is not set",
				"Set infisical.project-id");
	}

	@Test
	void missingEnvironmentIsNeverGuessed(CapturedOutput output) {
		assertFails(output, new String[] { "--infisical.environment=" }, "'infisical.environment' is not set",
				"Set infisical.environment");
	}

	@Test
	void malformedSiteUrl(CapturedOutput output) {
		assertFails(output, new String[] { "--infisical.site-url=not a url" }, "'infisical.site-url' is not a valid",
				"Set infisical.site-url");
	}

	@Test
	void invalidCredentials(CapturedOutput output) {
		// the server's own message is kept: the small login body is not sent in streaming
		// mode
		assertFails(output, new String[] { "--infisical.client-secret=wrong-secret" }, "401",
				"Check infisical.client-id and infisical.client-secret");
		assertThat(output.getAll()).contains("Invalid credentials");
		assertThat(output.getAll()).doesNotContain("wrong-secret");
	}

	@Test
	void noAccess(CapturedOutput output) {
		infisical.server().denyPath(InfisicalTestServer.DEFAULT_CLIENT_ID, PROJECT, "dev", "/");
		assertFails(output, new String[0], "403", "Give the machine identity access");
	}

	@Test
	void unknownEnvironmentNamesEnvironmentAndPath(CapturedOutput output) {
		assertFails(output, new String[] { "--infisical.environment=nope", "--infisical.secret-path=/missing" },
				"environment 'nope', path '/missing'", "Check infisical.environment");
	}

	@Test
	void unreachableServerNamesTheUrl(CapturedOutput output) {
		InfisicalTestServer server = infisical.server();
		server.stop();
		try {
			assertFails(output, new String[0], "could not be reached at " + server.url(), "Check infisical.site-url");
		}
		finally {
			server.restart();
		}
	}

	@Test
	void validationFailure(CapturedOutput output) {
		infisical.server().faults().always("/api/v4/secrets", Fault.status(422));
		assertFails(output, new String[0], "422", "rejected them as invalid");
	}

	@Test
	void rateLimited(CapturedOutput output) {
		infisical.server().faults().always("/api/v4/secrets", Fault.rateLimit(1));
		assertFails(output, new String[0], "429", "rate-limiting");
	}

	@Test
	void serverError(CapturedOutput output) {
		infisical.server().faults().always("/api/v4/secrets", Fault.status(500));
		assertFails(output, new String[0], "500", "Infisical failed internally");
		assertThat(infisical.server().count("POST", "/api/v1/auth/token/revoke"))
			.as("the token obtained before the failure is revoked")
			.isOne();
	}

	@Test
	void failFastOffTurnsFailureIntoOneWarning(CapturedOutput output) {
		infisical.server().faults().always("/api/v4/secrets", Fault.status(500));
		try (ConfigurableApplicationContext context = TestApps.run(infisical.server(), "--infisical.fail-fast=false")) {
			assertThat(context.getBean(FooHolder.class).foo()).isEmpty();
		}
		assertThat(output.getAll()).contains("WARN").contains("Starting without these secrets");
		assertThat(output.getAll()).doesNotContain("APPLICATION FAILED TO START");
	}

	@Test
	void emptyResultFromOlderServerIsNeverSilent(CapturedOutput output) {
		InfisicalTestServer server = infisical.server();
		server.emptyForUnknownPaths(true);
		try (ConfigurableApplicationContext context = TestApps.run(server, "--infisical.environment=typo")) {
			assertThat(context.getBean(FooHolder.class).foo()).isEmpty();
		}
		assertThat(output.getAll())
			.contains("Infisical returned no secrets for project '" + PROJECT + "', environment 'typo', path '/'");
	}

	private static void assertFails(CapturedOutput output, String[] args, String description, String action) {
		InfisicalTestServer server = infisical.server();
		server.secret(PROJECT, "dev", "/", "FOO", "BAR");
		FailureReport report = FailureReport.ofFailedStartup(output, server, args);
		assertThat(report.description()).contains(description);
		assertThat(report.action()).contains(action);
		LeakScan.assertNoLeaks(output, server, "BAR");
	}

}
