package io.github.infisicalstarter.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.infisicalstarter.testserver.InfisicalTestServer;
import io.github.infisicalstarter.testserver.InfisicalTestServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's Troubleshooting table quotes what the starter prints: every message
 * written in {@code code} there is the description of a real failed start-up below, and
 * each of these start-ups prints a message of the table.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReadmeTroubleshootingTests {

	@RegisterExtension
	static final InfisicalTestServerExtension infisical = new InfisicalTestServerExtension();

	/** The mistakes the quoted messages describe, as arguments of a start-up. */
	private static final List<String[]> MISTAKES = List.of(new String[] { "--infisical.client-id=" },
			new String[] { "--infisical.client-id=${INFISICAL_CLIENT_ID}" },
			new String[] { "--infisical.locations[0].secret-path=/a", "--infisical.environment=" },
			new String[] { "--infisical.refresh.interval=0s" }, new String[] { "--infisical.token.renew-at=1.5" },
			new String[] { "--infisical.site-url=not a url" },
			new String[] { "--spring.config.import=infisical:?env=prod" },
			new String[] { "--infisical.secret-path=/a b" }, new String[] { "--infisical.client-secret=wrong-secret" });

	@Test
	void quotedMessagesAreWhatTheStarterPrints(CapturedOutput output) throws IOException {
		List<Pattern> quoted = quotedMessages();
		assertThat(quoted).hasSizeGreaterThanOrEqualTo(MISTAKES.size());
		InfisicalTestServer server = infisical.server();
		server.secret(InfisicalTestServer.DEFAULT_PROJECT_ID, "dev", "/", "FOO", "BAR");
		Set<Pattern> used = new HashSet<>();
		int checked = 0;
		for (String[] mistake : MISTAKES) {
			String description = FailureReport.ofFailedStartup(output, server, mistake)
				.description()
				.substring("Description:".length())
				.strip();
			List<Pattern> matching = quoted.stream().filter((p) -> p.matcher(description).matches()).toList();
			assertThat(matching).as("a README row for: " + description).isNotEmpty();
			used.addAll(matching);
			checked++;
			// the next start-up's report is the last one in the output
		}
		assertThat(checked).isEqualTo(MISTAKES.size());
		assertThat(quoted).as("every quoted message is checked by a start-up").allMatch(used::contains);
		LeakScan.assertNoLeaks(output, server, "BAR", "wrong-secret");
	}

	/**
	 * The first {@code code} span of the first cell of each table row of the
	 * Troubleshooting section, as a pattern where {@code …} stands for anything.
	 */
	private static List<Pattern> quotedMessages() throws IOException {
		String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
		int start = readme.indexOf("## Troubleshooting");
		int end = readme.indexOf("\n## ", start + 1);
		List<Pattern> patterns = new ArrayList<>();
		Matcher row = Pattern.compile("(?m)^\\| `([^`]+)`").matcher(readme.substring(start, end));
		while (row.find()) {
			StringBuilder regex = new StringBuilder();
			for (String part : row.group(1).split("…", -1)) {
				if (regex.length() > 0) {
					regex.append(".*");
				}
				regex.append(Pattern.quote(part));
			}
			patterns.add(Pattern.compile(regex.toString(), Pattern.DOTALL));
		}
		return patterns;
	}

}
