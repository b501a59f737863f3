package io.github.infisicalstarter.it;

import java.util.List;
import java.util.regex.Pattern;

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
 * What a new user sees through full start-ups: mistakes reported by property before
 * anything is sent, retries visible while they happen, optional locations that do not
 * hold start-up, and one INFO line saying what was (or was not) loaded.
 */
@ExtendWith(OutputCaptureExtension.class)
class DiagnosticsIntegrationTests {

	@RegisterExtension
	static final InfisicalTestServerExtension infisical = new InfisicalTestServerExtension();

	private static final String PROJECT = InfisicalTestServer.DEFAULT_PROJECT_ID;

	private static final Pattern RETRY_LINE = Pattern.compile(
			"(?m)^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z WARN \\[infisical\\] Infisical call failed \\(attempt 1 of 3, ");

	@Test
	void unresolvedPlaceholderIsReportedAndNeverSent(CapturedOutput output) {
		InfisicalTestServer server = seeded();
		FailureReport report = FailureReport.ofFailedStartup(output, server,
				"--infisical.client-id=${INFISICAL_TEST_UNSET_CLIENT_ID}");
		assertThat(report.description()).contains("Infisical property 'infisical.client-id' refers to "
				+ "'${INFISICAL_TEST_UNSET_CLIENT_ID}', but nothing defines 'INFISICAL_TEST_UNSET_CLIENT_ID'.");
		assertThat(report.action()).contains("INFISICAL_TEST_UNSET_CLIENT_ID");
		assertThat(server.journal()).as("nothing is sent to Infisical").isEmpty();
		LeakScan.assertNoLeaks(output, server, "BAR");
	}

	@Test
	void unresolvedPlaceholderWithFailFastOffIsOneWarning(CapturedOutput output) {
		InfisicalTestServer server = seeded();
		try (ConfigurableApplicationContext context = TestApps.run(server, "--infisical.fail-fast=false",
				"--infisical.client-secret=${INFISICAL_TEST_UNSET_CLIENT_SECRET}")) {
			assertThat(context.getBean(FooHolder.class).foo()).isEmpty();
		}
		assertThat(output.getAll())
			.contains("'infisical.client-secret' refers to '${INFISICAL_TEST_UNSET_CLIENT_SECRET}'")
			.contains("Starting without Infisical secrets.");
		assertThat(server.journal()).isEmpty();
		LeakScan.assertNoLeaks(output, server, "BAR");
	}

	@Test
	void zeroRefreshIntervalIsRefused(CapturedOutput output) {
		FailureReport report = FailureReport.ofFailedStartup(output, seeded(), "--infisical.refresh.interval=0s");
		assertThat(report.description())
			.contains("Infisical property 'infisical.refresh.interval' is 0s but must be a positive duration; "
					+ "to switch polling off set infisical.refresh.enabled=false.");
		assertThat(report.action()).contains("infisical.refresh.interval");
	}

	@Test
	void renewAtOutsideZeroToOneIsRefused(CapturedOutput output) {
		FailureReport report = FailureReport.ofFailedStartup(output, seeded(), "--infisical.token.renew-at=1.5");
		assertThat(report.description()).contains("'infisical.token.renew-at' is 1.5 but must lie between 0 and 1");
	}

	@Test
	void undocumentedImportOptionIsRefusedWithTheDocumentedNames(CapturedOutput output) {
		FailureReport report = FailureReport.ofFailedStartup(output, seeded(),
				"--spring.config.import=infisical:?env=prod");
		assertThat(report.description())
			.endsWith("\nUnknown option 'env' in Infisical location 'infisical:?env=prod' in spring.config.import.");
		assertThat(report.action()).contains("project-id, environment, secret-path, recursive, include-imports")
			.doesNotContain("projectid")
			.doesNotContain("includeimports");
	}

	@Test
	void retriesAreVisibleWhileTheyHappenAndBeforeTheReport(CapturedOutput output) {
		InfisicalTestServer server = seeded();
		server.stop();
		try {
			FailureReport report = FailureReport.ofFailedStartup(output, server, "--infisical.retry.max-attempts=3",
					"--infisical.retry.initial-interval=20ms", "--infisical.retry.max-interval=50ms");
			assertThat(report.description()).contains("Gave up after 3 attempts");
		}
		finally {
			server.restart();
		}
		String all = output.getAll();
		assertThat(RETRY_LINE.matcher(all).find()).as("first retry, timestamped, in:\n" + all).isTrue();
		assertThat(all).contains("Infisical call failed (attempt 2 of 3, ")
			.contains("WARN [infisical] ")
			.contains("ERROR [infisical] Infisical still failing after 3 attempts in ");
		assertThat(all.indexOf("attempt 1 of 3")).isLessThan(all.indexOf("APPLICATION FAILED TO START"));
	}

	@Test
	void optionalImportMakesOneAttemptAndLogsOneWarning(CapturedOutput output) {
		InfisicalTestServer server = seeded();
		server.faults().always("/api/v4/secrets", Fault.status(503));
		try (ConfigurableApplicationContext context = TestApps.run(server, "--spring.config.import=optional:infisical:",
				"--infisical.retry.max-attempts=10")) {
			assertThat(context.getBean(FooHolder.class).foo()).isEmpty();
		}
		assertThat(server.count("GET", "/api/v4/secrets")).as("no retries").isOne();
		assertOneWarning(output, "the location is optional");
	}

	@Test
	void failFastOffMakesOneAttemptAndLogsOneWarning(CapturedOutput output) {
		InfisicalTestServer server = seeded();
		server.faults().always("/api/v4/secrets", Fault.status(503));
		try (ConfigurableApplicationContext context = TestApps.run(server, "--infisical.fail-fast=false",
				"--infisical.retry.max-attempts=10")) {
			assertThat(context.getBean(FooHolder.class).foo()).isEmpty();
		}
		assertThat(server.count("GET", "/api/v4/secrets")).isOne();
		assertOneWarning(output, "infisical.fail-fast=false");
		assertThat(output.getAll()).contains("(not loaded)");
	}

	@Test
	void successIsOneInfoLineWithLocationsCountsAndTime(CapturedOutput output) {
		InfisicalTestServer server = seeded();
		server.secret(PROJECT, "dev", "/", "OTHER", "second-value");
		try (ConfigurableApplicationContext context = TestApps.run(server)) {
			assertThat(context.getBean(FooHolder.class).foo()).isEqualTo("BAR");
		}
		List<String> lines = output.getAll()
			.lines()
			.filter((line) -> line.contains("Loaded ") && !line.contains(" DEBUG "))
			.toList();
		assertThat(lines).singleElement()
			.satisfies((line) -> assertThat(line).contains(" INFO ")
				.containsPattern("Loaded 2 Infisical secrets from 1 location in \\d+ ms: infisical:" + PROJECT
						+ "/dev/ \\(2 secrets\\)"));
		assertThat(output.getAll()).doesNotContain("refresh needs Spring Cloud Context");
		LeakScan.assertNoLeaks(output, server, "BAR", "second-value");
	}

	@Test
	void starterWithoutSettingsSaysSoOnce(CapturedOutput output) {
		try (ConfigurableApplicationContext context = TestApps.runRaw("--spring.main.banner-mode=off")) {
			assertThat(context.getBean(FooHolder.class).foo()).isEmpty();
		}
		assertThat(output.getAll().lines().filter((line) -> line.contains("not configured"))).singleElement()
			.satisfies((line) -> assertThat(line).contains(" INFO ")
				.contains("The Infisical starter is on the class path but not configured"));
	}

	@Test
	void starterSwitchedOffStaysSilent(CapturedOutput output) {
		try (ConfigurableApplicationContext context = TestApps.runRaw("--spring.main.banner-mode=off",
				"--infisical.enabled=false")) {
			assertThat(context.getBean(FooHolder.class).foo()).isEmpty();
		}
		assertThat(output.getAll()).doesNotContain("not configured");
	}

	private static void assertOneWarning(CapturedOutput output, String reason) {
		String all = output.getAll();
		assertThat(all.lines().filter((line) -> line.contains(" WARN ") && line.contains("Infisical"))).singleElement()
			.satisfies((line) -> assertThat(line).contains("Starting without these secrets (" + reason + ")"));
		assertThat(all).doesNotContain("[infisical] Infisical call failed").doesNotContain("APPLICATION FAILED");
	}

	private static InfisicalTestServer seeded() {
		InfisicalTestServer server = infisical.server();
		server.secret(PROJECT, "dev", "/", "FOO", "BAR");
		return server;
	}

}
