package io.github.infisicalstarter.it;

import io.github.infisicalstarter.testserver.InfisicalTestServer;

import org.springframework.boot.test.system.CapturedOutput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The "APPLICATION FAILED TO START" report of a start-up that failed: its Description and
 * Action sections, so tests assert on what the failure analyzer said rather than on text
 * found anywhere in the output.
 *
 * @param description the Description section
 * @param action the Action section
 */
record FailureReport(String description, String action) {

	/**
	 * Start the sample application, expect it to fail with a failure analysis and no
	 * stack trace of the starter, and return the report.
	 * @param output the captured output
	 * @param server the test server
	 * @param args arguments on top of {@link TestApps#credentials}
	 * @return the report
	 */
	static FailureReport ofFailedStartup(CapturedOutput output, InfisicalTestServer server, String... args) {
		assertThatException().isThrownBy(() -> TestApps.run(server, args).close());
		String all = output.getAll();
		assertThat(all).contains("APPLICATION FAILED TO START");
		assertThat(all).as("no stack trace soup").doesNotContain("\tat io.github.infisicalstarter");
		String report = all.substring(all.lastIndexOf("APPLICATION FAILED TO START"));
		int description = report.indexOf("Description:");
		int action = report.indexOf("Action:");
		assertThat(description).isPositive();
		assertThat(action).isGreaterThan(description);
		return new FailureReport(report.substring(description, action).strip(), report.substring(action).strip());
	}

}
