package io.github.infisicalstarter.testserver;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Something that goes wrong on the way to the client: an error status, a rate limit, a
 * slow answer, a dropped connection or a body that is not what the API returns. Faults
 * are added through {@link Faults} and apply before any authentication, as a proxy or
 * overloaded server would.
 *
 * @since 0.1.0
 */
public sealed interface Fault {

	/**
	 * Answer with Infisical's error envelope for the status: a fitting {@code error} name
	 * and message, e.g. 500 {@code InternalServerError} "Something went wrong", 503, 502,
	 * 401, 403, 404, 422 {@code ValidationFailure} or 429 {@code RateLimitExceeded}.
	 * @param status the HTTP status, 400 to 599
	 * @return the fault
	 */
	static Fault status(int status) {
		return new Status(status);
	}

	/**
	 * Answer 429 {@code RateLimitExceeded} with the message
	 * {@code Rate limit exceeded. Please try again in N seconds} (N = the given seconds,
	 * or 2) and {@code x-ratelimit-limit}, {@code x-ratelimit-remaining} and
	 * {@code x-ratelimit-reset} headers; {@code retry-after} is sent only when
	 * {@code retryAfterSeconds} is given.
	 * @param retryAfterSeconds the {@code retry-after} header value, or {@code null} for
	 * none
	 * @return the fault
	 */
	static Fault rateLimit(@Nullable Integer retryAfterSeconds) {
		return new RateLimit(retryAfterSeconds);
	}

	/**
	 * Wait, then answer normally.
	 * @param delay how long to wait
	 * @return the fault
	 */
	static Fault latency(Duration delay) {
		return new Latency(delay);
	}

	/**
	 * Close the connection without sending anything.
	 * @return the fault
	 */
	static Fault drop() {
		return new Drop();
	}

	/**
	 * Answer normally, but close the connection after the status line, the headers (with
	 * the full {@code Content-Length}) and the first half of the body.
	 * @return the fault
	 */
	static Fault truncate() {
		return new Truncate();
	}

	/**
	 * Answer with a raw body: malformed JSON, an HTML page from a proxy, an empty body.
	 * @param status the HTTP status
	 * @param contentType the {@code Content-Type} header
	 * @param body the body, sent as UTF-8
	 * @return the fault
	 */
	static Fault body(int status, String contentType, String body) {
		return new Body(status, contentType, body);
	}

	/**
	 * An error envelope for a status.
	 *
	 * @param status the HTTP status
	 */
	record Status(int status) implements Fault {

		public Status {
			if (status < 400 || status > 599) {
				throw new IllegalArgumentException("'status' must be an error status (400-599)");
			}
		}

	}

	/**
	 * A 429 answer.
	 *
	 * @param retryAfterSeconds the {@code retry-after} header value, or {@code null}
	 */
	record RateLimit(@Nullable Integer retryAfterSeconds) implements Fault {

		/**
		 * Return the seconds named in the message.
		 * @return the seconds to wait
		 */
		public int seconds() {
			return (this.retryAfterSeconds != null) ? this.retryAfterSeconds : 2;
		}

	}

	/**
	 * A delay before the normal answer.
	 *
	 * @param delay how long to wait
	 */
	record Latency(Duration delay) implements Fault {

		public Latency {
			Objects.requireNonNull(delay, "'delay' must not be null");
		}

	}

	/**
	 * A connection closed without an answer.
	 */
	record Drop() implements Fault {

	}

	/**
	 * A connection closed half-way through the body.
	 */
	record Truncate() implements Fault {

	}

	/**
	 * A raw answer.
	 *
	 * @param status the HTTP status
	 * @param contentType the {@code Content-Type} header
	 * @param body the body
	 */
	record Body(int status, String contentType, String body) implements Fault {

		public Body {
			Objects.requireNonNull(contentType, "'contentType' must not be null");
			Objects.requireNonNull(body, "'body' must not be null");
		}

	}

}
