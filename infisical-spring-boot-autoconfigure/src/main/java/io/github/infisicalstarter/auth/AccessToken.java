package io.github.infisicalstarter.auth;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An access token and the instants that govern its life.
 *
 * @param value the bearer token; never printed
 * @param issuedAt when it was obtained or last renewed
 * @param expiresAt when it stops being accepted
 * @param maxExpiresAt when it can no longer be renewed, or {@code null} when unlimited
 * @since 0.1.0
 */
public record AccessToken(String value, Instant issuedAt, Instant expiresAt, @Nullable Instant maxExpiresAt) {

	/**
	 * Return the instant at which the token should be renewed.
	 * @param share share of the lifetime after which to renew, between 0 and 1
	 * @return the renewal instant
	 */
	public Instant renewAt(double share) {
		long lifetime = Duration.between(this.issuedAt, this.expiresAt).toMillis();
		return this.issuedAt.plusMillis((long) (lifetime * share));
	}

	/**
	 * Whether the token is still usable at the given instant.
	 * @param now the instant
	 * @return {@code true} before the expiry
	 */
	public boolean isValidAt(Instant now) {
		return now.isBefore(this.expiresAt);
	}

	@Override
	public String toString() {
		return "AccessToken[****, expiresAt=" + this.expiresAt + ", maxExpiresAt=" + this.maxExpiresAt + "]";
	}

}
