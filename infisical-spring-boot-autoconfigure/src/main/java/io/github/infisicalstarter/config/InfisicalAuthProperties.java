package io.github.infisicalstarter.config;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * The {@code infisical.auth.*} properties: how the machine identity proves who it is when
 * it is not Universal Auth's client id and secret. Kept apart from
 * {@link InfisicalProperties} so that an application on Universal Auth binds none of it.
 *
 * @param method Login method: 'universal' (the default, with infisical.client-id),
 * 'token', 'kubernetes', 'aws-iam', 'gcp-id-token', 'gcp-iam', 'azure', 'oidc', 'jwt' or
 * 'ldap'.
 * @param identityId ID of the machine identity in Infisical, for every method but
 * 'universal' and 'token'.
 * @param accessToken Identity access token created in Infisical (Token Auth). It is used
 * as is and renewed, never revoked by the application.
 * @param kubernetes Kubernetes Auth settings.
 * @param oidc OIDC Auth settings.
 * @param jwt JWT Auth settings.
 * @param ldap LDAP Auth settings.
 * @param azure Azure Auth settings.
 * @param gcp GCP Auth settings.
 * @param aws AWS Auth settings.
 * @since 0.1.0
 */
@ConfigurationProperties(InfisicalAuthProperties.PREFIX)
public record InfisicalAuthProperties(@Nullable String method, @Nullable String identityId,
		@Nullable String accessToken, Kubernetes kubernetes, TokenSource oidc, TokenSource jwt, Ldap ldap, Azure azure,
		Gcp gcp, Aws aws) {

	/** The prefix of these properties. */
	public static final String PREFIX = "infisical.auth";

	/** Where Kubernetes mounts a pod's service-account token. */
	public static final String DEFAULT_KUBERNETES_TOKEN_PATH = "/var/run/secrets/kubernetes.io/serviceaccount/token";

	/** Azure's instance metadata service (IMDS). */
	public static final String DEFAULT_AZURE_METADATA_URL = "http://169.254.169.254";

	/** The resource (audience) of the managed identity's token that Infisical expects. */
	public static final String DEFAULT_AZURE_RESOURCE = "https://management.azure.com/";

	/** Google's metadata server on GCE, GKE and Cloud Run. */
	public static final String DEFAULT_GCP_METADATA_URL = "http://metadata.google.internal";

	/**
	 * Apply defaults to what is unset.
	 */
	public InfisicalAuthProperties {
		kubernetes = (kubernetes != null) ? kubernetes : new Kubernetes(null);
		oidc = (oidc != null) ? oidc : new TokenSource(null, null);
		jwt = (jwt != null) ? jwt : new TokenSource(null, null);
		ldap = (ldap != null) ? ldap : new Ldap(null, null);
		azure = (azure != null) ? azure : new Azure(null, null, null);
		gcp = (gcp != null) ? gcp : new Gcp(null, null);
		aws = (aws != null) ? aws : new Aws(null, null);
	}

	/**
	 * Bind the properties, or return {@code null} when no login method is chosen, so that
	 * Universal Auth start-ups bind nothing more than one property name.
	 * @param binder the binder
	 * @return the properties, or {@code null} when {@code infisical.auth.method} is unset
	 */
	public static @Nullable InfisicalAuthProperties bind(Binder binder) {
		if (!binder.bind(PREFIX + ".method", String.class).isBound()) {
			return null;
		}
		return binder.bind(PREFIX, Bindable.of(InfisicalAuthProperties.class)).orElse(null);
	}

	@Override
	public String toString() {
		return "InfisicalAuthProperties[method=" + this.method + ", identityId=" + this.identityId + ", accessToken="
				+ ((this.accessToken != null) ? "****" : "null") + "]";
	}

	/**
	 * Kubernetes Auth settings.
	 *
	 * @param tokenPath File holding the pod's service-account token, read again at every
	 * login because the kubelet rotates it.
	 */
	public record Kubernetes(@Nullable String tokenPath) {

		/**
		 * Apply the default path.
		 */
		public Kubernetes {
			tokenPath = (tokenPath != null) ? tokenPath : DEFAULT_KUBERNETES_TOKEN_PATH;
		}

	}

	/**
	 * Where an OIDC or JWT login's token comes from: a file re-read at every login, or
	 * the token itself.
	 *
	 * @param token The token itself. It takes precedence over the file.
	 * @param tokenPath File holding the token, read again at every login.
	 */
	public record TokenSource(@Nullable String token, @Nullable String tokenPath) {

		@Override
		public String toString() {
			return "TokenSource[token=" + ((this.token != null) ? "****" : "null") + ", tokenPath=" + this.tokenPath
					+ "]";
		}

	}

	/**
	 * LDAP Auth settings.
	 *
	 * @param username LDAP user name.
	 * @param password LDAP password.
	 */
	public record Ldap(@Nullable String username, @Nullable String password) {

		@Override
		public String toString() {
			return "Ldap[username=" + this.username + ", password=" + ((this.password != null) ? "****" : "null") + "]";
		}

	}

	/**
	 * Azure Auth settings: the managed identity's token comes from the instance metadata
	 * service (IMDS) of the VM, App Service or AKS node.
	 *
	 * @param resource Resource (audience) to ask the managed identity's token for. It
	 * must be the resource configured in the identity's Azure Auth in Infisical.
	 * @param clientId Client ID of a user-assigned managed identity. Unset, the
	 * system-assigned identity is used.
	 * @param metadataUrl Base URL of the instance metadata service.
	 */
	public record Azure(@Nullable String resource, @Nullable String clientId, @Nullable String metadataUrl) {

		/**
		 * Apply the defaults.
		 */
		public Azure {
			resource = (resource != null) ? resource : DEFAULT_AZURE_RESOURCE;
			metadataUrl = (metadataUrl != null) ? metadataUrl : DEFAULT_AZURE_METADATA_URL;
		}

	}

	/**
	 * GCP Auth settings.
	 *
	 * @param metadataUrl Base URL of the metadata server that issues the instance's ID
	 * token ('gcp-id-token').
	 * @param keyFilePath Service-account key file (JSON) that signs the login JWT
	 * ('gcp-iam'). Unset, the application-default credentials are used.
	 */
	public record Gcp(@Nullable String metadataUrl, @Nullable String keyFilePath) {

		/**
		 * Apply the default URL.
		 */
		public Gcp {
			metadataUrl = (metadataUrl != null) ? metadataUrl : DEFAULT_GCP_METADATA_URL;
		}

	}

	/**
	 * AWS Auth settings. Credentials come from the AWS SDK's default chain (environment,
	 * system properties, web identity / IRSA, profile, ECS, EC2 instance profile).
	 *
	 * @param region Region whose STS endpoint the signed GetCallerIdentity request names.
	 * Unset, the SDK's region chain decides (AWS_REGION, profile, instance metadata).
	 * @param stsEndpoint STS endpoint the request is signed for. Unset, the regional
	 * endpoint https://sts.{region}.amazonaws.com.
	 */
	public record Aws(@Nullable String region, @Nullable String stsEndpoint) {

	}

}
