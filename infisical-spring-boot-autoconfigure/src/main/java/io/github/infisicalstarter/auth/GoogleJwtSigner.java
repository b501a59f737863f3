package io.github.infisicalstarter.auth;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.google.auth.ServiceAccountSigner;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import io.github.infisicalstarter.InfisicalException;
import io.github.infisicalstarter.config.InfisicalConfigurationException;
import org.jspecify.annotations.Nullable;

/**
 * Signs the JWT of a GCP IAM login with Google's auth library: a service-account key file
 * signs locally, application-default credentials on GCE/GKE sign through the IAM
 * Credentials API ({@link ServiceAccountSigner#sign}). The credentials are loaded once;
 * each login signs a new JWT. Only {@link GcpIamAuthentication} refers to this class,
 * after checking that the library is present.
 *
 * @since 0.1.0
 */
final class GoogleJwtSigner implements GcpIamAuthentication.ServiceAccountJwtSigner {

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private final ServiceAccountSigner signer;

	private final @Nullable String keyId;

	private final @Nullable String keyFile;

	private final Clock clock;

	GoogleJwtSigner(ServiceAccountSigner signer, @Nullable String keyId, @Nullable String keyFile, Clock clock) {
		this.signer = signer;
		this.keyId = keyId;
		this.keyFile = keyFile;
		this.clock = clock;
	}

	static GoogleJwtSigner create(@Nullable String keyFile, Clock clock) {
		GoogleCredentials credentials = load(keyFile);
		if (!(credentials instanceof ServiceAccountSigner signer)) {
			throw new InfisicalException(
					"The " + GcpIamAuthentication.describe(keyFile) + " cannot sign a JWT: they are not a "
							+ "service account's (" + credentials.getClass().getSimpleName() + ").",
					"Set " + GcpIamAuthentication.KEY_FILE_PROPERTY + " to a service-account key file, or run "
							+ "with a service account attached (GCE, GKE Workload Identity).",
					null);
		}
		String keyId = (credentials instanceof ServiceAccountCredentials account) ? account.getPrivateKeyId() : null;
		return new GoogleJwtSigner(signer, keyId, keyFile, clock);
	}

	private static GoogleCredentials load(@Nullable String keyFile) {
		if (keyFile == null) {
			try {
				return GoogleCredentials.getApplicationDefault();
			}
			catch (IOException ex) {
				throw new InfisicalException("No Google application-default credentials were found.",
						"Set " + GcpIamAuthentication.KEY_FILE_PROPERTY + " to a service-account key file, set "
								+ "GOOGLE_APPLICATION_CREDENTIALS, or run with a service account attached.",
						null);
			}
		}
		try (InputStream in = Files.newInputStream(Path.of(keyFile))) {
			return GoogleCredentials.fromStream(in);
		}
		catch (NoSuchFileException ex) {
			throw new InfisicalConfigurationException(GcpIamAuthentication.KEY_FILE_PROPERTY,
					"The GCP service-account " + "key file '" + keyFile + "' (" + GcpIamAuthentication.KEY_FILE_PROPERTY
							+ ") does not exist.",
					"Set " + GcpIamAuthentication.KEY_FILE_PROPERTY + " to the JSON key file of the service account.");
		}
		catch (IOException | RuntimeException ex) {
			// the library's messages may quote the file: name the file and the failure's
			// type only
			throw new InfisicalConfigurationException(GcpIamAuthentication.KEY_FILE_PROPERTY,
					"The GCP service-account key file '" + keyFile + "' (" + GcpIamAuthentication.KEY_FILE_PROPERTY
							+ ") cannot be used: " + ex.getClass().getSimpleName() + ".",
					"Check that '" + keyFile + "' is the JSON key file of a service account, as Google Cloud "
							+ "downloads it.");
		}
	}

	@Override
	public String sign(String audience, Duration lifetime) {
		long now = this.clock.instant().getEpochSecond();
		Map<String, Object> header = new LinkedHashMap<>();
		header.put("alg", "RS256");
		header.put("typ", "JWT");
		if (this.keyId != null) {
			header.put("kid", this.keyId);
		}
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("sub", this.signer.getAccount());
		claims.put("aud", audience);
		claims.put("iat", now);
		claims.put("exp", now + lifetime.toSeconds());
		String input = encode(header) + "." + encode(claims);
		byte[] signature;
		try {
			signature = this.signer.sign(input.getBytes(StandardCharsets.US_ASCII));
		}
		catch (ServiceAccountSigner.SigningException ex) {
			throw new InfisicalException(
					"The service account " + this.signer.getAccount() + " could not sign the login JWT through "
							+ "Google's IAM Credentials API.",
					"Grant the service account the role 'Service Account Token Creator' on itself, or set "
							+ GcpIamAuthentication.KEY_FILE_PROPERTY + " to a key file.",
					null);
		}
		return input + "." + BASE64URL.encodeToString(signature);
	}

	private static String encode(Map<String, Object> json) {
		return BASE64URL.encodeToString(JsonText.write(json));
	}

	@Override
	public String toString() {
		return "signer=" + GcpIamAuthentication.describe(this.keyFile);
	}

}
