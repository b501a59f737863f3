package io.github.infisicalstarter.testserver;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;

/**
 * A fake Azure instance metadata service (IMDS) token endpoint,
 * {@code GET /metadata/identity/oauth2/token}: it requires the {@code Metadata: true}
 * header, {@code api-version} and {@code resource}, and answers with a managed-identity
 * token (a JWT carrying {@code tid}, {@code oid} and {@code appid}) signed by the key
 * that the server's Azure Auth trusts. Errors have IMDS's shape ({@code {"error",
 * "error_description"}}).
 *
 * @since 0.1.0
 */
public final class AzureMetadata {

	/** The tenant of the fake managed identities unless set otherwise. */
	public static final String DEFAULT_TENANT_ID = "72f988bf-86f1-41af-91ab-2d7cd011db47";

	static final String TOKEN_PATH = "/metadata/identity/oauth2/token";

	private final Rs256 signer;

	private final Clock clock;

	private final List<String> issued = new CopyOnWriteArrayList<>();

	private volatile String tenantId = DEFAULT_TENANT_ID;

	private volatile @Nullable String systemAssignedObjectId = "7d5b2b0c-1f3a-4e8e-9d2a-3c4b5a6d7e8f";

	private volatile String systemAssignedAppId = "1a2b3c4d-0000-4000-8000-000000000001";

	private final Map<String, String> userAssigned = new java.util.concurrent.ConcurrentHashMap<>();

	private volatile Duration tokenTtl = Duration.ofHours(24);

	AzureMetadata(Rs256 signer, Clock clock) {
		this.signer = signer;
		this.clock = clock;
	}

	/**
	 * Set the tenant the tokens are issued in.
	 * @param tenantId the tenant id
	 * @return this
	 */
	public AzureMetadata tenantId(String tenantId) {
		this.tenantId = tenantId;
		return this;
	}

	/**
	 * Set the system-assigned identity's object id (its service principal), or remove it
	 * with {@code null}.
	 * @param objectId the object id, or {@code null} for a machine without one
	 * @return this
	 */
	public AzureMetadata systemAssigned(@Nullable String objectId) {
		this.systemAssignedObjectId = objectId;
		return this;
	}

	/**
	 * Add a user-assigned identity, asked for by its client id.
	 * @param clientId the identity's client id
	 * @param objectId its object id (service principal)
	 * @return this
	 */
	public AzureMetadata userAssigned(String clientId, String objectId) {
		this.userAssigned.put(clientId, objectId);
		return this;
	}

	/**
	 * Set how long the tokens are valid.
	 * @param ttl the lifetime
	 * @return this
	 */
	public AzureMetadata tokenTtl(Duration ttl) {
		this.tokenTtl = ttl;
		return this;
	}

	/**
	 * Return every token the endpoint issued since the last reset, for leak scans.
	 * @return the tokens
	 */
	public List<String> issuedTokens() {
		return List.copyOf(this.issued);
	}

	void reset() {
		this.issued.clear();
		this.userAssigned.clear();
		this.tenantId = DEFAULT_TENANT_ID;
		this.systemAssignedObjectId = "7d5b2b0c-1f3a-4e8e-9d2a-3c4b5a6d7e8f";
		this.tokenTtl = Duration.ofHours(24);
	}

	Response token(ApiRequest request) {
		if (!"true".equals(request.header("Metadata"))) {
			return error(400, "invalid_request", "Required metadata header not specified");
		}
		Map<String, String> query = request.queryForJournal();
		if (query.get("api-version") == null) {
			return error(400, "invalid_request", "Required query variable 'api-version' is missing");
		}
		String resource = query.get("resource");
		if (resource == null || resource.isEmpty()) {
			return error(400, "invalid_request", "Required query variable 'resource' is missing");
		}
		String clientId = query.get("client_id");
		String objectId = (clientId != null) ? this.userAssigned.get(clientId) : this.systemAssignedObjectId;
		String appId = (clientId != null) ? clientId : this.systemAssignedAppId;
		if (objectId == null) {
			return error(400, "invalid_request", "Identity not found");
		}
		long now = this.clock.instant().getEpochSecond();
		long expiresIn = this.tokenTtl.toSeconds();
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("aud", resource);
		claims.put("iss", "https://sts.windows.net/" + this.tenantId + "/");
		claims.put("iat", now);
		claims.put("nbf", now);
		claims.put("exp", now + expiresIn);
		claims.put("appid", appId);
		claims.put("idtyp", "app");
		claims.put("oid", objectId);
		claims.put("sub", objectId);
		claims.put("tid", this.tenantId);
		String token = this.signer.sign(claims);
		this.issued.add(token);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("access_token", token);
		body.put("client_id", appId);
		body.put("expires_in", String.valueOf(expiresIn));
		body.put("expires_on", String.valueOf(now + expiresIn));
		body.put("ext_expires_in", String.valueOf(expiresIn));
		body.put("not_before", String.valueOf(now));
		body.put("resource", resource);
		body.put("token_type", "Bearer");
		return Response.json(200, body);
	}

	private static Response error(int status, String error, String description) {
		return Response.json(status, Map.of("error", error, "error_description", description));
	}

}
