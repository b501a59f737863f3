package io.github.infisicalstarter.testserver;

import java.util.List;

/**
 * The Azure Auth of a machine identity: the tenant whose tokens it accepts, the resource
 * (audience) they must be issued for and, when set, the service principals (object ids)
 * allowed to log in. Tokens are verified against the fake IMDS's signing key
 * ({@link AzureMetadata}). Token settings are those of {@link #identity()}.
 *
 * @since 0.1.0
 */
public final class AzureAuth {

	private final Identity identity;

	private volatile String tenantId = AzureMetadata.DEFAULT_TENANT_ID;

	private volatile String resource = "https://management.azure.com/";

	private volatile List<String> allowedServicePrincipalIds = List.of();

	AzureAuth(Identity identity) {
		this.identity = identity;
	}

	/**
	 * Return the identity, to configure its tokens.
	 * @return the identity
	 */
	public Identity identity() {
		return this.identity;
	}

	/**
	 * Accept tokens of this tenant only.
	 * @param tenantId the tenant id
	 * @return this
	 */
	public AzureAuth tenantId(String tenantId) {
		this.tenantId = tenantId;
		return this;
	}

	/**
	 * Require tokens issued for this resource (their audience).
	 * @param resource the resource
	 * @return this
	 */
	public AzureAuth resource(String resource) {
		this.resource = resource;
		return this;
	}

	/**
	 * Allow only these service principals (the token's {@code oid}).
	 * @param objectIds the object ids
	 * @return this
	 */
	public AzureAuth allowedServicePrincipalIds(String... objectIds) {
		this.allowedServicePrincipalIds = List.of(objectIds);
		return this;
	}

	String tenantId() {
		return this.tenantId;
	}

	String resource() {
		return this.resource;
	}

	List<String> allowedServicePrincipalIds() {
		return this.allowedServicePrincipalIds;
	}

}
