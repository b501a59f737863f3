package io.github.infisicalstarter.testserver;

import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for what every route shares: ETag, trailing slashes, status, unknown routes, the
 * journal and parallel requests.
 */
class ProtocolTests {

	private static final String V4 = "/api/v4/secrets?projectId=test-project&environment=dev";

	@RegisterExtension
	static final InfisicalTestServerExtension infisical = new InfisicalTestServerExtension();

	private InfisicalTestServer server;

	private TestClient client;

	@BeforeEach
	void setUp() {
		this.server = infisical.server();
		this.client = new TestClient(this.server);
	}

	@Test
	void answersWithNagleOffLikeNode() {
		// Node.js 18+ servers set TCP_NODELAY; the JDK server does when this is set
		// before its first start
		assertThat(System.getProperty("sun.net.httpserver.nodelay")).isEqualTo("true");
	}

	@Test
	void etagAndNotModified() {
		String token = this.client.login();
		this.server.secret("test-project", "dev", "/", "A", "1");
		TestClient.Reply first = this.client.get(V4, token);
		String etag = first.header("etag");
		assertThat(etag).matches("\"[0-9a-f]+\"");
		Map<String, String> conditional = Map.of("Authorization", "Bearer " + token, "If-None-Match", etag);
		TestClient.Reply second = this.client.get(V4, conditional);
		assertThat(second.status()).isEqualTo(304);
		assertThat(second.body()).isEmpty();
		this.server.secret("test-project", "dev", "/", "A", "2");
		TestClient.Reply third = this.client.get(V4, Map.of("Authorization", "Bearer " + token, "If-None-Match", etag));
		assertThat(third.status()).isEqualTo(200);
		assertThat(third.header("etag")).isNotEqualTo(etag);
		RecordedRequest notModified = this.server.journal().get(2);
		assertThat(notModified.status()).isEqualTo(304);
		assertThat(notModified.ifNoneMatch()).isEqualTo(etag);
		assertThat(notModified.authorized()).isTrue();
	}

	@Test
	void notModifiedStillNeedsValidToken() {
		String token = this.client.login();
		String etag = this.client.get(V4, token).header("etag");
		this.server.revokeAllTokens();
		TestClient.Reply reply = this.client.get(V4, Map.of("Authorization", "Bearer " + token, "If-None-Match", etag));
		assertThat(reply.status()).isEqualTo(401);
	}

	@Test
	void statusAndTrailingSlash() {
		this.server.clock().set(Instant.parse("2030-05-06T07:08:09Z"));
		TestClient.Reply reply = this.client.get("/api/status/", Map.of());
		assertThat(reply.status()).isEqualTo(200);
		JsonNode json = reply.json();
		assertThat(json.get("date").stringValue()).isEqualTo("2030-05-06T07:08:09.000Z");
		assertThat(json.get("message").stringValue()).isEqualTo("Ok");
		assertThat(json.get("maxIdentityAccessTokenTTL").longValue()).isEqualTo(7776000);
		String token = this.client.login();
		assertThat(this.client.get("/api/v4/secrets/?projectId=test-project&environment=dev", token).status())
			.isEqualTo(200);
	}

	@Test
	void unknownRouteIsFastifyNotFound() {
		TestClient.Reply reply = this.client.get("/api/v9/things?x=1", Map.of());
		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.body()).isEqualTo(
				"{\"message\":\"Route GET:/api/v9/things?x=1 not found\",\"error\":\"Not Found\",\"statusCode\":404}");
	}

	@Test
	void journalRecordsEveryRequestWithoutSecrets() {
		this.server.clock().set(Instant.parse("2030-01-01T00:00:00Z"));
		String token = this.client.login();
		this.client.get(V4 + "&secretPath=/", token);
		this.client.get(V4, "wrong");
		List<RecordedRequest> journal = this.server.journal();
		assertThat(journal).extracting(RecordedRequest::method).containsExactly("POST", "GET", "GET");
		assertThat(journal).extracting(RecordedRequest::status).containsExactly(200, 200, 403);
		assertThat(journal).extracting(RecordedRequest::authorized).containsExactly(false, true, false);
		RecordedRequest list = journal.get(1);
		assertThat(list.path()).isEqualTo("/api/v4/secrets");
		assertThat(list.query()).containsEntry("projectId", "test-project").containsEntry("secretPath", "/");
		assertThat(list.at()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
		assertThat(journal.toString()).doesNotContain(token).doesNotContain("test-client-secret");
		assertThat(this.server.count("get", "/api/v4/secrets")).isEqualTo(2);
		assertThat(this.server.count("POST", "/api/v1/auth")).isEqualTo(1);
		this.server.clearJournal();
		assertThat(this.server.journal()).isEmpty();
	}

	@Test
	void parallelRequestsAreServedConcurrently() {
		String token = this.client.login();
		this.server.faults().always("/api/v4", Fault.latency(Duration.ofMillis(400)));
		long start = System.nanoTime();
		List<CompletableFuture<Integer>> replies = IntStream.range(0, 8)
			.mapToObj((i) -> CompletableFuture.supplyAsync(() -> this.client.get(V4, token).status()))
			.toList();
		assertThat(replies).allSatisfy((reply) -> assertThat(reply.join()).isEqualTo(200));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
		assertThat(this.server.count("GET", "/api/v4/secrets")).isEqualTo(8);
	}

	@Test
	void stopRefusesConnectionsAndRestartKeepsState() {
		String token = this.client.login();
		this.server.secret("test-project", "dev", "/", "A", "1");
		int port = this.server.port();
		this.server.stop();
		assertThat(this.server.isRunning()).isFalse();
		assertThatException().isThrownBy(() -> this.client.get(V4, token)).withCauseInstanceOf(ConnectException.class);
		this.server.restart();
		assertThat(this.server.port()).isEqualTo(port);
		assertThat(SecretListTests.keys(this.client.get(V4, token))).containsExactly("A");
	}

}
