package io.github.infisicalstarter.testserver;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapper of the server, and Infisical's date format (ISO-8601 in UTC with
 * milliseconds, as JavaScript's {@code Date.toJSON()} writes it).
 */
final class Json {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private Json() {
	}

	static byte[] write(Object value) {
		return MAPPER.writeValueAsBytes(value);
	}

	/**
	 * Parse a request body.
	 * @param body the body bytes
	 * @return the parsed tree
	 * @throws JacksonException when the body is not JSON
	 */
	static JsonNode read(byte[] body) {
		return MAPPER.readTree(body);
	}

	static String date(Instant instant) {
		return DATE.format(instant);
	}

}
