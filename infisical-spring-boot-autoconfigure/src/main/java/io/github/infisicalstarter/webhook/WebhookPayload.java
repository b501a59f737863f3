package io.github.infisicalstarter.webhook;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The few fields of an Infisical webhook body that matter here: which event, and where
 * the change happened. The body never carries keys or values. Newer Infisical versions
 * send {@code project.projectId}, older ones only {@code project.workspaceId}; both are
 * read.
 *
 * @param event the event name, e.g. {@code secrets.modified} or {@code test}
 * @param projectId the project id, if given
 * @param environment the environment slug, if given
 * @param secretPath the folder, if given
 * @since 0.1.0
 */
public record WebhookPayload(@Nullable String event, @Nullable String projectId, @Nullable String environment,
		@Nullable String secretPath) {

	/** The event Infisical sends when secrets of a project changed. */
	public static final String SECRETS_MODIFIED = "secrets.modified";

	/** The event of the "test" button of Infisical's webhook settings. */
	public static final String TEST = "test";

	private static final JsonFactory FACTORY = new JsonFactory();

	/**
	 * Read a body.
	 * @param body the raw body
	 * @return the payload; fields absent from the body are {@code null}
	 * @throws IllegalArgumentException when the body is not a JSON object
	 */
	public static WebhookPayload parse(byte[] body) {
		try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), body)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw new IllegalArgumentException("the body is not a JSON object");
			}
			String event = null;
			String[] project = new String[3];
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				JsonToken value = parser.nextToken();
				if ("event".equals(name) && value == JsonToken.VALUE_STRING) {
					event = parser.getString();
				}
				else if ("project".equals(name) && value == JsonToken.START_OBJECT) {
					readProject(parser, project);
				}
				else {
					parser.skipChildren();
				}
			}
			return new WebhookPayload(event, project[0], project[1], project[2]);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("the body is not valid JSON");
		}
	}

	private static void readProject(JsonParser parser, String[] project) {
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			JsonToken value = parser.nextToken();
			String text = (value == JsonToken.VALUE_STRING) ? parser.getString() : null;
			switch (name) {
				case "projectId" -> project[0] = (text != null) ? text : project[0];
				case "workspaceId" -> project[0] = (project[0] != null) ? project[0] : text;
				case "environment" -> project[1] = text;
				case "secretPath" -> project[2] = text;
				default -> parser.skipChildren();
			}
		}
	}

}
