package io.github.infisicalstarter.auth;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;

import io.github.infisicalstarter.config.InfisicalAuthProperties;
import io.github.infisicalstarter.config.InfisicalConfigurationException;
import io.github.infisicalstarter.config.InfisicalProperties;
import io.github.infisicalstarter.testserver.InfisicalTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.FilteredClassLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the signing of GCP IAM logins with Google's library.
 */
class GcpIamAuthenticationTests {

	private static final String ACCOUNT = "api@acme-prod.iam.gserviceaccount.com";

	@TempDir
	Path dir;

	@Test
	void eachLoginSignsANewShortLivedJwtForTheIdentity() throws Exception {
		String keyFile = keyFile();
		java.time.Clock first = java.time.Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
		java.time.Clock second = java.time.Clock.fixed(Instant.parse("2026-01-01T00:05:00Z"), ZoneOffset.UTC);
		String a = GoogleJwtSigner.create(keyFile, first).sign("identity-1", GcpIamAuthentication.JWT_LIFETIME);
		String b = GoogleJwtSigner.create(keyFile, second).sign("identity-1", GcpIamAuthentication.JWT_LIFETIME);
		assertThat(a).isNotEqualTo(b);
		String claims = new String(Base64.getUrlDecoder().decode(a.split("\\.")[1]), StandardCharsets.UTF_8);
		assertThat(claims).contains("\"sub\":\"" + ACCOUNT + "\"")
			.contains("\"aud\":\"identity-1\"")
			.contains("\"exp\":" + (first.instant().getEpochSecond() + 600));
		String header = new String(Base64.getUrlDecoder().decode(a.split("\\.")[0]), StandardCharsets.UTF_8);
		assertThat(header).contains("\"alg\":\"RS256\"").contains("\"kid\"");
	}

	@Test
	void toStringNamesTheKeyFileOnly() throws Exception {
		String keyFile = keyFile();
		String content = Files.readString(Path.of(keyFile));
		GcpIamAuthentication authentication = GcpIamAuthentication.from(properties(keyFile), null);
		assertThat(authentication.toString()).contains(keyFile)
			.doesNotContain("PRIVATE KEY")
			.doesNotContain(content.substring(content.indexOf("MII"), content.indexOf("MII") + 40));
	}

	@Test
	void missingKeyFileNamesThePath() {
		String missing = this.dir.resolve("absent.json").toString();
		assertThatExceptionOfType(InfisicalConfigurationException.class)
			.isThrownBy(() -> GcpIamAuthentication.from(properties(missing), null))
			.withMessageContaining("'" + missing + "'")
			.withMessageContaining("does not exist");
	}

	@Test
	void keyFileThatIsNoKeyIsReportedWithoutItsContent() throws Exception {
		Path file = Files.writeString(this.dir.resolve("key.json"),
				"{\"type\":\"service_account\",\"secret\":\"s3cr3t\"}");
		assertThatExceptionOfType(InfisicalConfigurationException.class)
			.isThrownBy(() -> GcpIamAuthentication.from(properties(file.toString()), null))
			.withMessageContaining("cannot be used")
			.withMessageNotContaining("s3cr3t");
	}

	@Test
	void missingLibraryNamesTheDependency() throws Exception {
		String keyFile = keyFile();
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(new FilteredClassLoader("com.google.auth"));
		try {
			assertThatExceptionOfType(InfisicalConfigurationException.class).isThrownBy(
					() -> InfisicalAuthentications.create(InfisicalProperties.defaults(), properties(keyFile), null))
				.withMessageContaining("com.google.auth:google-auth-library-oauth2-http")
				.satisfies((ex) -> assertThat(ex.getAction()).contains("Add the dependency"));
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}

	private static InfisicalAuthProperties properties(String keyFile) {
		return InfisicalAuthProperties
			.bind(new Binder(new MapConfigurationPropertySource(Map.of("infisical.auth.method", "gcp-iam",
					"infisical.auth.identity-id", "identity-1", "infisical.auth.gcp.key-file-path", keyFile))));
	}

	private String keyFile() throws Exception {
		try (InfisicalTestServer server = InfisicalTestServer.start()) {
			return Files.writeString(this.dir.resolve("sa.json"), server.gcpServiceAccountKey(ACCOUNT)).toString();
		}
	}

}
