package io.github.infisicalstarter.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads the few JSON shapes of the Infisical API with Jackson's streaming parser.
 * Databinding is avoided on purpose: it is most of a minimal application's start-up cost
 * and would bind far more than the three fields a secret needs. Problems are reported as
 * {@link BadJsonException} whose message never repeats any part of the document.
 *
 * @since 0.1.0
 */
final class InfisicalJson {

	/** Upper bound for one answer; a larger one is refused rather than buffered. */
	static final long MAX_DOCUMENT_LENGTH = 64L * 1024 * 1024;

	private static final char BYTE_ORDER_MARK = '\uFEFF';

	private static final JsonFactory FACTORY = JsonFactory.builder()
		.streamReadConstraints(StreamReadConstraints.builder().maxDocumentLength(MAX_DOCUMENT_LENGTH).build())
		.build();

	private InfisicalJson() {
	}

	static TokenResponse readToken(InputStream in) {
		return read(in, (parser) -> {
			String token = null;
			long expiresIn = 0;
			long maxTtl = 0;
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				JsonToken value = parser.nextToken();
				switch (name) {
					case "accessToken" -> token = string(parser, value, name);
					case "expiresIn" -> expiresIn = number(parser, value, name);
					case "accessTokenMaxTTL" -> maxTtl = number(parser, value, name);
					default -> parser.skipChildren();
				}
			}
			if (token == null || token.isBlank()) {
				throw new BadJsonException("the answer has no 'accessToken'");
			}
			return new TokenResponse(token, expiresIn, maxTtl);
		});
	}

	/**
	 * Read one top-level field of a JSON object as text (strings and numbers).
	 * @param in the body
	 * @param field the field's name
	 * @return the value, or {@code null} when missing
	 */
	static @Nullable String readStringField(InputStream in, String field) {
		return read(in, (parser) -> {
			String found = null;
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				JsonToken value = parser.nextToken();
				if (name.equals(field) && value != null && value.isScalarValue()) {
					found = parser.getString();
				}
				else {
					parser.skipChildren();
				}
			}
			return found;
		});
	}

	static SecretsResponse readSecrets(InputStream in, @Nullable String etag) {
		return read(in, (parser) -> {
			List<RawSecret> secrets = null;
			List<ImportedSecrets> imports = List.of();
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				JsonToken value = parser.nextToken();
				switch (name) {
					case "secrets" -> secrets = readSecretArray(parser, value, "secrets");
					case "imports" -> imports = readImports(parser, value);
					default -> parser.skipChildren();
				}
			}
			if (secrets == null) {
				throw new BadJsonException("the answer has no 'secrets' array");
			}
			return new SecretsResponse(secrets, imports, etag, false);
		});
	}

	/**
	 * Read Infisical's error envelope {@code {statusCode, message, error}};
	 * {@code message} is an array of issues for validation failures.
	 */
	static ErrorBody readError(InputStream in) {
		try {
			return read(in, (parser) -> {
				String message = null;
				String error = null;
				String detail = null;
				while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
					String name = parser.currentName();
					JsonToken value = parser.nextToken();
					if ("message".equals(name)) {
						message = (value == JsonToken.START_ARRAY) ? firstIssue(parser) : text(parser, value);
					}
					else if ("error".equals(name)) {
						error = text(parser, value);
					}
					else if ("details".equals(name) && value == JsonToken.START_ARRAY) {
						detail = firstIssue(parser);
					}
					else {
						parser.skipChildren();
					}
				}
				return new ErrorBody(message, error, detail);
			});
		}
		catch (BadJsonException | TruncatedBodyException ex) {
			// the status is what matters; an unreadable error body only loses its text
			return new ErrorBody(null, null, null);
		}
	}

	private static List<ImportedSecrets> readImports(JsonParser parser, JsonToken token) {
		if (token == JsonToken.VALUE_NULL) {
			return List.of();
		}
		expect(token, JsonToken.START_ARRAY, "imports");
		List<ImportedSecrets> imports = new ArrayList<>();
		while (parser.nextToken() == JsonToken.START_OBJECT) {
			String environment = "";
			String path = "/";
			List<RawSecret> secrets = List.of();
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				JsonToken value = parser.nextToken();
				switch (name) {
					case "environment" -> environment = string(parser, value, "imports[].environment");
					case "secretPath" -> path = string(parser, value, "imports[].secretPath");
					case "secrets" -> secrets = readSecretArray(parser, value, "imports[].secrets");
					default -> parser.skipChildren();
				}
			}
			imports.add(new ImportedSecrets(environment, path, secrets));
		}
		return imports;
	}

	private static List<RawSecret> readSecretArray(JsonParser parser, JsonToken token, String field) {
		expect(token, JsonToken.START_ARRAY, field);
		List<RawSecret> secrets = new ArrayList<>();
		while (parser.nextToken() == JsonToken.START_OBJECT) {
			secrets.add(readSecretObject(parser, field + "[]", secrets.size()));
		}
		if (parser.currentToken() != JsonToken.END_ARRAY) {
			throw new BadJsonException("'" + field + "' holds something other than objects");
		}
		return secrets;
	}

	/** Read one secret object, the parser standing on its opening brace. */
	private static RawSecret readSecretObject(JsonParser parser, String field, int index) {
		String key = null;
		String value = null;
		String path = "/";
		int version = 0;
		String comment = null;
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			JsonToken next = parser.nextToken();
			switch (name) {
				case "secretKey" -> key = string(parser, next, field + ".secretKey");
				case "secretValue" -> value = string(parser, next, field + ".secretValue");
				case "secretPath" ->
					path = (next == JsonToken.VALUE_NULL) ? path : string(parser, next, field + ".secretPath");
				case "version" -> version = (next == JsonToken.VALUE_NULL) ? 0 : (int) number(parser, next, "version");
				case "secretComment" -> comment = text(parser, next);
				default -> parser.skipChildren();
			}
		}
		if (key == null || value == null) {
			throw new BadJsonException("entry " + index + " of '" + field + "' has no "
					+ ((key == null) ? "'secretKey'" : "'secretValue'"));
		}
		return new RawSecret(key, value, path, version, comment);
	}

	/**
	 * Read the answer of a single-secret read, {@code {"secret": {...}}}. The v3 answer
	 * of older servers has no {@code secretPath}: the path asked for is used then.
	 */
	static InfisicalSecret readSecret(InputStream in, SecretsPath asked) {
		return read(in, (parser) -> {
			InfisicalSecret secret = null;
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				JsonToken value = parser.nextToken();
				if ("secret".equals(name)) {
					expect(value, JsonToken.START_OBJECT, "secret");
					secret = secret(readSecretObject(parser, "secret", 0), asked);
				}
				else {
					parser.skipChildren();
				}
			}
			if (secret == null) {
				throw new BadJsonException("the answer has no 'secret'");
			}
			return secret;
		});
	}

	/**
	 * Read the answer of a write: {@code {"secret": {...}}} when it was applied,
	 * {@code {"approval": {...}}} when an approval policy turned it into a change
	 * request.
	 */
	static SecretWrite readWrite(InputStream in, SecretsPath asked) {
		return read(in, (parser) -> {
			SecretWrite write = null;
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				JsonToken value = parser.nextToken();
				if ("secret".equals(name) && value == JsonToken.START_OBJECT) {
					write = new SecretWrite.Applied(secret(readSecretObject(parser, "secret", 0), asked));
				}
				else if ("approval".equals(name) && value == JsonToken.START_OBJECT) {
					write = readApproval(parser);
				}
				else {
					parser.skipChildren();
				}
			}
			if (write == null) {
				throw new BadJsonException("the answer has neither 'secret' nor 'approval'");
			}
			return write;
		});
	}

	private static SecretWrite.ApprovalRequested readApproval(JsonParser parser) {
		String id = "";
		String status = "open";
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			String text = text(parser, parser.nextToken());
			if ("id".equals(name) && text != null) {
				id = text;
			}
			else if ("status".equals(name) && text != null) {
				status = text;
			}
		}
		return new SecretWrite.ApprovalRequested(id, status);
	}

	private static InfisicalSecret secret(RawSecret raw, SecretsPath asked) {
		String path = "/".equals(raw.path()) ? asked.path() : raw.path();
		return new InfisicalSecret(raw.key(), raw.value(), path, asked.environment(), raw.version(), raw.comment());
	}

	/**
	 * Read {@code {"folders": [...]}} or, with {@code single}, {@code {"folder": {...}}}.
	 */
	static List<InfisicalFolder> readFolders(InputStream in, boolean single) {
		return read(in, (parser) -> {
			List<InfisicalFolder> folders = null;
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				JsonToken value = parser.nextToken();
				if (!single && "folders".equals(name)) {
					expect(value, JsonToken.START_ARRAY, "folders");
					folders = new ArrayList<>();
					while (parser.nextToken() == JsonToken.START_OBJECT) {
						folders.add(readFolder(parser));
					}
				}
				else if (single && "folder".equals(name)) {
					expect(value, JsonToken.START_OBJECT, "folder");
					folders = List.of(readFolder(parser));
				}
				else {
					parser.skipChildren();
				}
			}
			if (folders == null) {
				throw new BadJsonException("the answer has no '" + (single ? "folder'" : "folders'"));
			}
			return folders;
		});
	}

	private static InfisicalFolder readFolder(JsonParser parser) {
		String id = null;
		String name = null;
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String field = parser.currentName();
			JsonToken value = parser.nextToken();
			switch (field) {
				case "id" -> id = string(parser, value, "folder.id");
				case "name" -> name = string(parser, value, "folder.name");
				default -> parser.skipChildren();
			}
		}
		if (id == null || name == null) {
			throw new BadJsonException("a folder has no " + ((id == null) ? "'id'" : "'name'"));
		}
		return new InfisicalFolder(id, name);
	}

	/**
	 * Write a flat JSON object of strings and booleans (the body of a write), skipping
	 * {@code null} values, with the streaming generator.
	 */
	static byte[] writeObject(Map<String, ?> fields) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(256);
		try (JsonGenerator generator = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
			generator.writeStartObject();
			fields.forEach((name, value) -> {
				if (value instanceof Boolean bool) {
					generator.writeBooleanProperty(name, bool);
				}
				else if (value != null) {
					generator.writeStringProperty(name, value.toString());
				}
			});
			generator.writeEndObject();
		}
		return out.toByteArray();
	}

	private static @Nullable String firstIssue(JsonParser parser) {
		String first = null;
		while (parser.nextToken() != JsonToken.END_ARRAY) {
			if (first == null && parser.currentToken() == JsonToken.VALUE_STRING) {
				first = parser.getString();
			}
			else if (parser.currentToken() == JsonToken.START_OBJECT) {
				while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
					String name = parser.currentName();
					JsonToken value = parser.nextToken();
					if (first == null && "message".equals(name) && value == JsonToken.VALUE_STRING) {
						first = parser.getString();
					}
					else {
						parser.skipChildren();
					}
				}
			}
			else {
				parser.skipChildren();
			}
		}
		return first;
	}

	private static @Nullable String text(JsonParser parser, JsonToken token) {
		if (token == JsonToken.VALUE_STRING) {
			return parser.getString();
		}
		parser.skipChildren();
		return null;
	}

	private static String string(JsonParser parser, JsonToken token, String field) {
		expect(token, JsonToken.VALUE_STRING, field);
		return parser.getString();
	}

	private static long number(JsonParser parser, JsonToken token, String field) {
		if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
			return parser.getLongValue();
		}
		if (token == JsonToken.VALUE_STRING) {
			try {
				return Long.parseLong(parser.getString().trim());
			}
			catch (NumberFormatException ex) {
				// fall through
			}
		}
		throw new BadJsonException("'" + field + "' is not a number");
	}

	private static void expect(JsonToken actual, JsonToken expected, String field) {
		if (actual != expected) {
			throw new BadJsonException(
					"'" + field + "' is " + describe(actual) + " where " + describe(expected) + " was expected");
		}
	}

	private static String describe(@Nullable JsonToken token) {
		if (token == null) {
			return "missing";
		}
		return switch (token) {
			case START_ARRAY -> "an array";
			case START_OBJECT -> "an object";
			case VALUE_STRING -> "a string";
			case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
			case VALUE_TRUE, VALUE_FALSE -> "a boolean";
			case VALUE_NULL -> "null";
			default -> "malformed";
		};
	}

	/**
	 * The answer as characters: Jackson's char-based parser comes with
	 * {@link JsonFactory} anyway, while its byte-based one (with its encoding detection)
	 * would be loaded for the starter's answers alone, ~15-20 ms of a start-up. JSON
	 * between systems is UTF-8 (RFC 8259, section 8.1); a leading byte order mark, which
	 * parsers may ignore, is skipped.
	 */
	private static Reader utf8(InputStream in) throws IOException {
		PushbackReader reader = new PushbackReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1);
		int first = reader.read();
		if (first != -1 && first != BYTE_ORDER_MARK) {
			reader.unread(first);
		}
		return reader;
	}

	private static <T> T read(InputStream in, DocumentReader<T> reader) {
		try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), utf8(in))) {
			JsonToken first = parser.nextToken();
			if (first == null) {
				throw new BadJsonException("the body is empty");
			}
			if (first != JsonToken.START_OBJECT) {
				throw new BadJsonException("the body is " + describe(first) + " where a JSON object was expected");
			}
			return reader.read(parser);
		}
		catch (JacksonIOException ex) {
			throw new TruncatedBodyException(ex.getCause());
		}
		catch (IOException ex) {
			throw new TruncatedBodyException(ex);
		}
		catch (JacksonException ex) {
			TokenStreamLocation location = ex.getLocation();
			String where = (location != null)
					? " at line " + location.getLineNr() + ", column " + location.getColumnNr() : "";
			String what = (ex instanceof StreamConstraintsException)
					? "the body exceeds the parser's limits (" + (MAX_DOCUMENT_LENGTH / (1024 * 1024))
							+ " MB in all, Jackson's defaults for nesting, names and values)"
					: "the body is not valid JSON (malformed or cut short)" + where;
			throw new BadJsonException(what);
		}
	}

	@FunctionalInterface
	private interface DocumentReader<T> {

		T read(JsonParser parser);

	}

	/**
	 * Infisical's error envelope, reduced to what a message needs.
	 */
	record ErrorBody(@Nullable String message, @Nullable String error, @Nullable String detail) {

	}

	/**
	 * A body that is not the JSON the API documents. The message describes the problem
	 * without quoting the body.
	 */
	static final class BadJsonException extends RuntimeException {

		BadJsonException(String message) {
			super(message, null, false, false);
		}

	}

	/**
	 * The connection broke while the body was read.
	 */
	static final class TruncatedBodyException extends RuntimeException {

		TruncatedBodyException(@Nullable Throwable cause) {
			super("the connection was closed before the whole answer arrived", cause, false, false);
		}

	}

}
