package io.github.infisicalstarter.client;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.infisicalstarter.client.InfisicalApiException.Kind;

/**
 * The unauthenticated auth routes of the Infisical API: the login of a machine identity
 * and the renewal and revocation of its access tokens. Failures of a login carry advice
 * about the login's credentials, not about projects and paths.
 *
 * @since 0.1.0
 */
public final class InfisicalLoginClient {

	static final String UNIVERSAL_AUTH_LOGIN_PATH = "/api/v1/auth/universal-auth/login";

	static final String RENEW_PATH = "/api/v1/auth/token/renew";

	static final String REVOKE_PATH = "/api/v1/auth/token/revoke";

	private static final String UNIVERSAL_AUTH_ACTION = "Check infisical.client-id and infisical.client-secret: they "
			+ "must be the Universal Auth credentials of a machine identity (an expired client secret, one out of "
			+ "uses, a locked-out identity or an IP outside the trusted IPs are refused the same way).";

	private final InfisicalHttpTransport transport;

	/**
	 * Create a login client.
	 * @param transport the transport to send requests through
	 */
	public InfisicalLoginClient(InfisicalHttpTransport transport) {
		this.transport = transport;
	}

	/**
	 * Log in with Universal Auth.
	 * @param clientId the machine identity's client id
	 * @param clientSecret the machine identity's client secret
	 * @return the new access token
	 */
	public TokenResponse universalAuth(String clientId, String clientSecret) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("clientId", clientId);
		form.put("clientSecret", clientSecret);
		return login(UNIVERSAL_AUTH_LOGIN_PATH, form, UNIVERSAL_AUTH_ACTION);
	}

	/**
	 * Log in through any login route of the Infisical API.
	 * @param path the route, e.g. {@code /api/v1/auth/kubernetes-auth/login}
	 * @param form the login's fields; never printed
	 * @param credentialsAction what to check when the server refuses the credentials
	 * @return the new access token
	 */
	public TokenResponse login(String path, Map<String, String> form, String credentialsAction) {
		try {
			return this.transport.exchange(ApiRequest.form(path, form),
					(status, headers, body) -> InfisicalJson.readToken(body));
		}
		catch (InfisicalApiException ex) {
			// 404 NotFound: older servers' answer to an unknown client id
			boolean refused = ex.getKind() == Kind.STATUS && (ex.getStatus() == 401 || ex.getStatus() == 403
					|| ex.getStatus() == 404 || ex.getStatus() == 400 || ex.getStatus() == 422);
			throw refused ? ex.withAction(credentialsAction) : ex;
		}
	}

	/**
	 * Ask a platform's metadata service for the credential of a login (a cloud's instance
	 * identity token), through the same transport as the calls to Infisical.
	 * @param url the metadata endpoint, with its query
	 * @param headers the headers the service requires (e.g. {@code Metadata-Flavor})
	 * @return the answer, whatever its status
	 * @throws IOException when the service could not be reached or did not answer
	 */
	public PlatformAnswer platformGet(URI url, Map<String, String> headers) throws IOException {
		return this.transport.getExternal(url, headers);
	}

	/**
	 * Renew an access token before it expires. Depending on the server generation the
	 * answer carries a new token string or the same one.
	 * @param accessToken the token to renew
	 * @return the renewed token
	 */
	public TokenResponse renew(String accessToken) {
		return this.transport.exchange(ApiRequest.form(RENEW_PATH, Map.of("accessToken", accessToken)),
				(status, headers, body) -> InfisicalJson.readToken(body));
	}

	/**
	 * Revoke an access token.
	 * @param accessToken the token to revoke
	 */
	public void revoke(String accessToken) {
		this.transport.exchange(ApiRequest.form(REVOKE_PATH, Map.of("accessToken", accessToken)),
				(status, headers, body) -> Boolean.TRUE);
	}

	@Override
	public String toString() {
		return "InfisicalLoginClient[" + this.transport.getSiteUrl() + "]";
	}

}
