package io.github.infisicalstarter.auth;

import io.github.infisicalstarter.client.InfisicalLoginClient;
import io.github.infisicalstarter.client.TokenResponse;
import io.github.infisicalstarter.config.InfisicalAuthProperties;

/**
 * OIDC Auth: an OpenID Connect ID token (from a CI system, SPIFFE/SPIRE or a projected
 * token) exchanged for an access token. Infisical checks it against the provider's
 * discovery document and the identity's bound issuer, audiences, subject and claims. A
 * token file is re-read at every login.
 *
 * @since 0.1.0
 */
public final class OidcAuthentication implements InfisicalAuthentication {

	static final String LOGIN_PATH = "/api/v1/auth/oidc-auth/login";

	private static final String ACTION = "Check infisical.auth.identity-id and the identity's OIDC Auth in Infisical: the token's issuer, audience, subject and claims must match the bound ones, and the token must not be expired.";

	private final InfisicalLoginClient client;

	private final String identityId;

	private final JwtTokenSource source;

	private OidcAuthentication(InfisicalLoginClient client, String identityId, JwtTokenSource source) {
		this.client = client;
		this.identityId = identityId;
		this.source = source;
	}

	static OidcAuthentication from(InfisicalAuthProperties properties, InfisicalLoginClient client) {
		String identityId = InfisicalAuthentications.identityId(properties, "oidc");
		return new OidcAuthentication(client, identityId,
				JwtTokenSource.from(properties.oidc(), "oidc", "OIDC ID token"));
	}

	@Override
	public TokenResponse login() {
		return this.client.login(LOGIN_PATH, LoginCredentials.jwtForm(this.identityId, this.source.read()), ACTION);
	}

	@Override
	public String toString() {
		return "OidcAuthentication[identityId=" + this.identityId + ", " + this.source + "]";
	}

}
