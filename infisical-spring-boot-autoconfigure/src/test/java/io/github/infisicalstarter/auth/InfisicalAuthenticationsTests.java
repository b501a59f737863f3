package io.github.infisicalstarter.auth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.github.infisicalstarter.config.InfisicalAuthProperties;
import io.github.infisicalstarter.config.InfisicalConfigurationException;
import io.github.infisicalstarter.config.InfisicalProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Choosing and checking the login method from bound properties, without a server.
 */
class InfisicalAuthenticationsTests {

	@TempDir
	Path dir;

	@Test
	void universalIsTheDefaultAndBindsNothingElse() {
		assertThat(InfisicalAuthProperties.bind(binder(Map.of("infisical.client-id", "id")))).isNull();
	}

	@Test
	void kubernetesDefaultsToTheMountedTokenPath() {
		InfisicalAuthProperties auth = InfisicalAuthProperties
			.bind(binder(Map.of("infisical.auth.method", "kubernetes", "infisical.auth.identity-id", "abc")));
		assertThat(auth.kubernetes().tokenPath()).isEqualTo(InfisicalAuthProperties.DEFAULT_KUBERNETES_TOKEN_PATH);
		assertThat(KubernetesAuthentication.from(auth, null)).hasToString(
				"KubernetesAuthentication[identityId=abc, tokenPath=/var/run/secrets/kubernetes.io/serviceaccount/token]");
	}

	@Test
	void credentialsAreMaskedInToString() {
		InfisicalAuthProperties auth = InfisicalAuthProperties
			.bind(binder(Map.of("infisical.auth.method", "ldap", "infisical.auth.identity-id", "abc",
					"infisical.auth.ldap.username", "svc", "infisical.auth.ldap.password", "p4ss-word",
					"infisical.auth.access-token", "tok-value", "infisical.auth.oidc.token", "oidc-value")));
		assertThat(auth.toString() + auth.ldap() + auth.oidc() + LdapAuthentication.from(auth, null)
				+ OidcAuthentication.from(auth, null) + TokenAuthentication.from(auth, null))
			.doesNotContain("p4ss-word", "tok-value", "oidc-value")
			.contains("****");
	}

	@Test
	void missingIdentityIdNamesTheProperty() {
		InfisicalAuthProperties auth = InfisicalAuthProperties.bind(binder(Map.of("infisical.auth.method", "jwt")));
		assertThatExceptionOfType(InfisicalConfigurationException.class)
			.isThrownBy(() -> InfisicalAuthentications.create(InfisicalProperties.defaults(), auth, null))
			.satisfies((ex) -> assertThat(ex.getProperty()).isEqualTo("infisical.auth.identity-id"));
	}

	@Test
	void tokenFileIsReadAtEveryCallAndNeverQuoted() throws Exception {
		Path file = Files.writeString(this.dir.resolve("token"), " first\n");
		assertThat(LoginCredentials.readToken(file, "p", "token")).isEqualTo("first");
		Files.writeString(file, "second");
		assertThat(LoginCredentials.readToken(file, "p", "token")).isEqualTo("second");
		Files.writeString(file, "  ");
		assertThatExceptionOfType(InfisicalConfigurationException.class)
			.isThrownBy(() -> LoginCredentials.readToken(file, "p", "token"))
			.withMessageContaining("is empty");
	}

	@Test
	void everyMethodOfTheIssueIsSupported() {
		assertThat(InfisicalAuthentications.SUPPORTED).contains("aws-iam", "azure", "gcp-id-token", "gcp-iam");
	}

	private static Binder binder(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values));
	}

}
