package io.github.infisicalstarter.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * One request to the Infisical API as {@link InfisicalHttpTransport} sends it. The
 * {@code toString()} names the endpoint only: query, bearer token and body stay out.
 *
 * @param method the HTTP method
 * @param path the path, without the query
 * @param query the encoded query string without {@code ?}, or empty
 * @param bearer the access token, or {@code null} for the unauthenticated auth routes
 * @param ifNoneMatch the ETag to send as {@code If-None-Match}, or {@code null}
 * @param contentType the body's content type, or {@code null} without a body
 * @param body the body, or {@code null}
 * @since 0.1.0
 */
record ApiRequest(HttpMethod method, String path, String query, @Nullable String bearer, @Nullable String ifNoneMatch,
		@Nullable String contentType, byte @Nullable [] body) {

	static ApiRequest get(String path, String query, String bearer, @Nullable String ifNoneMatch) {
		return new ApiRequest(HttpMethod.GET, path, query, bearer, ifNoneMatch, null, null);
	}

	/**
	 * A form post, as the auth routes take it: Infisical accepts a form on every auth
	 * route (its own docs use one), which spares the start-up path a JSON writer.
	 */
	static ApiRequest form(String path, Map<String, String> fields) {
		StringBuilder form = new StringBuilder();
		fields.forEach((name, value) -> appendParameter(form, name, value));
		return new ApiRequest(HttpMethod.POST, path, "", null, null, MediaType.APPLICATION_FORM_URLENCODED_VALUE,
				form.toString().getBytes(StandardCharsets.US_ASCII));
	}

	static ApiRequest json(HttpMethod method, String path, String bearer, byte[] json) {
		return new ApiRequest(method, path, "", bearer, null, MediaType.APPLICATION_JSON_VALUE, json);
	}

	String pathAndQuery() {
		return this.query.isEmpty() ? this.path : this.path + "?" + this.query;
	}

	/**
	 * Append one URL-encoded parameter to a query string or form body.
	 * @param target the query or form so far
	 * @param name the parameter name
	 * @param value the value
	 */
	static void appendParameter(StringBuilder target, String name, String value) {
		if (!target.isEmpty()) {
			target.append('&');
		}
		target.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
	}

	@Override
	public String toString() {
		return "ApiRequest[" + this.method + " " + this.path + "]";
	}

}
