package io.github.infisicalstarter.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * Opens Infisical's project event subscriptions ({@code POST
 * /api/v1/events/subscribe/project-events}, Server-Sent Events) with the transport's
 * site, Spring Boot HTTP client settings (connect timeout, SSL bundle) and observer;
 * failures are {@link InfisicalApiException}s classified like those of every other call,
 * whose messages never quote a token.
 * <p>
 * Unlike the transport's other calls, the stream goes through the JDK's
 * {@code HttpClient} rather than {@code HttpURLConnection}: closing the body from another
 * thread ends a read blocked on it at once, where {@code HttpURLConnection} waits for the
 * next bytes to arrive (up to a ping interval), which would delay shutdown and
 * re-subscription. The read timeout bounds the wait for the answer's headers; silence on
 * an open stream is for the caller to detect.
 *
 * @since 0.1.0
 */
public final class InfisicalEventsClient {

	static final String SUBSCRIBE_PATH = "/api/v1/events/subscribe/project-events";

	private static final JsonFactory FACTORY = JsonFactory.builder().build();

	private final InfisicalHttpTransport transport;

	private final Duration readTimeout;

	private volatile @Nullable HttpClient client;

	/**
	 * Create a client.
	 * @param transport the transport whose site, settings and observer to use
	 * @param readTimeout how long to wait for the answer to a subscription
	 */
	public InfisicalEventsClient(InfisicalHttpTransport transport, Duration readTimeout) {
		this.transport = transport;
		this.readTimeout = readTimeout;
	}

	/**
	 * Subscribe to events of a project.
	 * @param projectId the project
	 * @param registrations what to receive (1 to 10 registrations)
	 * @param accessToken the bearer token
	 * @return the open stream of Server-Sent Events; closing it ends the subscription
	 * @throws InfisicalApiException when the server refused the subscription or could not
	 * be reached
	 */
	public InputStream subscribe(String projectId, List<EventRegistration> registrations, String accessToken) {
		ApiRequest request = ApiRequest.json(HttpMethod.POST, SUBSCRIBE_PATH, accessToken,
				body(projectId, registrations));
		CallObservations.@Nullable Handle handle = this.transport.getObserver().start(request);
		try {
			return open(request, handle);
		}
		catch (InfisicalApiException ex) {
			if (handle != null) {
				handle.error(ex);
			}
			throw ex;
		}
		finally {
			if (handle != null) {
				handle.stop();
			}
		}
	}

	private InputStream open(ApiRequest request, CallObservations.@Nullable Handle handle) {
		String endpoint = this.transport.endpoint(request);
		try {
			HttpRequest.Builder builder = HttpRequest
				.newBuilder(URI.create(this.transport.getSiteUrl() + request.pathAndQuery()))
				.timeout(this.readTimeout)
				.header(HttpHeaders.ACCEPT, MediaType.TEXT_EVENT_STREAM_VALUE)
				.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + request.bearer())
				.POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
			HttpResponse<InputStream> response = client().send(builder.build(),
					HttpResponse.BodyHandlers.ofInputStream());
			int status = response.statusCode();
			if (handle != null) {
				handle.status(status);
			}
			ResponseHeaders headers = ResponseHeaders.of(response.headers().map());
			if (status < 200 || status >= 300) {
				try (InputStream error = response.body()) {
					throw InfisicalApiFailures.status(endpoint, status, headers, error);
				}
			}
			String mediaType = headers.mediaType();
			if (!MediaType.TEXT_EVENT_STREAM_VALUE.equals(mediaType)) {
				response.body().close();
				throw InfisicalApiFailures.badResponse(endpoint, "the answer is "
						+ ((mediaType != null) ? mediaType : "untyped") + " where text/event-stream was expected");
			}
			return response.body();
		}
		catch (IOException ex) {
			throw InfisicalApiFailures.ioFailure(endpoint, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw InfisicalApiFailures.interrupted(endpoint, "the thread was interrupted", ex);
		}
	}

	private HttpClient client() {
		HttpClient client = this.client;
		if (client == null) {
			// connect timeout and SSL bundle from the settings; the read timeout is this
			// request's, and a stream is never redirected
			client = JdkHttpClients.builder(this.transport.getSettings())
				.version(HttpClient.Version.HTTP_1_1)
				.followRedirects(HttpClient.Redirect.NEVER)
				.proxy(ProxySelector.getDefault())
				.build();
			this.client = client;
		}
		return client;
	}

	static byte[] body(String projectId, List<EventRegistration> registrations) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(256);
		try (JsonGenerator generator = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
			generator.writeStartObject();
			generator.writeStringProperty("projectId", projectId);
			generator.writeArrayPropertyStart("register");
			for (EventRegistration registration : registrations) {
				generator.writeStartObject();
				generator.writeStringProperty("event", registration.event());
				if (registration.environment() != null || registration.secretPath() != null) {
					generator.writeObjectPropertyStart("conditions");
					if (registration.environment() != null) {
						generator.writeStringProperty("environmentSlug", registration.environment());
					}
					if (registration.secretPath() != null) {
						generator.writeStringProperty("secretPath", registration.secretPath());
					}
					generator.writeEndObject();
				}
				generator.writeEndObject();
			}
			generator.writeEndArray();
			generator.writeEndObject();
		}
		return out.toByteArray();
	}

	@Override
	public String toString() {
		return "InfisicalEventsClient[" + this.transport.getSiteUrl() + "]";
	}

}
