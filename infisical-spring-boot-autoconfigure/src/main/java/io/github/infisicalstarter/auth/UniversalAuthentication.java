package io.github.infisicalstarter.auth;

import io.github.infisicalstarter.client.InfisicalLoginClient;
import io.github.infisicalstarter.client.TokenResponse;

/**
 * Universal Auth: a machine identity's client id and client secret exchanged for an
 * access token. The client secret is held here only and never printed.
 *
 * @since 0.1.0
 */
public final class UniversalAuthentication implements InfisicalAuthentication {

	private final InfisicalLoginClient client;

	private final String clientId;

	private final String clientSecret;

	/**
	 * Create a new instance.
	 * @param client the client to log in through
	 * @param clientId the client id
	 * @param clientSecret the client secret
	 */
	public UniversalAuthentication(InfisicalLoginClient client, String clientId, String clientSecret) {
		this.client = client;
		this.clientId = clientId;
		this.clientSecret = clientSecret;
	}

	@Override
	public TokenResponse login() {
		return this.client.universalAuth(this.clientId, this.clientSecret);
	}

	@Override
	public String toString() {
		return "UniversalAuthentication[clientId=" + this.clientId + ", clientSecret=****]";
	}

}
