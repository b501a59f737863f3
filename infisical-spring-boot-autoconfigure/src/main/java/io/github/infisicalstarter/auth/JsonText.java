package io.github.infisicalstarter.auth;

import java.io.ByteArrayOutputStream;
import java.util.Map;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes the small flat JSON objects of the signed logins (a JWT's header and claims, a
 * signed request's headers) with Jackson's streaming generator.
 *
 * @since 0.1.0
 */
final class JsonText {

	private static final JsonFactory FACTORY = new JsonFactory();

	private JsonText() {
	}

	/**
	 * Write an object whose values are strings or numbers.
	 * @param fields the fields, in order
	 * @return the JSON as UTF-8 bytes
	 */
	static byte[] write(Map<String, ?> fields) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(256);
		try (JsonGenerator generator = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
			generator.writeStartObject();
			fields.forEach((name, value) -> {
				if (value instanceof Long number) {
					generator.writeNumberProperty(name, number);
				}
				else if (value != null) {
					generator.writeStringProperty(name, value.toString());
				}
			});
			generator.writeEndObject();
		}
		return out.toByteArray();
	}

}
