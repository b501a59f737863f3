package io.github.infisicalstarter.testserver;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The unauthenticated auth routes: Universal Auth login (and, through
 * {@link LoginMethods}, the keyless methods' logins), token renewal and revocation. All
 * take JSON or form bodies, and the token travels in the body, not in a header.
 */
final class AuthRoutes {

	private final Identities identities;

	private final TokenStore tokens;

	private final Switches switches;

	private final LoginMethods methods;

	private final CloudLogins cloud;

	AuthRoutes(Identities identities, TokenStore tokens, Switches switches, LoginMethods methods, CloudLogins cloud) {
		this.identities = identities;
		this.tokens = tokens;
		this.switches = switches;
		this.methods = methods;
		this.cloud = cloud;
	}

	/**
	 * Answer the login route of another method than Universal Auth.
	 * @param path the route
	 * @param request the request
	 * @return the answer, or {@code null} when the path is no such route
	 */
	@Nullable Response otherLogin(String path, ApiRequest request) {
		Response login = this.methods.route(path, request);
		return (login != null) ? login : this.cloud.route(path, request);
	}

	Response login(ApiRequest request) {
		JsonNode body = request.body();
		Validation validation = new Validation();
		String clientId = null;
		String clientSecret = null;
		if (validation.object(body)) {
			clientId = validation.string(body, "clientId");
			clientSecret = validation.string(body, "clientSecret");
		}
		boolean legacy = this.switches.legacyLogin();
		// the 2024 generation answered schema failures of the login with 401
		validation.throwIfInvalid(legacy ? 401 : 422);
		if (legacy && !this.identities.exists(clientId)) {
			throw ApiError.notFound("NotFound", "No identity with specified client ID was found");
		}
		Identity identity = this.identities.authenticate(clientId, clientSecret);
		if (identity == null) {
			throw ApiError.unauthorized("Invalid credentials");
		}
		if (!identity.useClientSecret()) {
			throw ApiError.unauthorized("Access denied due to client secret usage limit reached");
		}
		return Response.json(200, this.tokens.login(identity).toJson());
	}

	Response renew(ApiRequest request) {
		String token = accessToken(request);
		TokenGrant grant = this.switches.legacyRenew() ? this.tokens.renewLegacy(token) : this.tokens.renew(token);
		return Response.json(200, grant.toJson());
	}

	Response revoke(ApiRequest request) {
		this.tokens.revoke(accessToken(request));
		return Response.json(200, Map.of("message", "Successfully revoked access token"));
	}

	private static String accessToken(ApiRequest request) {
		JsonNode body = request.body();
		Validation validation = new Validation();
		@Nullable String token = validation.object(body) ? validation.string(body, "accessToken") : null;
		validation.throwIfInvalid();
		return token;
	}

}
