package io.github.infisicalstarter.auth;

import java.nio.file.Path;

import io.github.infisicalstarter.client.InfisicalLoginClient;
import io.github.infisicalstarter.client.TokenResponse;
import io.github.infisicalstarter.config.InfisicalAuthProperties;

/**
 * Kubernetes Auth: the pod's service-account token exchanged for an access token, so no
 * static secret lives in the application's configuration. The token file is re-read at
 * every login because the kubelet rotates projected tokens.
 *
 * @since 0.1.0
 */
public final class KubernetesAuthentication implements InfisicalAuthentication {

	static final String LOGIN_PATH = "/api/v1/auth/kubernetes-auth/login";

	static final String TOKEN_PATH_PROPERTY = InfisicalAuthProperties.PREFIX + ".kubernetes.token-path";

	private static final String ACTION = "Check infisical.auth.identity-id and the identity's Kubernetes Auth in "
			+ "Infisical: the pod's service account and namespace must be allowed, the audience must match, and "
			+ "Infisical must be able to review the token (token reviewer JWT, Kubernetes host).";

	private final InfisicalLoginClient client;

	private final String identityId;

	private final Path tokenPath;

	/**
	 * Create a new instance.
	 * @param client the client to log in through
	 * @param identityId the machine identity's id
	 * @param tokenPath the service-account token file
	 */
	public KubernetesAuthentication(InfisicalLoginClient client, String identityId, Path tokenPath) {
		this.client = client;
		this.identityId = identityId;
		this.tokenPath = tokenPath;
	}

	static KubernetesAuthentication from(InfisicalAuthProperties properties, InfisicalLoginClient client) {
		String identityId = InfisicalAuthentications.identityId(properties, "kubernetes");
		String path = LoginCredentials.require(properties.kubernetes().tokenPath(), TOKEN_PATH_PROPERTY, "kubernetes",
				"the service-account token file");
		return new KubernetesAuthentication(client, identityId, Path.of(path));
	}

	@Override
	public TokenResponse login() {
		String jwt = LoginCredentials.readToken(this.tokenPath, TOKEN_PATH_PROPERTY,
				"Kubernetes service-account token");
		return this.client.login(LOGIN_PATH, LoginCredentials.jwtForm(this.identityId, jwt), ACTION);
	}

	@Override
	public String toString() {
		return "KubernetesAuthentication[identityId=" + this.identityId + ", tokenPath=" + this.tokenPath + "]";
	}

}
