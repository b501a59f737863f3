package io.github.infisicalstarter.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * Checks the {@code x-infisical-signature: t=<ms>;<hex>} header of an Infisical project
 * webhook: {@code hex} is the lowercase HMAC-SHA256 of the raw request body under the
 * webhook's secret key. The MAC is compared in constant time so that timing reveals
 * nothing about the expected value, and a timestamp outside the tolerance is refused so
 * that a captured delivery cannot be replayed later.
 *
 * @since 0.1.0
 */
public final class WebhookSignature {

	/** The header Infisical signs its deliveries with. */
	public static final String HEADER = "x-infisical-signature";

	private static final String ALGORITHM = "HmacSHA256";

	private final SecretKeySpec key;

	private final Duration tolerance;

	/**
	 * Create a verifier.
	 * @param secret the webhook's secret key
	 * @param tolerance how far the signed timestamp may be from now
	 */
	public WebhookSignature(String secret, Duration tolerance) {
		this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
		this.tolerance = tolerance;
	}

	/**
	 * Verify a delivery.
	 * @param body the raw request body
	 * @param header the value of the signature header, if any
	 * @param now the current time
	 * @return the verdict
	 */
	public Verdict verify(byte[] body, @Nullable String header, Instant now) {
		if (header == null || header.isBlank()) {
			return Verdict.MISSING;
		}
		int semicolon = header.indexOf(';');
		if (!header.startsWith("t=") || semicolon < 0) {
			return Verdict.MALFORMED;
		}
		long timestamp;
		byte[] given;
		try {
			timestamp = Long.parseLong(header.substring(2, semicolon).trim());
			given = HexFormat.of().parseHex(header.substring(semicolon + 1).trim());
		}
		catch (IllegalArgumentException ex) {
			return Verdict.MALFORMED;
		}
		if (!MessageDigest.isEqual(mac(body), given)) {
			return Verdict.MISMATCH;
		}
		long skew = Math.abs(now.toEpochMilli() - timestamp);
		return (skew > this.tolerance.toMillis()) ? Verdict.STALE : Verdict.VALID;
	}

	/**
	 * The signature header Infisical would send for a body at a time.
	 * @param body the body
	 * @param timestamp the time
	 * @return the header value
	 */
	public String sign(byte[] body, Instant timestamp) {
		return "t=" + timestamp.toEpochMilli() + ";" + HexFormat.of().formatHex(mac(body));
	}

	private byte[] mac(byte[] body) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			return mac.doFinal(body);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

	@Override
	public String toString() {
		return "WebhookSignature[tolerance=" + this.tolerance + "]";
	}

	/**
	 * The outcome of a verification; everything but {@link #VALID} is a rejection.
	 */
	public enum Verdict {

		/** The signature matches and the timestamp is within the tolerance. */
		VALID("valid"),

		/** The request has no signature header. */
		MISSING("the x-infisical-signature header is missing"),

		/** The header is not {@code t=<ms>;<hex>}. */
		MALFORMED("the x-infisical-signature header is malformed"),

		/** The signature does not match the body under the configured key. */
		MISMATCH("the signature does not match (check infisical.webhook.secret)"),

		/** The signed timestamp is outside the tolerance. */
		STALE("the signed timestamp is outside infisical.webhook.tolerance");

		private final String reason;

		Verdict(String reason) {
			this.reason = reason;
		}

		/**
		 * Why a delivery was refused, as one sentence part for a log line.
		 * @return the reason
		 */
		public String reason() {
			return this.reason;
		}

	}

}
