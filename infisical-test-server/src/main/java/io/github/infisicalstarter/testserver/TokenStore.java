package io.github.infisicalstarter.testserver;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;

/**
 * Issues, checks, renews and revokes access tokens with the answers Infisical gives:
 * expiry is a 403 {@code TokenError}, revocation and exhausted uses a 401. Both
 * generations of renewal exist in the field, so both are here.
 */
final class TokenStore {

	/**
	 * Infisical's {@code MAX_MACHINE_IDENTITY_TOKEN_AGE}: no token lives longer (90
	 * days).
	 */
	static final long MAX_TOKEN_AGE = 7_776_000;

	private final Clock clock;

	private final Map<String, AccessToken> tokens = new ConcurrentHashMap<>();

	private final List<String> issued = new CopyOnWriteArrayList<>();

	TokenStore(Clock clock) {
		this.clock = clock;
	}

	TokenGrant login(Identity identity) {
		Instant now = this.clock.instant();
		AccessToken.State state = new AccessToken.State(identity, now);
		long lifetime = state.periodic() ? state.period() : state.ttl();
		AccessToken token = issue(state, now, cap(lifetime));
		return new TokenGrant(token.value(), lifetime, state.periodic() ? 0 : state.maxTtl());
	}

	/**
	 * Check the {@code Authorization} header of a request and count one use.
	 * @param authorization the header value
	 * @return the identity the token belongs to
	 */
	Identity authenticate(@Nullable String authorization) {
		if (authorization == null) {
			throw ApiError.unauthorized("Token missing");
		}
		// Infisical slices off seven characters without looking at them
		String value = (authorization.length() > 7) ? authorization.substring(7) : "";
		AccessToken token = verify(value);
		AccessToken.State state = token.state();
		if (state.revoked()) {
			throw ApiError.unauthorized("Failed to authorize: token has been revoked");
		}
		if (!state.use()) {
			throw ApiError.unauthorized("Failed to authorize: token usage limit reached");
		}
		return state.identity();
	}

	/**
	 * Renew as the newest Infisical does: a new string for the same token, living for the
	 * TTL or what is left of the max TTL, whichever is shorter.
	 * @param value the token string
	 * @return the grant
	 */
	TokenGrant renew(String value) {
		AccessToken token = verify(value);
		AccessToken.State state = token.state();
		if (state.revoked()) {
			throw ApiError.unauthorized("Cannot renew: token has been revoked");
		}
		if (state.exhausted()) {
			throw ApiError.unauthorized("Cannot renew exhausted access token");
		}
		Instant now = this.clock.instant();
		long ttl = cap(state.periodic() ? state.period() : state.ttl());
		if (!state.periodic() && state.maxTtl() > 0) {
			long budget = Duration.between(now, state.createdAt().plusSeconds(state.maxTtl())).toSeconds();
			if (budget <= 0) {
				throw ApiError.unauthorized("Cannot renew: identity access token has reached its max TTL");
			}
			ttl = Math.min(ttl, budget);
		}
		AccessToken renewed = issue(state, now, ttl);
		return new TokenGrant(renewed.value(), ttl, state.periodic() ? 0 : state.maxTtl());
	}

	/**
	 * Renew as the same-string generation did: the same string with a later expiry, and a
	 * 401 (deleting the token) at the max TTL. Its check "would the renewed TTL reach
	 * past the max TTL" added the TTL's seconds as milliseconds, so in practice a token
	 * renews until just before its max TTL.
	 * @param value the token string
	 * @return the grant
	 */
	TokenGrant renewLegacy(String value) {
		AccessToken token = this.tokens.get(value);
		if (token == null || token.state().revoked()) {
			throw ApiError.unauthorized("No identity access token found");
		}
		AccessToken.State state = token.state();
		if (state.exhausted()) {
			throw ApiError.unauthorized("Unable to renew because access token number of uses limit reached");
		}
		Instant now = this.clock.instant();
		if (!now.isBefore(token.expiresAt())) {
			throw ApiError.unauthorized("Failed to renew MI access token due to TTL expiration");
		}
		long ttl = state.periodic() ? state.period() : state.ttl();
		if (!state.periodic() && state.maxTtl() > 0) {
			Instant maxExpiry = state.createdAt().plusSeconds(state.maxTtl());
			if (now.isAfter(maxExpiry)) {
				state.revoke();
				throw ApiError.unauthorized("Failed to renew MI access token due to Max TTL expiration");
			}
			// that generation added the TTL in seconds to a time in milliseconds, so a
			// fresh token renews and only the last TTL-in-milliseconds before the max
			// TTL refuses
			if (now.plusMillis(ttl).isAfter(maxExpiry)) {
				state.revoke();
				throw ApiError.unauthorized("Failed to renew MI access token past its Max TTL expiration");
			}
		}
		token.expiresAt(now.plusSeconds(cap(ttl)));
		return new TokenGrant(value, ttl, state.maxTtl());
	}

	void revoke(String value) {
		verify(value).state().revoke();
	}

	void revokeAll() {
		this.tokens.values().forEach((token) -> token.state().revoke());
	}

	List<String> issued() {
		return List.copyOf(this.issued);
	}

	void clear() {
		this.tokens.clear();
		this.issued.clear();
	}

	/**
	 * What {@code jwt.verify} decides: an unknown string is malformed, a known one may
	 * have expired.
	 */
	private AccessToken verify(String value) {
		AccessToken token = this.tokens.get(value);
		if (token == null) {
			throw ApiError.tokenError(ApiError.TOKEN_MALFORMED);
		}
		if (!this.clock.instant().isBefore(token.expiresAt())) {
			throw ApiError.tokenError(ApiError.TOKEN_EXPIRED);
		}
		return token;
	}

	private AccessToken issue(AccessToken.State state, Instant now, long lifetime) {
		AccessToken token = new AccessToken(state, now, now.plusSeconds(lifetime));
		this.tokens.put(token.value(), token);
		this.issued.add(token.value());
		return token;
	}

	private static long cap(long lifetime) {
		return (lifetime <= 0) ? MAX_TOKEN_AGE : Math.min(lifetime, MAX_TOKEN_AGE);
	}

}
