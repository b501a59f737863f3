package io.github.infisicalstarter.testserver;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * A fake AWS STS that answers {@code GetCallerIdentity} for the test credentials it
 * knows: it verifies the request's SigV4 signature as STS does (canonical request, string
 * to sign, HMAC-SHA256 key derivation; the JDK's {@link Mac}, no AWS code), the signing
 * time (at most 15 minutes off) and the session token. Failures are STS's error codes.
 */
final class FakeSts {

	private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private final Map<String, Principal> principals = new ConcurrentHashMap<>();

	private final Clock clock;

	FakeSts(Clock clock) {
		this.clock = clock;
	}

	void register(String accessKeyId, String secretAccessKey, @Nullable String sessionToken, String arn) {
		this.principals.put(accessKeyId, new Principal(secretAccessKey, sessionToken, arn));
	}

	void clear() {
		this.principals.clear();
	}

	/**
	 * Answer a GetCallerIdentity request.
	 * @param method the HTTP method
	 * @param headers the request headers
	 * @param body the body
	 * @return the caller's ARN
	 * @throws StsError with STS's code when the request is refused
	 */
	String getCallerIdentity(String method, Map<String, String> headers, String body) {
		Map<String, String> lower = new TreeMap<>();
		headers.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
		String authorization = lower.get("authorization");
		if (authorization == null || !authorization.startsWith("AWS4-HMAC-SHA256 ")) {
			throw new StsError("MissingAuthenticationToken", "Request is missing Authentication Token");
		}
		Map<String, String> parts = new TreeMap<>();
		for (String part : authorization.substring(17).split(",")) {
			String[] pair = part.trim().split("=", 2);
			if (pair.length == 2) {
				parts.put(pair[0], pair[1]);
			}
		}
		String[] scope = parts.getOrDefault("Credential", "").split("/");
		if (scope.length != 5 || parts.get("SignedHeaders") == null || parts.get("Signature") == null) {
			throw new StsError("IncompleteSignature",
					"Authorization header requires Credential, SignedHeaders and " + "Signature.");
		}
		Principal principal = this.principals.get(scope[0]);
		if (principal == null) {
			throw new StsError("InvalidClientTokenId", "The security token included in the request is invalid.");
		}
		if (principal.sessionToken() != null && !principal.sessionToken().equals(lower.get("x-amz-security-token"))) {
			throw new StsError("InvalidClientTokenId", "The security token included in the request is invalid.");
		}
		String amzDate = lower.getOrDefault("x-amz-date", "");
		Instant signedAt;
		try {
			signedAt = Instant.from(AMZ_DATE.parse(amzDate));
		}
		catch (DateTimeParseException ex) {
			throw new StsError("IncompleteSignature", "Date must be in ISO-8601 'basic format'.");
		}
		if (Duration.between(signedAt, this.clock.instant()).abs().compareTo(Duration.ofMinutes(15)) > 0) {
			throw new StsError("SignatureDoesNotMatch", "Signature expired: " + amzDate + " is now earlier than "
					+ AMZ_DATE.format(this.clock.instant().minus(Duration.ofMinutes(15))));
		}
		StringBuilder canonical = new StringBuilder(method).append("\n/\n\n");
		for (String name : parts.get("SignedHeaders").split(";")) {
			String value = lower.getOrDefault(name, "").trim().replaceAll("\\s+", " ");
			canonical.append(name).append(':').append(value).append('\n');
		}
		canonical.append('\n').append(parts.get("SignedHeaders")).append('\n').append(sha256(body));
		String credentialScope = scope[1] + "/" + scope[2] + "/" + scope[3] + "/" + scope[4];
		String toSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + credentialScope + "\n" + sha256(canonical.toString());
		byte[] key = hmac(("AWS4" + principal.secretAccessKey()).getBytes(StandardCharsets.UTF_8), scope[1]);
		key = hmac(hmac(hmac(key, scope[2]), scope[3]), scope[4]);
		String expected = HexFormat.of().formatHex(hmac(key, toSign));
		if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				parts.get("Signature").getBytes(StandardCharsets.US_ASCII))) {
			throw new StsError("SignatureDoesNotMatch",
					"The request signature we calculated does not match the " + "signature you provided.");
		}
		if (!body.contains("Action=GetCallerIdentity")) {
			throw new StsError("InvalidAction", "Could not find operation for this request.");
		}
		return principal.arn();
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] hmac(byte[] key, String data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Principal(String secretAccessKey, @Nullable String sessionToken, String arn) {

	}

	/**
	 * STS's refusal (an HTTP 403 with an error code).
	 */
	static final class StsError extends RuntimeException {

		private final String code;

		StsError(String code, String message) {
			super(message, null, false, false);
			this.code = code;
		}

		String code() {
			return this.code;
		}

	}

}
