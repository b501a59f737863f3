package io.github.infisicalstarter.testserver;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An answer before it is written: status, extra headers and body bytes.
 *
 * @param status the HTTP status
 * @param contentType the {@code Content-Type}, or an empty string for none
 * @param headers extra headers
 * @param body the body bytes, possibly empty
 */
record Response(int status, String contentType, Map<String, String> headers, byte[] body) {

	static final String JSON = "application/json; charset=utf-8";

	static Response json(int status, Object body) {
		return new Response(status, JSON, Map.of(), Json.write(body));
	}

	static Response raw(int status, String contentType, String body) {
		return new Response(status, contentType, Map.of(), body.getBytes(StandardCharsets.UTF_8));
	}

	Response withHeaders(Map<String, String> headers) {
		return new Response(this.status, this.contentType, headers, this.body);
	}

	boolean isJson() {
		return this.contentType.startsWith("application/json");
	}

}
