package io.github.infisicalstarter.auth;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.github.infisicalstarter.InfisicalException;
import io.github.infisicalstarter.client.InfisicalLoginClient;
import io.github.infisicalstarter.client.TokenResponse;
import io.github.infisicalstarter.config.InfisicalAuthProperties;

/**
 * GCP Auth with an ID token: the instance's service account proves itself with a
 * Google-signed ID token whose audience is the identity's id, asked from the GCE/GKE
 * metadata server at every login (the tokens live an hour). Infisical checks the
 * signature, the audience and the service account (and project and zone). One GET through
 * the starter's transport, no Google library.
 *
 * @since 0.1.0
 */
public final class GcpIdTokenAuthentication implements InfisicalAuthentication {

	static final String LOGIN_PATH = "/api/v1/auth/gcp-auth/login";

	static final String IDENTITY_PATH = "/computeMetadata/v1/instance/service-accounts/default/identity";

	private static final String PREFIX = InfisicalAuthProperties.PREFIX + ".gcp.";

	private static final PlatformMetadata METADATA = new PlatformMetadata("GCP metadata server",
			"not running on GCE/GKE?", PREFIX + "metadata-url");

	static final String ACTION = "Check infisical.auth.identity-id and the identity's GCP Auth in Infisical: its "
			+ "type (GCE ID token or IAM) must match infisical.auth.method, and the allowed service accounts, projects "
			+ "and zones must include this workload's.";

	private static final String METADATA_ACTION = "Run the application with a service account attached (on GKE, "
			+ "Workload Identity), or check " + PREFIX + "metadata-url.";

	private final InfisicalLoginClient client;

	private final String identityId;

	private final URI identityUrl;

	/**
	 * Create a new instance.
	 * @param client the client to log in through
	 * @param identityId the machine identity's id, the ID token's audience
	 * @param metadataUrl the base URL of the metadata server
	 */
	public GcpIdTokenAuthentication(InfisicalLoginClient client, String identityId, String metadataUrl) {
		this.client = client;
		this.identityId = identityId;
		this.identityUrl = PlatformUrls.parse(
				AzureAuthentication.stripSlash(metadataUrl) + IDENTITY_PATH + "?audience="
						+ URLEncoder.encode(identityId, StandardCharsets.UTF_8) + "&format=full",
				PREFIX + "metadata-url");
	}

	static GcpIdTokenAuthentication from(InfisicalAuthProperties properties, InfisicalLoginClient client) {
		String identityId = InfisicalAuthentications.identityId(properties, "gcp-id-token");
		String url = LoginCredentials.require(properties.gcp().metadataUrl(), PREFIX + "metadata-url", "gcp-id-token",
				"the base URL of the GCP metadata server");
		return new GcpIdTokenAuthentication(client, identityId, url);
	}

	@Override
	public TokenResponse login() {
		String jwt = METADATA.get(this.client, this.identityUrl, Map.of("Metadata-Flavor", "Google"), METADATA_ACTION)
			.text();
		if (jwt.split("\\.", -1).length != 3) {
			throw new InfisicalException("The GCP metadata server's answer is not an ID token.",
					"Check " + PREFIX + "metadata-url: it must be the base URL of the GCP metadata server.", null);
		}
		return this.client.login(LOGIN_PATH, LoginCredentials.jwtForm(this.identityId, jwt), ACTION);
	}

	@Override
	public String toString() {
		return "GcpIdTokenAuthentication[identityId=" + this.identityId + ", identityUrl=" + this.identityUrl + "]";
	}

}
