package io.github.infisicalstarter.testserver;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

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
	void standalonePrintsEverythingNeededAndServesTheQuickStartSecrets(CapturedOutput output) throws Exception {
		InfisicalTestServer server = Standalone.run(new String[] { "--port=0" });
		try {
			String url = server.url();
			assertThat(output.getOut()).contains("listening on " + url)
				.contains("client id      test-client-id")
				.contains("client secret  test-client-secret")
				.contains("project id     test-project")
				.contains("environment    dev")
				.contains("FOO=BAR")
				.contains("--infisical.site-url=" + url + " --infisical.client-id=test-client-id"
						+ " --infisical.client-secret=test-client-secret --infisical.project-id=test-project"
						+ " --infisical.environment=dev")
				.contains("curl -s -X PATCH " + url + "/api/v4/secrets/FOO")
				.doesNotContain("demo-only-password");
			assertThat(output.getErr()).isEmpty();
			TestClient client = new TestClient(server);
			String token = client.login();
			assertThat(SecretListTests.keys(client.get(
					"/api/v4/secrets?projectId=" + InfisicalTestServer.DEFAULT_PROJECT_ID + "&environment=dev", token)))
				.containsExactly("FOO", "GREETING", "APP_MESSAGE", "DB_PASSWORD");
			// the printed curl line's request, as curl sends it
			String body = output.getOut().replaceAll("(?s).*-d '(\\{[^']*\\})'.*", "$1");
			assertThat(body)
				.isEqualTo("{\"projectId\":\"test-project\",\"environment\":\"dev\",\"secretValue\":\"BAZ\"}");
			TestClient.Reply changed = client.send(client.request("/api/v4/secrets/FOO")
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.method("PATCH", HttpRequest.BodyPublishers.ofString(body))
				.build());
			assertThat(changed.status()).isEqualTo(200);
			assertThat(
					server.findSecret(InfisicalTestServer.DEFAULT_PROJECT_ID, "dev", "/", "FOO").orElseThrow().value())
				.isEqualTo("BAZ");
			TestClient.Reply formLogin = client.postForm("/api/v1/auth/universal-auth/login",
					Map.of("clientId", "test-client-id", "clientSecret", "test-client-secret"));
			assertThat(formLogin.status()).isEqualTo(200);
		}
		finally {
			server.close();
		}
	}

	@Test
	void standaloneRefusesUnknownArgumentsAndBadPorts() {
		assertThatException().isThrownBy(() -> Standalone.run(new String[] { "--bogus" }))
			.withMessage("Unknown argument '--bogus'; use --port=N (0 for a free port) and/or --https");
		assertThatException().isThrownBy(() -> Standalone.run(new String[] { "--port=x" }))
			.withMessage("Invalid port 'x'; use --port=N with N from 0 to 65535");
		try (InfisicalTestServer busy = InfisicalTestServer.start()) {
			assertThatException().isThrownBy(() -> Standalone.run(new String[] { "--port=" + busy.port() }))
				.withMessageStartingWith("Cannot listen on port " + busy.port())
				.withMessageEndingWith("pass --port=N to use another port, or --port=0 for a free one");
		}
	}

	@Test
	void standaloneListensOnAFixedPortByDefault() {
		assertThat(Standalone.DEFAULT_PORT).isEqualTo(8222);
	}

}
