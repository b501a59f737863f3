package io.github.infisicalstarter.auth;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.github.infisicalstarter.InfisicalException;
import io.github.infisicalstarter.client.InfisicalLoginClient;
import io.github.infisicalstarter.client.PlatformAnswer;
import io.github.infisicalstarter.client.TokenResponse;
import io.github.infisicalstarter.config.InfisicalAuthProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * Azure Auth: a token of the managed identity of the VM, App Service or AKS workload,
 * asked from the instance metadata service (IMDS) at every login, exchanged for an access
 * token. Infisical checks the token's tenant, audience (the resource) and service
 * principal. One GET through the starter's transport, no Azure library.
 *
 * @since 0.1.0
 */
public final class AzureAuthentication implements InfisicalAuthentication {

	static final String LOGIN_PATH = "/api/v1/auth/azure-auth/login";

	static final String TOKEN_PATH = "/metadata/identity/oauth2/token";

	private static final String PREFIX = InfisicalAuthProperties.PREFIX + ".azure.";

	private static final PlatformMetadata IMDS = new PlatformMetadata("Azure instance metadata service",
			"no managed identity? (or not running on an Azure VM, App Service or AKS node)", PREFIX + "metadata-url");

	private static final String ACTION = "Check infisical.auth.identity-id and the identity's Azure Auth in "
			+ "Infisical: its tenant ID, its resource (" + PREFIX + "resource must be the same) and the allowed "
			+ "service principal IDs must match the managed identity.";

	private static final String IMDS_ACTION = "Assign a managed identity to the VM or workload; for a user-assigned "
			+ "identity set " + PREFIX + "client-id to its client ID, and check " + PREFIX + "resource.";

	private final InfisicalLoginClient client;

	private final String identityId;

	private final URI tokenUrl;

	/**
	 * Create a new instance.
	 * @param client the client to log in through
	 * @param identityId the machine identity's id
	 * @param metadataUrl the base URL of the instance metadata service
	 * @param resource the resource (audience) of the token
	 * @param clientId the client id of a user-assigned managed identity, or {@code null}
	 */
	public AzureAuthentication(InfisicalLoginClient client, String identityId, String metadataUrl, String resource,
			@Nullable String clientId) {
		this.client = client;
		this.identityId = identityId;
		StringBuilder url = new StringBuilder(stripSlash(metadataUrl)).append(TOKEN_PATH)
			.append("?api-version=2018-02-01&resource=")
			.append(URLEncoder.encode(resource, StandardCharsets.UTF_8));
		if (StringUtils.hasText(clientId)) {
			url.append("&client_id=").append(URLEncoder.encode(clientId.trim(), StandardCharsets.UTF_8));
		}
		this.tokenUrl = PlatformUrls.parse(url.toString(), PREFIX + "metadata-url");
	}

	static AzureAuthentication from(InfisicalAuthProperties properties, InfisicalLoginClient client) {
		String identityId = InfisicalAuthentications.identityId(properties, "azure");
		InfisicalAuthProperties.Azure azure = properties.azure();
		String resource = LoginCredentials.require(azure.resource(), PREFIX + "resource", "azure",
				"the resource configured in the identity's Azure Auth (by default https://management.azure.com/)");
		String url = LoginCredentials.require(azure.metadataUrl(), PREFIX + "metadata-url", "azure",
				"the base URL of the instance metadata service");
		return new AzureAuthentication(client, identityId, url, resource, azure.clientId());
	}

	@Override
	public TokenResponse login() {
		PlatformAnswer answer = IMDS.get(this.client, this.tokenUrl, Map.of("Metadata", "true"), IMDS_ACTION);
		String token = answer.jsonField("access_token");
		if (!StringUtils.hasText(token)) {
			throw new InfisicalException("The Azure instance metadata service's answer carries no access_token.",
					"Check " + PREFIX + "metadata-url: it must be the base URL of Azure's instance metadata service.",
					null);
		}
		return this.client.login(LOGIN_PATH, LoginCredentials.jwtForm(this.identityId, token), ACTION);
	}

	@Override
	public String toString() {
		return "AzureAuthentication[identityId=" + this.identityId + ", tokenUrl=" + this.tokenUrl + "]";
	}

	static String stripSlash(String url) {
		String trimmed = url.trim();
		return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
	}

}
