package io.github.infisicalstarter.testserver;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A request read off the wire: method, path (trailing slashes removed, as Fastify's
 * {@code ignoreTrailingSlash} does), decoded query and body. Remembers whether it passed
 * authentication, for the journal.
 */
final class ApiRequest {

	private final String method;

	private final String rawPath;

	private final String url;

	private final Map<String, String> query;

	private final @Nullable String malformedQuery;

	private final HttpExchange exchange;

	private final byte[] body;

	private volatile boolean authorized;

	private ApiRequest(HttpExchange exchange, byte[] body) {
		this.exchange = exchange;
		this.method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
		this.rawPath = exchange.getRequestURI().getRawPath();
		String rawQuery = exchange.getRequestURI().getRawQuery();
		this.url = (rawQuery != null) ? this.rawPath + "?" + rawQuery : this.rawPath;
		Map<String, String> query = new LinkedHashMap<>();
		String malformed = null;
		try {
			parse(rawQuery, query);
		}
		catch (IllegalArgumentException ex) {
			malformed = rawQuery;
		}
		this.query = Collections.unmodifiableMap(query);
		this.malformedQuery = malformed;
		this.body = body;
	}

	static ApiRequest read(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			return new ApiRequest(exchange, in.readAllBytes());
		}
	}

	String method() {
		return this.method;
	}

	/**
	 * Return the decoded path as sent.
	 * @return the path
	 */
	String path() {
		return decode(this.rawPath);
	}

	/**
	 * Return the raw path without trailing slashes, for routing.
	 * @return the route path
	 */
	String routePath() {
		String path = this.rawPath;
		while (path.length() > 1 && path.endsWith("/")) {
			path = path.substring(0, path.length() - 1);
		}
		return path;
	}

	String url() {
		return this.url;
	}

	Map<String, String> query() {
		if (this.malformedQuery != null) {
			throw ApiError.badRequest("Malformed URL encoding in query parameters");
		}
		return this.query;
	}

	Map<String, String> queryForJournal() {
		return this.query;
	}

	@Nullable String header(String name) {
		return this.exchange.getRequestHeaders().getFirst(name);
	}

	/**
	 * Return the body as a JSON tree: parsed JSON, a form as an object of strings, plain
	 * text as a string, or {@code null} when there is no body.
	 * @return the body tree
	 */
	@Nullable JsonNode body() {
		String contentType = header("Content-Type");
		if (contentType == null || this.body.length == 0) {
			return null;
		}
		String type = contentType.toLowerCase(Locale.ROOT);
		if (type.startsWith("application/json")) {
			try {
				return Json.read(this.body);
			}
			catch (JacksonException ex) {
				throw ApiError.internal();
			}
		}
		String text = new String(this.body, StandardCharsets.UTF_8);
		if (type.startsWith("application/x-www-form-urlencoded")) {
			Map<String, String> fields = new LinkedHashMap<>();
			parse(text, fields);
			ObjectNode object = JsonNodeFactory.instance.objectNode();
			fields.forEach(object::put);
			return object;
		}
		if (type.startsWith("text/plain")) {
			return JsonNodeFactory.instance.stringNode(text);
		}
		throw ApiError.internal();
	}

	boolean authorized() {
		return this.authorized;
	}

	void authorized(boolean authorized) {
		this.authorized = authorized;
	}

	static String decode(String value) {
		return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
	}

	private static void parse(@Nullable String encoded, Map<String, String> into) {
		if (encoded == null || encoded.isEmpty()) {
			return;
		}
		for (String pair : encoded.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = URLDecoder.decode((equals < 0) ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
			String value = (equals < 0) ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
			into.putIfAbsent(name, value);
		}
	}

}
