package io.github.infisicalstarter.env;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the starter knows about its own state, as one immutable read model: the single
 * source of the health contributor, the {@code infisical} actuator endpoint and the
 * gauges, so they never disagree and none of them calls Infisical. It holds names,
 * counts, instants and error messages only: never a secret value or a token.
 *
 * @param locations every location loaded (or tried) so far, in load order
 * @param token the access token's state, or {@code null} before the first login
 * @param apiGeneration the secrets API in use: {@code v4}, or {@code v3} on servers older
 * than v4; {@code null} before the first call
 * @since 0.1.0
 */
public record InfisicalStatus(List<LocationStatus> locations, @Nullable TokenStatus token,
		@Nullable String apiGeneration) {

	public InfisicalStatus {
		locations = List.copyOf(locations);
	}

	/**
	 * Whether every location was loaded at least once: the application runs with all the
	 * configuration it asked for, however stale.
	 * @return {@code false} when a location was never loaded
	 */
	public boolean allLoaded() {
		return this.locations.stream().allMatch(LocationStatus::loaded);
	}

	/**
	 * The state of one location.
	 *
	 * @param name the location's property source name, e.g.
	 * {@code infisical:657830d5/prod/db}
	 * @param loaded whether it was ever read successfully (an optional location, or one
	 * under {@code fail-fast=false}, may have started without its secrets)
	 * @param secretCount the number of secrets it holds now
	 * @param lastSuccess when it was last read successfully (unchanged answers included),
	 * or {@code null}
	 * @param lastChange when its secrets last changed (the first load counts), or
	 * {@code null}
	 * @param consecutiveFailures failed reads since the last success
	 * @param lastError the message of the last failed read, or {@code null}
	 * @param version the ETag of the last answer, or {@code null}
	 * @param rereads how re-reads after the first load (polls and refreshes) ended so far
	 */
	public record LocationStatus(String name, boolean loaded, int secretCount, @Nullable Instant lastSuccess,
			@Nullable Instant lastChange, int consecutiveFailures, @Nullable String lastError, @Nullable String version,
			Rereads rereads) {

	}

	/**
	 * How the re-reads of a location ended.
	 *
	 * @param changed re-reads that found changed secrets
	 * @param unchanged re-reads that found the same secrets (mostly 304 answers)
	 * @param failed re-reads that failed (the last good values were kept)
	 */
	public record Rereads(long changed, long unchanged, long failed) {

	}

	/**
	 * The state of the access token (never the token itself).
	 *
	 * @param method the login method ({@code infisical.auth.method}, e.g.
	 * {@code universal} or {@code kubernetes}; {@code custom} for an application-supplied
	 * login)
	 * @param expiresAt when the current token expires, or {@code null}
	 * @param logins logins so far
	 * @param renewals renewals so far
	 */
	public record TokenStatus(String method, @Nullable Instant expiresAt, long logins, long renewals) {

	}

}
