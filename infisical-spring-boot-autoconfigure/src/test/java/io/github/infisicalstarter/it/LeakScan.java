package io.github.infisicalstarter.it;

import java.util.ArrayList;
import java.util.List;

import io.github.infisicalstarter.testserver.InfisicalTestServer;

import org.springframework.boot.test.system.CapturedOutput;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Asserts that captured output holds no client secret, access token or secret value.
 */
public final class LeakScan {

	private LeakScan() {
	}

	public static void assertNoLeaks(CapturedOutput output, InfisicalTestServer server, String... secretValues) {
		List<String> forbidden = new ArrayList<>(List.of(secretValues));
		forbidden.add(InfisicalTestServer.DEFAULT_CLIENT_SECRET);
		forbidden.addAll(server.issuedTokens());
		String all = output.getAll();
		for (String value : forbidden) {
			assertThat(all).as("captured output must not contain a secret").doesNotContain(value);
		}
	}

}
