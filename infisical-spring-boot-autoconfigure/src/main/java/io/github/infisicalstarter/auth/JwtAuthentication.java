package io.github.infisicalstarter.auth;

import io.github.infisicalstarter.client.InfisicalLoginClient;
import io.github.infisicalstarter.client.TokenResponse;
import io.github.infisicalstarter.config.InfisicalAuthProperties;

/**
 * JWT Auth: a JWT signed by a key Infisical knows (static public keys or a JWKS URL)
 * exchanged for an access token; Infisical checks the identity's bound issuer, audiences,
 * subject and claims. A token file is re-read at every login.
 *
 * @since 0.1.0
 */
public final class JwtAuthentication implements InfisicalAuthentication {

	static final String LOGIN_PATH = "/api/v1/auth/jwt-auth/login";

	private static final String ACTION = "Check infisical.auth.identity-id and the identity's JWT Auth in Infisical: the token must be signed by one of its keys, unexpired, and match the bound issuer, audiences, subject and claims.";

	private final InfisicalLoginClient client;

	private final String identityId;

	private final JwtTokenSource source;

	private JwtAuthentication(InfisicalLoginClient client, String identityId, JwtTokenSource source) {
		this.client = client;
		this.identityId = identityId;
		this.source = source;
	}

	static JwtAuthentication from(InfisicalAuthProperties properties, InfisicalLoginClient client) {
		String identityId = InfisicalAuthentications.identityId(properties, "jwt");
		return new JwtAuthentication(client, identityId, JwtTokenSource.from(properties.jwt(), "jwt", "JWT"));
	}

	@Override
	public TokenResponse login() {
		return this.client.login(LOGIN_PATH, LoginCredentials.jwtForm(this.identityId, this.source.read()), ACTION);
	}

	@Override
	public String toString() {
		return "JwtAuthentication[identityId=" + this.identityId + ", " + this.source + "]";
	}

}
