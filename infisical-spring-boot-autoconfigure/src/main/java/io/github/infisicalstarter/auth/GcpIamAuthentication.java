package io.github.infisicalstarter.auth;

import java.time.Clock;
import java.time.Duration;

import io.github.infisicalstarter.client.InfisicalLoginClient;
import io.github.infisicalstarter.client.TokenResponse;
import io.github.infisicalstarter.config.InfisicalAuthProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * GCP Auth with IAM: a short-lived JWT ({@code sub} = the service account's email,
 * {@code aud} = the identity's id) signed through the service account, from a key file or
 * the application-default credentials, signed anew at every login. Infisical verifies it
 * with the service account's public keys. Signing needs Google's auth library
 * ({@code com.google.auth:google-auth-library-oauth2-http}), an optional dependency that
 * only this class's signer touches, so that other methods never load it.
 *
 * @since 0.1.0
 */
public final class GcpIamAuthentication implements InfisicalAuthentication {

	static final String KEY_FILE_PROPERTY = InfisicalAuthProperties.PREFIX + ".gcp.key-file-path";

	/** How long the signed JWT is valid: long enough for one login, no more. */
	static final Duration JWT_LIFETIME = Duration.ofMinutes(10);

	private static final String LIBRARY_CLASS = "com.google.auth.ServiceAccountSigner";

	private static final String ACTION = "Check infisical.auth.identity-id and the identity's GCP Auth in Infisical: "
			+ "its type must be IAM, and the allowed service accounts must include the one that signs (the key file's "
			+ "client_email, or the application-default credentials' account).";

	private final InfisicalLoginClient client;

	private final String identityId;

	private final ServiceAccountJwtSigner signer;

	GcpIamAuthentication(InfisicalLoginClient client, String identityId, ServiceAccountJwtSigner signer) {
		this.client = client;
		this.identityId = identityId;
		this.signer = signer;
	}

	static GcpIamAuthentication from(InfisicalAuthProperties properties, InfisicalLoginClient client) {
		String identityId = InfisicalAuthentications.identityId(properties, "gcp-iam");
		OptionalLibrary.require(LIBRARY_CLASS, "gcp-iam", "com.google.auth:google-auth-library-oauth2-http");
		String keyFile = properties.gcp().keyFilePath();
		return new GcpIamAuthentication(client, identityId,
				GoogleJwtSigner.create(StringUtils.hasText(keyFile) ? keyFile.trim() : null, Clock.systemUTC()));
	}

	@Override
	public TokenResponse login() {
		String jwt = this.signer.sign(this.identityId, JWT_LIFETIME);
		return this.client.login(GcpIdTokenAuthentication.LOGIN_PATH, LoginCredentials.jwtForm(this.identityId, jwt),
				ACTION);
	}

	@Override
	public String toString() {
		return "GcpIamAuthentication[identityId=" + this.identityId + ", " + this.signer + "]";
	}

	/**
	 * Signs the login JWT; implemented with Google's library by {@link GoogleJwtSigner}.
	 */
	interface ServiceAccountJwtSigner {

		/**
		 * Sign a new JWT for a login.
		 * @param audience the identity's id
		 * @param lifetime how long the JWT is valid
		 * @return the JWT
		 */
		String sign(String audience, Duration lifetime);

	}

	/**
	 * Where the key file is, for messages (never its content).
	 * @param keyFile the file, or {@code null} for application-default credentials
	 * @return the description
	 */
	static String describe(@Nullable String keyFile) {
		return (keyFile != null) ? "key file '" + keyFile + "' (" + KEY_FILE_PROPERTY + ")"
				: "application-default credentials";
	}

}
