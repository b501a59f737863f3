package io.github.infisicalstarter.client;

import java.time.Duration;

import io.github.infisicalstarter.InfisicalException;
import org.jspecify.annotations.Nullable;

/**
 * A call to the Infisical API that failed: the server could not be reached, answered an
 * error status, or answered something that is not what the API returns. Tells whether the
 * failure is worth retrying and whether the server rejected the access token.
 *
 * @since 0.1.0
 */
public class InfisicalApiException extends InfisicalException {

	/**
	 * How the call failed.
	 */
	public enum Kind {

		/**
		 * The server could not be reached (connection refused, unknown host, failed TLS
		 * handshake).
		 */
		UNREACHABLE,

		/**
		 * The server's TLS certificate was rejected: not trusted, or not issued for the
		 * host. Trying again does not help; {@code infisical.ssl.bundle} does.
		 */
		UNTRUSTED,

		/** The connection was dropped or timed out before a complete answer arrived. */
		INTERRUPTED,

		/** The server answered with an error status. */
		STATUS,

		/** The server answered 2xx with a body that is not a valid Infisical answer. */
		BAD_RESPONSE,

		/**
		 * The server answered without Infisical's JSON error envelope (an HTML page, 405,
		 * 501): {@code infisical.site-url} points at something that is not the Infisical
		 * API. Not retried.
		 */
		NOT_INFISICAL,

		/**
		 * The server has no route for the call: an Infisical too old for this API version
		 * (the list falls back to v3 then), or, for a route every Infisical has, a wrong
		 * {@code infisical.site-url}. Not retried.
		 */
		MISSING_ROUTE

	}

	private final Kind kind;

	private final String endpoint;

	private final int status;

	private final @Nullable String errorName;

	private final @Nullable Duration retryAfter;

	InfisicalApiException(Kind kind, String endpoint, int status, @Nullable String errorName,
			@Nullable Duration retryAfter, String message, String action, @Nullable Throwable cause) {
		super(message, action, cause);
		this.kind = kind;
		this.endpoint = endpoint;
		this.status = status;
		this.errorName = errorName;
		this.retryAfter = retryAfter;
	}

	/**
	 * Return how the call failed.
	 * @return the kind of failure
	 */
	public Kind getKind() {
		return this.kind;
	}

	/**
	 * Return the endpoint that failed, as {@code METHOD url} without query parameters.
	 * @return the endpoint
	 */
	public String getEndpoint() {
		return this.endpoint;
	}

	/**
	 * Return the HTTP status, or {@code 0} when no status was received.
	 * @return the HTTP status
	 */
	public int getStatus() {
		return this.status;
	}

	/**
	 * Return the {@code error} field of Infisical's error envelope, if any.
	 * @return the error name or {@code null}
	 */
	public @Nullable String getErrorName() {
		return this.errorName;
	}

	/**
	 * Return how long the server asked to wait before trying again (HTTP 429), if it
	 * said.
	 * @return the delay or {@code null}
	 */
	public @Nullable Duration getRetryAfter() {
		return this.retryAfter;
	}

	/**
	 * Return a copy of this exception whose message also says how many attempts were
	 * made, for the failure that ends a series of retries.
	 * @param attempts the number of attempts made
	 * @return the copy
	 */
	public InfisicalApiException afterAttempts(int attempts) {
		String message = String.valueOf(getMessage());
		String sentenceEnd = message.endsWith(".") ? " " : ". ";
		InfisicalApiException copy = new InfisicalApiException(this.kind, this.endpoint, this.status, this.errorName,
				this.retryAfter, message + sentenceEnd + "Gave up after " + attempts + " attempts.", getAction(),
				getCause());
		copy.setStackTrace(getStackTrace());
		return copy;
	}

	/**
	 * Return a copy of this exception with another action, for a caller that knows better
	 * what fixes the failure (the login method, for example).
	 * @param action the action
	 * @return the copy
	 */
	public InfisicalApiException withAction(String action) {
		InfisicalApiException copy = new InfisicalApiException(this.kind, this.endpoint, this.status, this.errorName,
				this.retryAfter, String.valueOf(getMessage()), action, getCause());
		copy.setStackTrace(getStackTrace());
		return copy;
	}

	/**
	 * Whether the same call may succeed later: connection problems, timeouts, 429 and
	 * 5xx.
	 * @return {@code true} for transient failures
	 */
	public boolean isTransient() {
		return this.kind == Kind.UNREACHABLE || this.kind == Kind.INTERRUPTED
				|| (this.kind == Kind.STATUS && (this.status == 429 || this.status >= 500));
	}

	/**
	 * Whether the server rejected the access token: 401 (revoked, uses exhausted) or 403
	 * {@code TokenError} (expired or malformed). Such a call succeeds after a new login.
	 * @return {@code true} when a fresh token should be obtained
	 */
	public boolean isTokenRejected() {
		return this.kind == Kind.STATUS
				&& (this.status == 401 || (this.status == 403 && "TokenError".equals(this.errorName)));
	}

}
