package io.github.infisicalstarter.testserver;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One request as the server saw it, so a test can assert how often and how a client
 * called the API without scanning logs. Holds no body and no header values apart from
 * {@code If-None-Match}, so tokens and client secrets never end up in a journal.
 *
 * @param method the HTTP method
 * @param path the decoded path without query string, as sent (trailing slash kept)
 * @param query the decoded query parameters (first value of each name)
 * @param status the status sent; {@code -1} when the connection was dropped without an
 * answer and {@code 0} while the request is still being processed
 * @param ifNoneMatch the {@code If-None-Match} header, if any
 * @param authorized whether the request passed access-token authentication
 * @param at when the request arrived, by the server's {@link MutableClock}
 * @since 0.1.0
 */
public record RecordedRequest(String method, String path, Map<String, String> query, int status,
		@Nullable String ifNoneMatch, boolean authorized, Instant at) {

	/**
	 * Return a query parameter.
	 * @param name the parameter name
	 * @return the value or {@code null} when absent
	 */
	public @Nullable String query(String name) {
		return this.query.get(name);
	}

}
