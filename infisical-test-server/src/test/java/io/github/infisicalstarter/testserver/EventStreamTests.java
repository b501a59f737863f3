package io.github.infisicalstarter.testserver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project event subscription route: Infisical's frames and pings, registrations with
 * globs, import mutations, the refusals and the per-project stream budget.
 */
class EventStreamTests {

	@RegisterExtension
	static final InfisicalTestServerExtension infisical = new InfisicalTestServerExtension();

	private static final String PROJECT = InfisicalTestServer.DEFAULT_PROJECT_ID;

	private final HttpClient http = HttpClient.newHttpClient();

	private final List<InputStream> open = new ArrayList<>();

	private InfisicalTestServer server;

	private String token;

	@BeforeEach
	void setUp() {
		this.server = infisical.server();
		this.token = new TestClient(this.server).login();
		this.server.events().pingInterval(Duration.ofMillis(100));
	}

	@AfterEach
	void closeStreams() throws IOException {
		for (InputStream stream : this.open) {
			stream.close();
		}
	}

	@Test
	void streamsPingsAndTheEventsItsRegistrationsMatch() throws Exception {
		BufferedReader stream = subscribe(
				"[{\"event\":\"secret:update\",\"conditions\":{\"environmentSlug\":\"dev\",\"secretPath\":\"/app/**\"}},"
						+ "{\"event\":\"secret:import-mutation\",\"conditions\":{\"environmentSlug\":\"dev\","
						+ "\"secretPath\":\"/\"}}]");
		assertThat(frame(stream)).containsExactly("event: ping");
		this.server.secret(PROJECT, "staging", "/app", "IGNORED", "x");
		this.server.secret(PROJECT, "dev", "/other", "IGNORED", "x");
		this.server.secret(PROJECT, "dev", "/app/db", "KEY", "v1");
		this.server.secret(PROJECT, "dev", "/app/db", "KEY", "v2");
		List<String> event = nextEvent(stream);
		assertThat(event.get(0)).startsWith("id: ");
		assertThat(event.get(1)).isEqualTo("event: secret:update");
		assertThat(event.get(2)).isEqualTo("data: {\"projectType\":\"secret-manager\",\"data\":{\"eventType\":"
				+ "\"secret:update\",\"payload\":[{\"environment\":\"dev\",\"secretPath\":\"/app/db\","
				+ "\"secretKey\":\"KEY\"}]}}");
		this.server.secretImport(PROJECT, "dev", "/", "prod", "/shared");
		assertThat(nextEvent(stream).get(2)).contains("\"eventType\":\"secret:import-mutation\"")
			.contains("\"payload\":{\"environment\":\"dev\",\"secretPath\":\"/\"}");
		this.server.secret(PROJECT, "prod", "/shared", "SHARED", "x");
		assertThat(nextEvent(stream).get(1)).isEqualTo("event: secret:import-mutation");
		assertThat(this.server.events().subscriptions()).singleElement()
			.satisfies((subscription) -> assertThat(subscription.token()).isEqualTo(this.token));
	}

	@Test
	void refusesABadTokenAndWhatTheSwitchesSay() throws Exception {
		String register = "[{\"event\":\"secret:update\"}]";
		HttpResponse<String> malformed = refusal(register, "not-a-token");
		assertThat(malformed.statusCode()).isEqualTo(403);
		assertThat(malformed.body()).contains("TokenError");
		this.server.events().answer(EventStreams.Answer.NO_ROUTE);
		assertThat(refusal(register, this.token).body()).contains("Route POST:/api/v1/events/subscribe/project-events");
		this.server.events().answer(EventStreams.Answer.PLAN);
		HttpResponse<String> plan = refusal(register, this.token);
		assertThat(plan.statusCode()).isEqualTo(400);
		assertThat(plan.body()).contains("not available on your current plan");
		this.server.events().answer(EventStreams.Answer.FORBIDDEN);
		assertThat(refusal(register, this.token).statusCode()).isEqualTo(403);
		this.server.events().answer(EventStreams.Answer.STREAM).maxStreamsPerProject(1);
		subscribe(register);
		HttpResponse<String> full = refusal(register, this.token);
		assertThat(full.statusCode()).isEqualTo(429);
		assertThat(full.body()).contains("RateLimitError");
		assertThat(refusal("[]", this.token).statusCode()).isEqualTo(422);
		this.server.revokeAllTokens();
		assertThat(refusal(register, this.token).statusCode()).isEqualTo(401);
	}

	@Test
	void droppedAndSilentStreams() throws Exception {
		BufferedReader stream = subscribe("[{\"event\":\"secret:create\"}]");
		assertThat(frame(stream)).containsExactly("event: ping");
		assertThat(this.server.events().openStreams(PROJECT)).isOne();
		assertThat(this.server.events().dropAll()).isOne();
		String line;
		do {
			line = stream.readLine();
		}
		while (line != null);
		BufferedReader silent = subscribe("[{\"event\":\"secret:create\"}]");
		this.server.events().silent(true);
		Thread.sleep(50);
		this.server.secret(PROJECT, "dev", "/", "NEW", "x");
		Thread.sleep(300);
		this.server.events().silent(false);
		// at most one ping was in flight when the stream went silent; the event was not
		// sent
		List<String> next = frame(silent);
		if (next.equals(List.of("event: ping"))) {
			next = frame(silent);
		}
		assertThat(next).containsExactly("event: ping");
	}

	private BufferedReader subscribe(String register) throws Exception {
		HttpResponse<InputStream> response = this.http.send(request(register, this.token),
				HttpResponse.BodyHandlers.ofInputStream());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
		this.open.add(response.body());
		return new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
	}

	private HttpResponse<String> refusal(String register, String token) throws Exception {
		return this.http.send(request(register, token), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest request(String register, String token) {
		return HttpRequest.newBuilder(URI.create(this.server.url() + "/api/v1/events/subscribe/project-events"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"projectId\":\"" + PROJECT + "\",\"register\":" + register + "}"))
			.build();
	}

	private static List<String> nextEvent(BufferedReader stream) throws IOException {
		List<String> frame = frame(stream);
		while (frame.equals(List.of("event: ping"))) {
			frame = frame(stream);
		}
		return frame;
	}

	private static List<String> frame(BufferedReader stream) throws IOException {
		List<String> lines = new ArrayList<>();
		String line;
		while ((line = stream.readLine()) != null && !line.isEmpty()) {
			lines.add(line);
		}
		return lines;
	}

}
