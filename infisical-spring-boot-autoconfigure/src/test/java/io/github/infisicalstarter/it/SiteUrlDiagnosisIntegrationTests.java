package io.github.infisicalstarter.it;

import io.github.infisicalstarter.testserver.Fault;
import io.github.infisicalstarter.testserver.InfisicalTestServer;
import io.github.infisicalstarter.testserver.InfisicalTestServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server that is not Infisical (a web page, another application, a wrong path in
 * {@code infisical.site-url}) is named as such at once, pointing at
 * {@code infisical.site-url}, and never retried; a refused login points at the
 * credentials.
 */
@ExtendWith(OutputCaptureExtension.class)
class SiteUrlDiagnosisIntegrationTests {

	@RegisterExtension
	static final InfisicalTestServerExtension infisical = new InfisicalTestServerExtension();

	private static final String LOGIN = "/api/v1/auth/universal-auth/login";

	private static final String[] RETRIES = { "--infisical.retry.max-attempts=10",
			"--infisical.retry.initial-interval=100ms", "--infisical.retry.max-interval=500ms" };

	@Test
	void siteUrlEndingInApiIsNamedAndNotRetried(CapturedOutput output) {
		InfisicalTestServer server = infisical.server();
		FailureReport failure = FailureReport.ofFailedStartup(output, server,
				with(RETRIES, "--infisical.site-url=" + server.url() + "/api"));
		assertThat(failure.description()).contains("The server has no route POST " + server.url()
				+ "/api/api/v1/auth/universal-auth/login (Route POST:/api/api/v1/auth/universal-auth/login not found)")
			.contains("it is not the Infisical API");
		assertThat(failure.action()).contains("Check infisical.site-url").contains("without /api");
		assertThat(server.journal()).hasSize(1);
	}

	@Test
	void htmlPageIsNotInfisical(CapturedOutput output) {
		InfisicalTestServer server = infisical.server();
		server.faults().always(LOGIN, Fault.body(404, "text/html", "<html><body>Not Found</body></html>"));
		FailureReport failure = FailureReport.ofFailedStartup(output, server, RETRIES);
		assertThat(failure.description()).contains("The answer to POST " + server.url() + LOGIN
				+ " did not come from the Infisical API: 404 text/html instead of Infisical's JSON error.");
		assertThat(failure.action()).contains("Check infisical.site-url");
		assertThat(server.journal()).hasSize(1);
	}

	@Test
	void notImplementedIsNotRetriedAsAnInfisicalFailure(CapturedOutput output) {
		InfisicalTestServer server = infisical.server();
		server.faults().always(LOGIN, Fault.body(501, "text/plain", "Not Implemented"));
		FailureReport failure = FailureReport.ofFailedStartup(output, server, RETRIES);
		assertThat(failure.description()).contains("did not come from the Infisical API: 501 text/plain")
			.doesNotContain("Gave up after");
		assertThat(failure.action()).contains("Check infisical.site-url").doesNotContain("failed internally");
		assertThat(server.journal()).hasSize(1);
	}

	@Test
	void methodNotAllowedIsNotInfisical(CapturedOutput output) {
		InfisicalTestServer server = infisical.server();
		server.faults().always(LOGIN, Fault.body(405, "application/json", "{\"status\":405}"));
		FailureReport failure = FailureReport.ofFailedStartup(output, server, RETRIES);
		assertThat(failure.description()).contains("did not come from the Infisical API: 405");
		assertThat(failure.action()).contains("Check infisical.site-url");
	}

	@Test
	void loginAnswered404ByOlderServersPointsAtTheClientId(CapturedOutput output) {
		InfisicalTestServer server = infisical.server();
		server.legacyLogin(true);
		FailureReport failure = FailureReport.ofFailedStartup(output, server,
				with(RETRIES, "--infisical.client-id=no-such-client-id"));
		assertThat(failure.description()).contains("Infisical answered 404 (NotFound) to POST " + server.url() + LOGIN
				+ ": No identity with specified client ID was found");
		assertThat(failure.action()).contains("Check infisical.client-id and infisical.client-secret")
			.doesNotContain("infisical.environment");
		LeakScan.assertNoLeaks(output, server);
	}

	@Test
	void wrongClientSecretPointsAtTheCredentials(CapturedOutput output) {
		InfisicalTestServer server = infisical.server();
		FailureReport failure = FailureReport.ofFailedStartup(output, server,
				with(RETRIES, "--infisical.client-secret=wrong-secret-value"));
		assertThat(failure.description()).contains("Infisical answered 401").contains(LOGIN);
		assertThat(failure.action()).contains("Check infisical.client-id and infisical.client-secret");
		assertThat(output.getAll()).doesNotContain("wrong-secret-value");
		assertThat(server.journal()).hasSize(1);
	}

	private static String[] with(String[] base, String... more) {
		String[] all = new String[base.length + more.length];
		System.arraycopy(base, 0, all, 0, base.length);
		System.arraycopy(more, 0, all, base.length, more.length);
		return all;
	}

}
