package io.github.infisicalstarter.client;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.List;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

import org.springframework.http.HttpMethod;

/**
 * Opens Infisical's project event subscriptions ({@code POST
 * /api/v1/events/subscribe/project-events}, Server-Sent Events) over a transport whose
 * read timeout suits a stream with pings. Failures are {@link InfisicalApiException}s
 * like those of every other call; their messages never quote a token.
 *
 * @since 0.1.0
 */
public final class InfisicalEventsClient {

	static final String SUBSCRIBE_PATH = "/api/v1/events/subscribe/project-events";

	private static final JsonFactory FACTORY = JsonFactory.builder().build();

	private final InfisicalHttpTransport transport;

	/**
	 * Create a client.
	 * @param transport the transport, usually one made with
	 * {@link InfisicalHttpTransport#withReadTimeout} for the stream
	 */
	public InfisicalEventsClient(InfisicalHttpTransport transport) {
		this.transport = transport;
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
		return this.transport.openEventStream(request);
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
