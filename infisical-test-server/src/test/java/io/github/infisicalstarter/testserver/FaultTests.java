package io.github.infisicalstarter.testserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for fault injection.
 */
class FaultTests {

	private static final String V4 = "/api/v4/secrets?projectId=test-project&environment=dev";

	@RegisterExtension
	static final InfisicalTestServerExtension infisical = new InfisicalTestServerExtension();

	private InfisicalTestServer server;

	private TestClient client;

	private String token;

	@BeforeEach
	void setUp() {
		this.server = infisical.server();
		this.client = new TestClient(this.server);
		this.token = this.client.login();
		this.server.secret("test-project", "dev", "/", "A", "a value long enough to be cut in half");
	}

	@Test
	void statusFaultHitsGivenTimesThenDisappears() {
		this.server.faults().add("/api/v4/secrets", 2, Fault.status(500));
		TestClient.Reply reply = this.client.get(V4, this.token);
		assertThat(reply.status()).isEqualTo(500);
		assertThat(reply.error()).isEqualTo("InternalServerError");
		assertThat(reply.message()).isEqualTo("Something went wrong");
		assertThat(this.client.get(V4, this.token).status()).isEqualTo(500);
		assertThat(this.client.get(V4, this.token).status()).isEqualTo(200);
		assertThat(this.server.journal()).extracting(RecordedRequest::status).containsExactly(200, 500, 500, 200);
	}

	@Test
	void statusFaultsHaveFittingErrorNames() {
		this.server.faults()
			.add("/api", 1, Fault.status(503))
			.add("/api", 1, Fault.status(401))
			.add("/api", 1, Fault.status(404))
			.add("/api", 1, Fault.status(422));
		assertThat(this.client.get(V4, this.token).json().get("statusCode").intValue()).isEqualTo(503);
		assertThat(this.client.get(V4, this.token).error()).isEqualTo("UnauthorizedError");
		assertThat(this.client.get(V4, this.token).error()).isEqualTo("NotFound");
		TestClient.Reply validation = this.client.get(V4, this.token);
		assertThat(validation.error()).isEqualTo("ValidationFailure");
		assertThat(validation.json().get("message").isArray()).isTrue();
	}

	@Test
	void rateLimitWithRetryAfter() {
		this.server.faults().add("/api/v4", 1, Fault.rateLimit(7));
		TestClient.Reply reply = this.client.get(V4, this.token);
		assertThat(reply.status()).isEqualTo(429);
		assertThat(reply.error()).isEqualTo("RateLimitExceeded");
		assertThat(reply.message()).isEqualTo("Rate limit exceeded. Please try again in 7 seconds");
		assertThat(reply.header("retry-after")).isEqualTo("7");
		assertThat(reply.header("x-ratelimit-remaining")).isEqualTo("0");
		assertThat(reply.header("x-ratelimit-reset")).isEqualTo("7");
	}

	@Test
	void rateLimitWithoutRetryAfter() {
		this.server.faults().always("/api/v1/auth/universal-auth/login", Fault.rateLimit(null));
		TestClient.Reply reply = this.client.postForm("/api/v1/auth/universal-auth/login",
				java.util.Map.of("clientId", "test-client-id", "clientSecret", "test-client-secret"));
		assertThat(reply.status()).isEqualTo(429);
		assertThat(reply.message()).isEqualTo("Rate limit exceeded. Please try again in 2 seconds");
		assertThat(reply.header("retry-after")).isNull();
		assertThat(reply.header("x-ratelimit-limit")).isNotNull();
		this.server.faults().clear();
		assertThat(this.client.get(V4, this.token).status()).isEqualTo(200);
	}

	@Test
	void latencyDelaysThenAnswers() {
		this.server.faults().add("/api/v4", 1, Fault.latency(Duration.ofMillis(300)));
		long start = System.nanoTime();
		assertThat(this.client.get(V4, this.token).status()).isEqualTo(200);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
	}

	@Test
	void dropClosesWithoutAnswer() {
		this.server.faults().add("/api/v1/auth", 1, Fault.drop());
		assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(this.client::login)
			.withCauseInstanceOf(IOException.class);
		assertThat(this.server.journal().get(1).status()).isEqualTo(-1);
		assertThat(this.client.login()).isNotEmpty();
	}

	@Test
	void droppedGetIsRetriedOnceByTheJdkClient() {
		this.server.faults().add("/api/v4", 1, Fault.drop());
		assertThat(this.client.get(V4, this.token).status()).isEqualTo(200);
		assertThat(this.server.journal()).extracting(RecordedRequest::status).containsExactly(200, -1, 200);
		this.server.faults().add("/api/v4", 2, Fault.drop());
		assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(() -> this.client.get(V4, this.token));
	}

	@Test
	void truncateCutsTheBodyInHalf() {
		this.server.faults().add("/api/v4", 1, Fault.truncate());
		assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(() -> this.client.get(V4, this.token))
			.withMessageContaining("fixed content-length");
		assertThat(this.client.get(V4, this.token).status()).isEqualTo(200);
	}

	@Test
	void rawBody() {
		this.server.faults()
			.add("/api", 1, Fault.body(502, "text/html", "<html><body>Bad Gateway</body></html>"))
			.add("/api", 1, Fault.body(200, "application/json", "{\"secrets\": ["))
			.add("/api", 1, Fault.body(200, "application/json", ""));
		TestClient.Reply html = this.client.get(V4, this.token);
		assertThat(html.status()).isEqualTo(502);
		assertThat(html.header("content-type")).isEqualTo("text/html");
		assertThat(html.body()).contains("Bad Gateway");
		assertThat(this.client.get(V4, this.token).body()).isEqualTo("{\"secrets\": [");
		TestClient.Reply empty = this.client.get(V4, this.token);
		assertThat(empty.status()).isEqualTo(200);
		assertThat(empty.body()).isEmpty();
	}

	@Test
	void rulesApplyInOrderAndByPrefix() {
		this.server.faults()
			.add("/api/v1/auth", 1, Fault.status(503))
			.always("/api/v4/secrets", Fault.status(502))
			.add("/api", 1, Fault.status(500));
		assertThat(this.client.get(V4, this.token).status()).isEqualTo(502);
		assertThat(this.client.get("/api/status", java.util.Map.of()).status()).isEqualTo(500);
		assertThat(this.client.get("/api/status", java.util.Map.of()).status()).isEqualTo(200);
		assertThat(this.client.get(V4, this.token).status()).isEqualTo(502);
	}

}
