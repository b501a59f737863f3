package io.github.infisicalstarter.testserver;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One access token string and the server-side state it belongs to. Renewal under the
 * newest semantics issues a new string for the same state, so the old string keeps its
 * own expiry while revocation and usage count are shared, as with Infisical's
 * {@code jti}.
 */
final class AccessToken {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

	private static final String HEADER = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");

	private final String value;

	private final State state;

	private volatile Instant expiresAt;

	AccessToken(State state, Instant issuedAt, Instant expiresAt) {
		this.state = state;
		this.expiresAt = expiresAt;
		this.value = sign(state, issuedAt, expiresAt);
	}

	String value() {
		return this.value;
	}

	State state() {
		return this.state;
	}

	Instant expiresAt() {
		return this.expiresAt;
	}

	void expiresAt(Instant expiresAt) {
		this.expiresAt = expiresAt;
	}

	/**
	 * Build a random string that looks like a JWT (header, claims, signature), so clients
	 * that peek at it find the usual shape, while the server only ever looks it up.
	 */
	private static String sign(State state, Instant issuedAt, Instant expiresAt) {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("authTokenType", "identity-access-token");
		claims.put("identityAccessTokenId", state.id());
		claims.put("jti", UUID.randomUUID().toString());
		claims.put("iat", issuedAt.getEpochSecond());
		claims.put("exp", expiresAt.getEpochSecond());
		byte[] signature = new byte[32];
		RANDOM.nextBytes(signature);
		return HEADER + "." + BASE64.encodeToString(Json.write(claims)) + "." + BASE64.encodeToString(signature);
	}

	private static String encode(String json) {
		return BASE64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * What a login created: the identity's settings at that moment, uses and revocation.
	 */
	static final class State {

		private final String id = UUID.randomUUID().toString();

		private final Identity identity;

		private final long ttl;

		private final long maxTtl;

		private final long period;

		private final int usesLimit;

		private final Instant createdAt;

		private int uses;

		private volatile boolean revoked;

		State(Identity identity, Instant createdAt) {
			this.identity = identity;
			this.ttl = identity.tokenTtl().toSeconds();
			this.maxTtl = identity.maxTtl().toSeconds();
			this.period = identity.period().toSeconds();
			this.usesLimit = identity.numUsesLimit();
			this.createdAt = createdAt;
		}

		String id() {
			return this.id;
		}

		Identity identity() {
			return this.identity;
		}

		long ttl() {
			return this.ttl;
		}

		long maxTtl() {
			return this.maxTtl;
		}

		long period() {
			return this.period;
		}

		boolean periodic() {
			return this.period > 0;
		}

		Instant createdAt() {
			return this.createdAt;
		}

		boolean revoked() {
			return this.revoked;
		}

		void revoke() {
			this.revoked = true;
		}

		synchronized boolean exhausted() {
			return this.usesLimit > 0 && this.uses >= this.usesLimit;
		}

		/**
		 * Count one authenticated request.
		 * @return {@code false} when the usage limit was already reached
		 */
		synchronized boolean use() {
			if (exhausted()) {
				return false;
			}
			this.uses++;
			return true;
		}

	}

}
