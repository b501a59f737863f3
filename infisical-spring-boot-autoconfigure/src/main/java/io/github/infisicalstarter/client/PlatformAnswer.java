package io.github.infisicalstarter.client;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * The answer of a platform's metadata service (a cloud's instance metadata, a token
 * endpoint) to a GET the starter sent through its own transport. The body is usually a
 * credential, so {@code toString()} leaves it out.
 *
 * @param status the HTTP status
 * @param contentType the media type ({@code type/subtype}, lower case), or {@code null}
 * @param body the body (at most {@value #MAX_BODY} bytes)
 * @since 0.1.0
 */
public record PlatformAnswer(int status, @Nullable String contentType, byte[] body) {

	/** The largest body read: metadata answers are small tokens. */
	static final int MAX_BODY = 256 * 1024;

	/**
	 * Whether the status is 2xx.
	 * @return {@code true} for a successful answer
	 */
	public boolean isSuccessful() {
		return this.status >= 200 && this.status < 300;
	}

	/**
	 * Return the body as text.
	 * @return the body, decoded as UTF-8 and trimmed
	 */
	public String text() {
		return new String(this.body, StandardCharsets.UTF_8).trim();
	}

	/**
	 * Return a string field of a JSON object body.
	 * @param name the field's name
	 * @return the value, or {@code null} when the body is no JSON object or lacks the
	 * field
	 */
	public @Nullable String jsonField(String name) {
		try {
			return InfisicalJson.readStringField(new ByteArrayInputStream(this.body), name);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	@Override
	public String toString() {
		return "PlatformAnswer[status=" + this.status + ", body=****]";
	}

}
