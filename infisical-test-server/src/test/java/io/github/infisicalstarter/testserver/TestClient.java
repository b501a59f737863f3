package io.github.infisicalstarter.testserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import javax.net.ssl.SSLContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A minimal client for the test server's API, built on {@code java.net.http.HttpClient}.
 */
final class TestClient {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final String url;

	private final HttpClient http;

	TestClient(InfisicalTestServer server) {
		this(server.url(), HttpClient.newBuilder());
	}

	TestClient(String url, HttpClient.Builder builder) {
		this.url = url;
		this.http = builder.connectTimeout(Duration.ofSeconds(2)).build();
	}

	static TestClient https(InfisicalTestServer server, SSLContext sslContext) {
		return new TestClient(server.url(), HttpClient.newBuilder().sslContext(sslContext));
	}

	String login() {
		return login(InfisicalTestServer.DEFAULT_CLIENT_ID, InfisicalTestServer.DEFAULT_CLIENT_SECRET);
	}

	String login(String clientId, String clientSecret) {
		Reply reply = postJson("/api/v1/auth/universal-auth/login",
				Map.of("clientId", clientId, "clientSecret", clientSecret));
		if (reply.status() != 200) {
			throw new IllegalStateException("Login failed: " + reply.body());
		}
		return reply.json().get("accessToken").stringValue();
	}

	Reply get(String pathAndQuery, String token) {
		return send(request(pathAndQuery).header("Authorization", "Bearer " + token).GET().build());
	}

	Reply get(String pathAndQuery, Map<String, String> headers) {
		HttpRequest.Builder builder = request(pathAndQuery).GET();
		headers.forEach(builder::header);
		return send(builder.build());
	}

	Reply postJson(String path, Map<String, ?> body) {
		return post(path, "application/json", MAPPER.writeValueAsString(body));
	}

	/**
	 * Send a JSON body with a bearer token, as a write does.
	 */
	Reply write(String method, String path, String token, Map<String, ?> body) {
		return send(request(path).header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(body)))
			.build());
	}

	Reply postForm(String path, Map<String, String> fields) {
		String form = fields.entrySet()
			.stream()
			.map((entry) -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
			.collect(Collectors.joining("&"));
		return post(path, "application/x-www-form-urlencoded", form);
	}

	Reply post(String path, String contentType, String body) {
		return send(request(path).header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	Reply send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			Map<String, String> headers = new LinkedHashMap<>();
			response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
			return new Reply(response.statusCode(), headers, response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	HttpRequest.Builder request(String pathAndQuery) {
		return HttpRequest.newBuilder(URI.create(this.url + pathAndQuery)).timeout(Duration.ofSeconds(5));
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/**
	 * An answer.
	 *
	 * @param status the status
	 * @param headers the headers, names in lower case
	 * @param body the body
	 */
	record Reply(int status, Map<String, String> headers, String body) {

		JsonNode json() {
			return MAPPER.readTree(this.body);
		}

		String header(String name) {
			return this.headers.get(name.toLowerCase());
		}

		String error() {
			return json().get("error").stringValue();
		}

		String message() {
			return json().get("message").stringValue();
		}

	}

}
