package io.github.infisicalstarter.auth;

import io.github.infisicalstarter.client.InfisicalApiException;
import io.github.infisicalstarter.client.InfisicalLoginClient;
import io.github.infisicalstarter.client.TokenResponse;
import io.github.infisicalstarter.config.InfisicalAuthProperties;

/**
 * Token Auth: an identity access token created in Infisical and given to the application.
 * There is no login; "logging in" renews the given token, which both checks it and tells
 * its lifetime. Once Infisical refuses it, start-up or the call fails with advice instead
 * of trying again, and the token is never revoked at shutdown because the user, not the
 * application, manages it.
 *
 * @since 0.1.0
 */
public final class TokenAuthentication implements InfisicalAuthentication {

	static final String PROPERTY = InfisicalAuthProperties.PREFIX + ".access-token";

	private static final String ACTION = "Infisical no longer accepts the token in " + PROPERTY
			+ " (expired, revoked, past its max TTL or out of uses): create a new token for the identity (Token Auth) "
			+ "and set " + PROPERTY + " to it, or use a login method that can log in again by itself.";

	private final InfisicalLoginClient client;

	private final String accessToken;

	/**
	 * Create a new instance.
	 * @param client the client to renew through
	 * @param accessToken the identity access token
	 */
	public TokenAuthentication(InfisicalLoginClient client, String accessToken) {
		this.client = client;
		this.accessToken = accessToken;
	}

	static TokenAuthentication from(InfisicalAuthProperties properties, InfisicalLoginClient client) {
		String token = properties.accessToken();
		LoginCredentials.require(token, PROPERTY, "token",
				"an identity access token created in Infisical (Token Auth), for example from an environment variable");
		return new TokenAuthentication(client, token.trim());
	}

	@Override
	public TokenResponse login() {
		try {
			return this.client.renew(this.accessToken);
		}
		catch (InfisicalApiException ex) {
			if (ex.getKind() == InfisicalApiException.Kind.STATUS && !ex.isTransient()) {
				throw ex.withAction(ACTION);
			}
			throw ex;
		}
	}

	@Override
	public boolean revokeOnShutdown() {
		return false;
	}

	@Override
	public String toString() {
		return "TokenAuthentication[accessToken=****]";
	}

}
