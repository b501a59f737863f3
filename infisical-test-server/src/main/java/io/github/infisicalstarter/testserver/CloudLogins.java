package io.github.infisicalstarter.testserver;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import static io.github.infisicalstarter.testserver.LoginMethods.audiences;
import static io.github.infisicalstarter.testserver.LoginMethods.fields;
import static io.github.infisicalstarter.testserver.LoginMethods.text;

/**
 * The login routes of the cloud methods (Azure, GCP, and AWS through {@link AwsLogin})
 * with the checks, order and error answers of Infisical's services
 * ({@code identity-azure-auth-service.ts}, {@code identity-gcp-auth-service.ts} and their
 * {@code -fns.ts}): jsonwebtoken failures are 403 {@code TokenError}, Google's verifier
 * fails with a plain error (500), the service's own checks answer 401.
 */
final class CloudLogins {

	static final String AZURE = "/api/v1/auth/azure-auth/login";

	static final String GCP = "/api/v1/auth/gcp-auth/login";

	private static final Pattern SERVICE_ACCOUNT = Pattern
		.compile("^[a-z0-9-]+@[a-z0-9-]+\\.iam\\.gserviceaccount\\.com$");

	private final Map<String, AzureAuth> azure = new ConcurrentHashMap<>();

	private final Map<String, GcpAuth> gcp = new ConcurrentHashMap<>();

	private final Map<String, Rs256> serviceAccountKeys = new ConcurrentHashMap<>();

	private final TokenStore tokens;

	private final Rs256 azureKey;

	private final Rs256 googleKey;

	private final AwsLogin aws;

	CloudLogins(TokenStore tokens, Rs256 azureKey, Rs256 googleKey, FakeSts sts) {
		this.tokens = tokens;
		this.aws = new AwsLogin(tokens, sts);
		this.azureKey = azureKey;
		this.googleKey = googleKey;
	}

	AzureAuth azure(String identityId) {
		return this.azure.computeIfAbsent(identityId,
				(id) -> new AzureAuth(new Identity(id, UUID.randomUUID().toString())));
	}

	GcpAuth gcp(String identityId) {
		return this.gcp.computeIfAbsent(identityId,
				(id) -> new GcpAuth(new Identity(id, UUID.randomUUID().toString())));
	}

	/**
	 * Publish a service account's key, as Google's x509 metadata endpoint does, for IAM
	 * logins.
	 */
	void serviceAccountKey(String email, Rs256 key) {
		this.serviceAccountKeys.put(email, key);
	}

	AwsAuth aws(String identityId) {
		return this.aws.aws(identityId);
	}

	void clear() {
		this.aws.clear();
		this.azure.clear();
		this.gcp.clear();
		this.serviceAccountKeys.clear();
	}

	@Nullable Response route(String path, ApiRequest request) {
		return switch (path) {
			case AZURE -> azureLogin(request);
			case GCP -> gcpLogin(request);
			case AwsLogin.PATH -> this.aws.login(request);
			default -> null;
		};
	}

	private Response azureLogin(ApiRequest request) {
		String[] fields = fields(request, "identityId", "jwt");
		AzureAuth auth = this.azure.get(fields[0]);
		if (auth == null) {
			throw ApiError.notFound("NotFound",
					"Azure auth method not found for identity, did you configure Azure Auth?");
		}
		JsonNode claims = verify(this.azureKey, fields[1]);
		String resource = auth.resource();
		String audience = text(claims, "aud");
		if (!audience.endsWith("/") && resource.endsWith("/")) {
			resource = resource.substring(0, resource.length() - 1);
		}
		if (!audience.equals(resource)) {
			throw ApiError.tokenError("jwt audience invalid. expected: " + resource);
		}
		String issuer = "https://sts.windows.net/" + auth.tenantId() + "/";
		if (!issuer.equals(text(claims, "iss"))) {
			throw ApiError.tokenError("jwt issuer invalid. expected: " + issuer);
		}
		if (!auth.tenantId().equals(text(claims, "tid"))) {
			throw ApiError.unauthorized("Tenant ID mismatch");
		}
		String oid = text(claims, "oid");
		if (!auth.allowedServicePrincipalIds().isEmpty() && !auth.allowedServicePrincipalIds().contains(oid)) {
			throw ApiError.unauthorized("Service principal '" + oid + "' not allowed");
		}
		return Response.json(200, this.tokens.login(auth.identity()).toJson());
	}

	private Response gcpLogin(ApiRequest request) {
		String[] fields = fields(request, "identityId", "jwt");
		GcpAuth auth = this.gcp.get(fields[0]);
		if (auth == null) {
			throw ApiError.notFound("NotFound", "GCP auth method not found for identity, did you configure GCP auth?");
		}
		String email;
		JsonNode engine = null;
		switch (auth.type()) {
			case "gce" -> {
				JsonNode claims = verifyIdToken(fields[1], fields[0]);
				email = text(claims, "email");
				if (email.isEmpty()) {
					throw ApiError.unauthorized("Unauthorized");
				}
				JsonNode google = claims.get("google");
				engine = (google != null) ? google.get("compute_engine") : null;
			}
			case "iam" -> email = verifyIamToken(fields[1], fields[0]);
			default -> throw ApiError.badRequest("Invalid GCP Auth type");
		}
		if (!auth.allowedServiceAccounts().isEmpty() && !auth.allowedServiceAccounts().contains(email)) {
			throw ApiError.unauthorized("Access denied: GCP service account not allowed.");
		}
		if (engine != null && !auth.allowedProjects().isEmpty()
				&& !auth.allowedProjects().contains(text(engine, "project_id"))) {
			throw ApiError.unauthorized("Access denied: GCP project not allowed.");
		}
		if (engine != null && !auth.allowedZones().isEmpty() && !auth.allowedZones().contains(text(engine, "zone"))) {
			throw ApiError.unauthorized("Access denied: GCP zone not allowed.");
		}
		return Response.json(200, this.tokens.login(auth.identity()).toJson());
	}

	/**
	 * Google's verifier (google-auth-library's {@code verifySignedJwtWithCertsAsync})
	 * throws plain errors, which Infisical answers with 500.
	 */
	private JsonNode verifyIdToken(String jwt, String identityId) {
		JsonNode claims;
		try {
			claims = this.googleKey.verify(jwt);
		}
		catch (IllegalArgumentException ex) {
			throw ApiError.internal();
		}
		String issuer = text(claims, "iss");
		if (!issuer.equals("https://accounts.google.com") || !audiences(claims).contains(identityId)) {
			throw ApiError.internal();
		}
		return claims;
	}

	private String verifyIamToken(String jwt, String identityId) {
		JsonNode decoded = Rs256.decode(jwt);
		if (decoded == null) {
			throw ApiError.internal();
		}
		String sub = text(decoded, "sub");
		if (sub.isEmpty() || !SERVICE_ACCOUNT.matcher(sub).matches()) {
			throw ApiError.unauthorized("Invalid service account identifier");
		}
		Rs256 key = this.serviceAccountKeys.get(sub);
		if (key == null) {
			// Google's x509 metadata endpoint answers 404 for an unknown account: axios
			// throws
			throw ApiError.internal();
		}
		verify(key, jwt);
		if (!identityId.equals(text(decoded, "aud"))) {
			throw ApiError.unauthorized("Invalid audience in GCP IAM Token");
		}
		return sub;
	}

	/**
	 * Verify as {@code jsonwebtoken} does, with Infisical's error handler's messages.
	 */
	private static JsonNode verify(Rs256 key, String jwt) {
		if (Rs256.decode(jwt) == null) {
			// the services read the decoded header of a null: a TypeError
			throw ApiError.internal();
		}
		try {
			return key.verify(jwt);
		}
		catch (IllegalArgumentException ex) {
			throw ApiError.tokenError(ex.getMessage().equals("jwt expired")
					? "Your token has expired. Please re-authenticate." : ex.getMessage());
		}
	}

}
