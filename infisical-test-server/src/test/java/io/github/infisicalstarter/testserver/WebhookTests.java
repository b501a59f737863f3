package io.github.infisicalstarter.testserver;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Project webhooks: payload and signature as Infisical sends them, after test-driven
 * changes and API writes, filtered by environment and folder glob.
 */
class WebhookTests {

	@RegisterExtension
	static final InfisicalTestServerExtension infisical = new InfisicalTestServerExtension();

	private static final String P = InfisicalTestServer.DEFAULT_PROJECT_ID;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private HttpServer receiver;

	private String url;

	@BeforeEach
	void startReceiver() throws IOException {
		this.receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.receiver.createContext("/hook", (exchange) -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			this.received.add(new Received(body, exchange.getRequestHeaders().getFirst("x-infisical-signature")));
			exchange.sendResponseHeaders(202, -1);
			exchange.close();
		});
		this.receiver.start();
		this.url = "http://127.0.0.1:" + this.receiver.getAddress().getPort() + "/hook";
	}

	@AfterEach
	void stopReceiver() {
		this.receiver.stop(0);
	}

	@Test
	void aChangeIsPostedWithInfisicalsPayloadAndSignature() {
		InfisicalTestServer server = infisical.server();
		server.webhook(P, "dev", "/**", this.url, "hook-key");
		server.secret(P, "dev", "/api", "FOO", "bar");
		await().until(() -> this.received.size() == 1);
		Received delivery = this.received.get(0);
		JsonNode body = JsonMapper.shared().readTree(delivery.body());
		assertThat(body.get("event").asString()).isEqualTo("secrets.modified");
		assertThat(body.get("project").get("projectId").asString()).isEqualTo(P);
		assertThat(body.get("project").get("workspaceId").asString()).isEqualTo(P);
		assertThat(body.get("project").get("environment").asString()).isEqualTo("dev");
		assertThat(body.get("project").get("secretPath").asString()).isEqualTo("/api");
		assertThat(new String(delivery.body(), StandardCharsets.UTF_8)).doesNotContain("FOO").doesNotContain("bar");
		long timestamp = body.get("timestamp").asLong();
		assertThat(delivery.signature())
			.isEqualTo(InfisicalTestServer.webhookSignature("hook-key", delivery.body(), timestamp))
			.matches("t=" + timestamp + ";[0-9a-f]{64}");
		await().until(() -> server.webhookDeliveries().size() == 1);
		assertThat(server.webhookDeliveries().get(0).status()).isEqualTo(202);
	}

	@Test
	void apiWritesPostToo() {
		InfisicalTestServer server = infisical.server();
		server.webhook(P, "dev", "/", this.url, null);
		TestClient client = new TestClient(server);
		String token = client.login();
		TestClient.Reply reply = client.write("POST", "/api/v4/secrets/NEW", token,
				Map.of("projectId", P, "environment", "dev", "secretValue", "v"));
		assertThat(reply.status()).isEqualTo(200);
		await().until(() -> this.received.size() == 1);
		assertThat(this.received.get(0).signature()).isNull();
	}

	@Test
	void otherEnvironmentsAndFoldersOutsideTheGlobArePassedOver() {
		InfisicalTestServer server = infisical.server();
		server.webhook(P, "dev", "/api/*", this.url, "k");
		server.secret(P, "prod", "/api/x", "A", "1");
		server.secret(P, "dev", "/web", "A", "1");
		server.secret(P, "dev", "/api/x/y", "A", "1");
		server.secret(P, "dev", "/api/x", "A", "1");
		await().until(() -> server.webhookDeliveries().size() == 1);
		assertThat(server.webhookDeliveries().get(0).secretPath()).isEqualTo("/api/x");
	}

	@Test
	void globs() {
		assertThat(Globs.picomatch("/**").matcher("/").matches()).isTrue();
		assertThat(Globs.picomatch("/**").matcher("/a/b").matches()).isTrue();
		assertThat(Globs.picomatch("/api/**").matcher("/api").matches()).isTrue();
		assertThat(Globs.picomatch("/api/**").matcher("/apix").matches()).isFalse();
		assertThat(Globs.picomatch("/api/*").matcher("/api/a").matches()).isTrue();
		assertThat(Globs.picomatch("/api/*").matcher("/api/a/b").matches()).isFalse();
		assertThat(Globs.picomatch("/").matcher("/").matches()).isTrue();
		assertThat(Globs.picomatch("/").matcher("/a").matches()).isFalse();
		assertThat(Globs.picomatch("/my-app").matcher("/my-app").matches()).isTrue();
	}

	record Received(byte[] body, String signature) {
	}

}
