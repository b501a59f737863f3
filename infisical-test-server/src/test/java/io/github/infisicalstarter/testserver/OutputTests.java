package io.github.infisicalstarter.testserver;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests that the server prints nothing, even when requests fail or connections drop.
 */
@ExtendWith(OutputCaptureExtension.class)
class OutputTests {

	@Test
	void serverWritesNothing(CapturedOutput output) {
		try (InfisicalTestServer server = InfisicalTestServer.start()) {
			server.secret("test-project", "dev", "/", "PASSWORD", "very-secret-value");
			TestClient client = new TestClient(server);
			String token = client.login();
			String list = "/api/v4/secrets?projectId=test-project&environment=dev";
			client.get(list, token);
			client.get(list + "&recursive=yes", token);
			client.get(list, "bad");
			client.post("/api/v1/auth/universal-auth/login", "application/json", "{not json");
			server.faults().add("/api", 2, Fault.drop()).add("/api", 1, Fault.truncate());
			assertThatException().isThrownBy(() -> client.get(list, token));
			assertThatException().isThrownBy(() -> client.get(list, token));
			server.clock().advance(Duration.ofDays(31));
			client.get(list, token);
			server.stop();
		}
		assertThat(output.getAll()).isEmpty();
	}

	@Test
	void standaloneSeedsDemoProjectAndPrintsOneLine(CapturedOutput output) {
		InfisicalTestServer server = Standalone.run(new String[0]);
		try {
			assertThat(output.getOut()).hasLineCount(1)
				.contains(server.url())
				.contains("test-client-id")
				.contains("demo-project")
				.doesNotContain("demo-only-password");
			TestClient client = new TestClient(server);
			assertThat(SecretListTests
				.keys(client.get("/api/v4/secrets?projectId=demo-project&environment=dev", client.login())))
				.contains("GREETING", "DB_PASSWORD", "APP_MESSAGE");
		}
		finally {
			server.close();
		}
	}

}
