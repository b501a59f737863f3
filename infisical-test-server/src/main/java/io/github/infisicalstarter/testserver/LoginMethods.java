package io.github.infisicalstarter.testserver;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The login routes of the keyless methods (Kubernetes, OIDC, JWT, LDAP) with the checks
 * and error answers of Infisical's services
 * ({@code backend/src/services/identity-*-auth/}). Kubernetes tokens are reviewed as a
 * cluster's TokenReview would: signed by the simulated cluster's key, unexpired, carrying
 * the asked audience; the user name {@code system:serviceaccount:<namespace>:<name>} is
 * then checked against the identity.
 */
final class LoginMethods {

	static final String KUBERNETES = "/api/v1/auth/kubernetes-auth/login";

	static final String OIDC = "/api/v1/auth/oidc-auth/login";

	static final String JWT = "/api/v1/auth/jwt-auth/login";

	static final String LDAP = "/api/v1/auth/ldap-auth/login";

	private final Map<String, KubernetesAuth> kubernetes = new ConcurrentHashMap<>();

	private final Map<String, JwtAuth> oidc = new ConcurrentHashMap<>();

	private final Map<String, JwtAuth> jwt = new ConcurrentHashMap<>();

	private final Map<String, LdapAuth> ldap = new ConcurrentHashMap<>();

	private final TokenStore tokens;

	private final Rs256 cluster;

	private final Rs256 issuer;

	private final java.time.Clock clock;

	LoginMethods(TokenStore tokens, Rs256 cluster, Rs256 issuer, java.time.Clock clock) {
		this.clock = clock;
		this.tokens = tokens;
		this.cluster = cluster;
		this.issuer = issuer;
	}

	KubernetesAuth kubernetes(String identityId) {
		return this.kubernetes.computeIfAbsent(identityId, (id) -> new KubernetesAuth(newIdentity(id)));
	}

	JwtAuth oidc(String identityId) {
		return this.oidc.computeIfAbsent(identityId, (id) -> new JwtAuth(newIdentity(id)));
	}

	JwtAuth jwt(String identityId) {
		return this.jwt.computeIfAbsent(identityId, (id) -> new JwtAuth(newIdentity(id)));
	}

	LdapAuth ldap(String identityId) {
		return this.ldap.computeIfAbsent(identityId, (id) -> new LdapAuth(newIdentity(id)));
	}

	void clear() {
		this.kubernetes.clear();
		this.oidc.clear();
		this.jwt.clear();
		this.ldap.clear();
	}

	@Nullable Response route(String path, ApiRequest request) {
		return switch (path) {
			case KUBERNETES -> kubernetesLogin(request);
			case OIDC -> jwtLogin(request, this.oidc, "OIDC");
			case JWT -> jwtLogin(request, this.jwt, "JWT");
			case LDAP -> ldapLogin(request);
			default -> null;
		};
	}

	private Response kubernetesLogin(ApiRequest request) {
		String[] fields = fields(request, "identityId", "jwt");
		KubernetesAuth auth = this.kubernetes.get(fields[0]);
		if (auth == null) {
			throw ApiError.notFound("NotFound",
					"Kubernetes auth method not found for identity, did you configure Kubernetes auth?");
		}
		JsonNode claims;
		try {
			claims = this.cluster.verify(fields[1]);
		}
		catch (IllegalArgumentException ex) {
			throw ApiError.of(401, "KubernetesTokenReviewError", "[invalid bearer token, " + ex.getMessage() + "]");
		}
		String audience = auth.allowedAudience();
		if (audience != null && !audiences(claims).contains(audience)) {
			throw ApiError.of(401, "KubernetesTokenReviewError", "[invalid bearer token, token audiences "
					+ audiences(claims) + " is invalid for the target audiences [" + audience + "]]");
		}
		String[] user = text(claims, "sub").split(":");
		if (user.length != 4 || !user[0].equals("system") || !user[1].equals("serviceaccount")) {
			throw ApiError.of(401, "KubernetesTokenReviewError", "Kubernetes token not authenticated");
		}
		if (!auth.allowedNamespaces().isEmpty() && !auth.allowedNamespaces().contains(user[2])) {
			throw ApiError.unauthorized("Access denied: K8s namespace not allowed.");
		}
		if (!auth.allowedNames().isEmpty() && !auth.allowedNames().contains(user[3])) {
			throw ApiError.unauthorized("Access denied: K8s name not allowed.");
		}
		return Response.json(200, this.tokens.login(auth.identity()).toJson());
	}

	private Response jwtLogin(ApiRequest request, Map<String, JwtAuth> methods, String name) {
		String[] fields = fields(request, "identityId", "jwt");
		JwtAuth auth = methods.get(fields[0]);
		if (auth == null) {
			throw ApiError.notFound("NotFound",
					name + " auth method not found for identity, did you configure " + name + " auth?");
		}
		if (Rs256.decode(fields[1]) == null) {
			throw ApiError.unauthorized("Invalid JWT");
		}
		JsonNode claims;
		try {
			claims = (auth.jwksUrl() != null) ? Jwks.verify(auth.jwksUrl(), fields[1], this.clock)
					: this.issuer.verify(fields[1]);
		}
		catch (IllegalArgumentException ex) {
			throw ApiError.unauthorized(name.equals("JWT")
					? "Access denied: JWT verification failed with all keys. Errors - " + ex.getMessage()
					: "Access denied: " + ex.getMessage());
		}
		if (auth.boundIssuer() != null && !auth.boundIssuer().equals(text(claims, "iss"))) {
			throw ApiError.of(403, "ForbiddenError", "Access denied: issuer mismatch");
		}
		if (auth.boundSubject() != null) {
			if (text(claims, "sub").isEmpty()) {
				throw ApiError.unauthorized("Access denied: token has no subject field");
			}
			if (!auth.boundSubject().equals(text(claims, "sub"))) {
				throw ApiError.of(403, "ForbiddenError", "Access denied: subject not allowed");
			}
		}
		if (!auth.boundAudiences().isEmpty()) {
			List<String> audiences = audiences(claims);
			if (audiences.isEmpty()) {
				throw ApiError.unauthorized("Access denied: token has no audience field");
			}
			if (audiences.stream().noneMatch(auth.boundAudiences()::contains)) {
				throw ApiError.unauthorized(name.equals("JWT") ? "Access denied: token audience not allowed"
						: "Access denied: OIDC audience not allowed.");
			}
		}
		for (Map.Entry<String, String> claim : auth.boundClaims().entrySet()) {
			String value = text(claims, claim.getKey());
			if (value.isEmpty()) {
				throw ApiError.unauthorized("Access denied: token has no " + claim.getKey() + " field");
			}
			if (!value.equals(claim.getValue())) {
				throw ApiError.unauthorized("Access denied: claim mismatch for field " + claim.getKey());
			}
		}
		return Response.json(200, this.tokens.login(auth.identity()).toJson());
	}

	private Response ldapLogin(ApiRequest request) {
		String[] fields = fields(request, "identityId", "username", "password");
		try {
			UUID.fromString(fields[0]);
		}
		catch (IllegalArgumentException ex) {
			Validation validation = new Validation();
			validation.custom("identityId", "Identity ID must be a valid UUID");
			validation.throwIfInvalid();
		}
		LdapAuth auth = this.ldap.get(fields[0]);
		if (auth == null) {
			throw ApiError.notFound("NotFound",
					"LDAP auth method not found for identity, did you configure LDAP auth?");
		}
		if (!auth.bind(fields[1], fields[2])) {
			throw ApiError.unauthorized("LDAP authentication failed");
		}
		return Response.json(200, this.tokens.login(auth.identity()).toJson());
	}

	static String[] fields(ApiRequest request, String... names) {
		JsonNode body = request.body();
		Validation validation = new Validation();
		String[] values = new String[names.length];
		if (validation.object(body)) {
			for (int i = 0; i < names.length; i++) {
				values[i] = validation.string(body, names[i]);
			}
		}
		validation.throwIfInvalid();
		return values;
	}

	static List<String> audiences(JsonNode claims) {
		JsonNode aud = claims.get("aud");
		List<String> audiences = new ArrayList<>();
		if (aud != null && aud.isArray()) {
			aud.forEach((value) -> audiences.add(value.asString()));
		}
		else if (aud != null && aud.isString()) {
			audiences.add(aud.asString());
		}
		return audiences;
	}

	static String text(JsonNode claims, String name) {
		JsonNode value = claims.get(name);
		return (value != null && value.isValueNode()) ? value.asString() : "";
	}

	private static Identity newIdentity(String identityId) {
		return new Identity(identityId, UUID.randomUUID().toString());
	}

}
