package io.github.infisicalstarter.auth;

import java.util.Locale;

import io.github.infisicalstarter.client.InfisicalLoginClient;
import io.github.infisicalstarter.config.InfisicalAuthProperties;
import io.github.infisicalstarter.config.InfisicalConfigurationException;
import io.github.infisicalstarter.config.InfisicalProperties;
import org.jspecify.annotations.Nullable;

/**
 * Chooses the {@link InfisicalAuthentication} that {@code infisical.auth.method} names.
 * Each method's class checks its own properties; Universal Auth, the default, touches
 * none of them.
 *
 * @since 0.1.0
 */
public final class InfisicalAuthentications {

	/** The methods this version supports, for messages and metadata. */
	static final String SUPPORTED = "universal, token, kubernetes, aws-iam, azure, gcp-id-token, gcp-iam, oidc, jwt, ldap";

	private InfisicalAuthentications() {
	}

	/**
	 * Create the authentication the properties ask for.
	 * @param properties the {@code infisical.*} properties
	 * @param auth the {@code infisical.auth.*} properties, or {@code null} when no method
	 * is chosen (Universal Auth)
	 * @param client the client to log in, renew and revoke through
	 * @return the authentication
	 * @throws InfisicalConfigurationException when a property the method needs is missing
	 * or the method is unknown
	 */
	public static InfisicalAuthentication create(InfisicalProperties properties, @Nullable InfisicalAuthProperties auth,
			InfisicalLoginClient client) {
		String method = method(auth);
		if (method.equals("universal")) {
			properties.validateCredentials();
			return new UniversalAuthentication(client, properties.clientId(), properties.clientSecret());
		}
		properties.resolvedSiteUrl();
		return switch (method) {
			case "token" -> TokenAuthentication.from(auth, client);
			case "kubernetes" -> KubernetesAuthentication.from(auth, client);
			case "oidc" -> OidcAuthentication.from(auth, client);
			case "jwt" -> JwtAuthentication.from(auth, client);
			case "ldap" -> LdapAuthentication.from(auth, client);
			case "azure" -> AzureAuthentication.from(auth, client);
			case "gcp-id-token" -> GcpIdTokenAuthentication.from(auth, client);
			case "gcp-iam" -> GcpIamAuthentication.from(auth, client);
			case "aws-iam" -> AwsIamAuthentication.from(auth, client);
			default -> throw new InfisicalConfigurationException(InfisicalAuthProperties.PREFIX + ".method",
					"Infisical property 'infisical.auth.method' has an unknown value: '" + method + "'.",
					"Set infisical.auth.method to one of " + SUPPORTED + ".");
		};
	}

	/**
	 * Return the login method the properties choose, as the status and health name it.
	 * @param auth the {@code infisical.auth.*} properties, or {@code null}
	 * @return {@code infisical.auth.method}, trimmed and in lower case, or
	 * {@code universal} when it is not set
	 */
	public static String method(@Nullable InfisicalAuthProperties auth) {
		String method = (auth != null && auth.method() != null) ? auth.method().trim().toLowerCase(Locale.ROOT) : "";
		return method.isEmpty() ? "universal" : method;
	}

	static String identityId(InfisicalAuthProperties properties, String method) {
		return LoginCredentials.require(properties.identityId(), InfisicalAuthProperties.PREFIX + ".identity-id",
				method, "the id of the machine identity in Infisical (Access Control > Identities)");
	}

}
