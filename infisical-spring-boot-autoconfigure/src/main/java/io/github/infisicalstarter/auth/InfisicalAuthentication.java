package io.github.infisicalstarter.auth;

import io.github.infisicalstarter.client.TokenResponse;

/**
 * Obtains a fresh access token from Infisical. The seam between how a machine identity
 * proves itself (Universal Auth, Kubernetes Auth, ...) and the {@link AccessTokenManager}
 * that caches, renews and replaces the tokens it gets.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface InfisicalAuthentication {

	/**
	 * Log in and return a new access token.
	 * @return the token answer
	 */
	TokenResponse login();

	/**
	 * Whether the application owns the tokens this authentication obtains and revokes the
	 * last one at shutdown. {@code false} for tokens the user manages (Token Auth).
	 * @return {@code true} to revoke at shutdown (when {@code infisical.token} allows it)
	 */
	default boolean revokeOnShutdown() {
		return true;
	}

}
