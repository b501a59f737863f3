package io.github.infisicalstarter.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.infisicalstarter.config.SecretsLocation;
import io.github.infisicalstarter.env.InfisicalSecretsService;
import io.github.infisicalstarter.testserver.InfisicalTestServer;
import io.github.infisicalstarter.testserver.InfisicalTestServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Full start-ups with the methods that sign their credential with a platform library
 * (optional dependencies): {@code gcp-iam} (Google's auth library signs a JWT with a
 * service-account key) and {@code aws-iam} (the AWS SDK signs a GetCallerIdentity
 * request, which the test server's fake STS verifies). Every login signs anew, failures
 * give one report, and neither keys, signatures nor session tokens reach the output. AWS
 * credentials come from the SDK's system properties, restored after each test.
 */
@ExtendWith(OutputCaptureExtension.class)
class SignedCloudAuthIntegrationTests {

	@RegisterExtension
	static final InfisicalTestServerExtension infisical = new InfisicalTestServerExtension();

	private static final String PROJECT = InfisicalTestServer.DEFAULT_PROJECT_ID;

	private static final String IDENTITY = "2d8f5c1e-6a3b-4c1d-9e7f-0a1b2c3d4e5f";

	private static final String GCP_LOGIN = "/api/v1/auth/gcp-auth/login";

	private static final String AWS_LOGIN = "/api/v1/auth/aws-auth/login";

	private static final String ACCOUNT = "api@acme-prod.iam.gserviceaccount.com";

	private static final List<String> AWS_PROPERTIES = List.of("aws.accessKeyId", "aws.secretAccessKey",
			"aws.sessionToken", "aws.disableEc2Metadata");

	private final Map<String, String> savedProperties = new LinkedHashMap<>();

	@TempDir
	Path dir;

	@BeforeEach
	void secretAndProperties() {
		infisical.server().secret(PROJECT, "dev", "/", "FOO", "signed-value");
		for (String name : AWS_PROPERTIES) {
			this.savedProperties.put(name, System.getProperty(name));
		}
		// never let the SDK's chain ask a real instance metadata service
		System.setProperty("aws.disableEc2Metadata", "true");
	}

	@AfterEach
	void restoreProperties() {
		this.savedProperties.forEach((name, value) -> {
			if (value != null) {
				System.setProperty(name, value);
			}
			else {
				System.clearProperty(name);
			}
		});
	}

	@Test
	void gcpIamSignsWithTheKeyFileAtEveryLogin(CapturedOutput output) throws IOException {
		InfisicalTestServer server = infisical.server();
		server.gcpAuth(IDENTITY).type("iam").allowedServiceAccounts(ACCOUNT);
		String key = server.gcpServiceAccountKey(ACCOUNT);
		Path keyFile = Files.writeString(this.dir.resolve("sa.json"), key);
		try (ConfigurableApplicationContext context = CloudAuthIntegrationTests.run(server, "gcp-iam",
				"--infisical.auth.gcp.key-file-path=" + keyFile)) {
			assertThat(context.getEnvironment().getProperty("FOO")).isEqualTo("signed-value");
			server.revokeAllTokens();
			server.secret(PROJECT, "dev", "/", "FOO", "after-relogin");
			assertThat(poll(context)).isNotNull();
		}
		assertThat(server.count("POST", GCP_LOGIN)).isEqualTo(2);
		scan(output, server, "signed-value", "after-relogin", privateKey(key));
	}

	@Test
	void gcpIamServiceAccountNotAllowed(CapturedOutput output) throws IOException {
		InfisicalTestServer server = infisical.server();
		server.gcpAuth(IDENTITY).type("iam").allowedServiceAccounts("other@acme-prod.iam.gserviceaccount.com");
		String key = server.gcpServiceAccountKey(ACCOUNT);
		FailureReport report = CloudAuthIntegrationTests.fail(output, server, "gcp-iam",
				"--infisical.auth.gcp.key-file-path=" + Files.writeString(this.dir.resolve("sa.json"), key));
		assertThat(report.description()).contains("answered 401").contains(GCP_LOGIN);
		assertThat(report.action()).contains("GCP Auth").contains("IAM");
		scan(output, server, privateKey(key));
	}

	@Test
	void gcpIamKeyFileMissing(CapturedOutput output) {
		Path missing = this.dir.resolve("absent.json");
		FailureReport report = CloudAuthIntegrationTests.fail(output, infisical.server(), "gcp-iam",
				"--infisical.auth.gcp.key-file-path=" + missing);
		assertThat(report.description()).contains("'" + missing + "'").contains("does not exist");
		assertThat(report.action()).contains("infisical.auth.gcp.key-file-path");
	}

	@Test
	void gcpIamWithoutGooglesLibraryNamesTheDependency(CapturedOutput output) throws IOException {
		InfisicalTestServer server = infisical.server();
		Path keyFile = Files.writeString(this.dir.resolve("sa.json"), server.gcpServiceAccountKey(ACCOUNT));
		FailureReport report = withoutClasses("com.google.auth", () -> CloudAuthIntegrationTests.fail(output, server,
				"gcp-iam", "--infisical.auth.gcp.key-file-path=" + keyFile));
		assertThat(report.description()).contains("com.google.auth:google-auth-library-oauth2-http");
		assertThat(report.action()).contains("Add the dependency");
		assertThat(server.journal()).as("nothing was sent").isEmpty();
	}

	@Test
	void awsLoadsSecretsAndSignsWithTheCurrentCredentialsAtEveryLogin(CapturedOutput output) {
		InfisicalTestServer server = infisical.server();
		server.awsCredentials("AKIAEXAMPLEUSER00001", "user-Secret-Key-0001", "arn:aws:iam::123456789012:user/api");
		server.awsSessionCredentials("ASIAEXAMPLEROLE00002", "role-Secret-Key-0002", "role-Session-Token-0002",
				"arn:aws:sts::123456789012:assumed-role/api/i-0abc");
		server.awsAuth(IDENTITY)
			.allowedAccountIds("123456789012")
			.allowedPrincipalArns("arn:aws:iam::123456789012:user/api", "arn:aws:iam::123456789012:role/*");
		credentials("AKIAEXAMPLEUSER00001", "user-Secret-Key-0001", null);
		try (ConfigurableApplicationContext context = CloudAuthIntegrationTests.run(server, "aws-iam", aws(server))) {
			assertThat(context.getEnvironment().getProperty("FOO")).isEqualTo("signed-value");
			// the role's temporary credentials replace the user's keys
			credentials("ASIAEXAMPLEROLE00002", "role-Secret-Key-0002", "role-Session-Token-0002");
			server.revokeAllTokens();
			server.secret(PROJECT, "dev", "/", "FOO", "after-relogin");
			assertThat(poll(context)).isNotNull();
		}
		assertThat(server.journal()).filteredOn((request) -> request.path().equals(AWS_LOGIN))
			.extracting((request) -> request.status())
			.containsExactly(200, 200);
		scan(output, server, "signed-value", "after-relogin", "user-Secret-Key-0001", "role-Secret-Key-0002",
				"role-Session-Token-0002");
	}

	@Test
	void awsAccountNotAllowed(CapturedOutput output) {
		InfisicalTestServer server = infisical.server();
		server.awsCredentials("AKIAEXAMPLEUSER00001", "user-Secret-Key-0001", "arn:aws:iam::123456789012:user/api");
		server.awsAuth(IDENTITY).allowedAccountIds("210987654321");
		credentials("AKIAEXAMPLEUSER00001", "user-Secret-Key-0001", null);
		FailureReport report = CloudAuthIntegrationTests.fail(output, server, "aws-iam", aws(server));
		assertThat(report.description()).contains("answered 401").contains(AWS_LOGIN);
		assertThat(report.action()).contains("AWS Auth").contains("allowed account IDs");
		scan(output, server, "user-Secret-Key-0001");
	}

	@Test
	void awsSignatureWithAnUnknownSecretIsRefused(CapturedOutput output) {
		InfisicalTestServer server = infisical.server();
		server.awsCredentials("AKIAEXAMPLEUSER00001", "user-Secret-Key-0001", "arn:aws:iam::123456789012:user/api");
		server.awsAuth(IDENTITY);
		credentials("AKIAEXAMPLEUSER00001", "wrong-Secret-Key-0009", null);
		FailureReport report = CloudAuthIntegrationTests.fail(output, server, "aws-iam",
				"--infisical.auth.aws.region=eu-west-1", "--infisical.auth.aws.sts-endpoint=" + server.url(),
				"--infisical.retry.max-attempts=1");
		assertThat(report.description()).contains("500").contains(AWS_LOGIN);
		scan(output, server, "wrong-Secret-Key-0009");
	}

	@Test
	void awsWithoutCredentials(CapturedOutput output) {
		InfisicalTestServer server = infisical.server();
		server.awsAuth(IDENTITY);
		credentials(null, null, null);
		FailureReport report = CloudAuthIntegrationTests.fail(output, server, "aws-iam", aws(server));
		assertThat(report.description()).contains("No AWS credentials were found");
		assertThat(report.action()).contains("IAM role").contains("AWS_ACCESS_KEY_ID");
		assertThat(server.count("POST", AWS_LOGIN)).isZero();
	}

	@Test
	void awsWithoutTheSdkNamesTheDependency(CapturedOutput output) {
		InfisicalTestServer server = infisical.server();
		FailureReport report = withoutClasses("software.amazon.awssdk",
				() -> CloudAuthIntegrationTests.fail(output, server, "aws-iam", aws(server)));
		assertThat(report.description()).contains("software.amazon.awssdk:auth");
		assertThat(report.action()).contains("Add the dependency");
	}

	private static <T> T withoutClasses(String packageName, java.util.function.Supplier<T> action) {
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(new FilteredClassLoader(packageName));
		try {
			return action.get();
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}

	private static void credentials(String accessKeyId, String secretAccessKey, String sessionToken) {
		set("aws.accessKeyId", accessKeyId);
		set("aws.secretAccessKey", secretAccessKey);
		set("aws.sessionToken", sessionToken);
	}

	private static void set(String name, String value) {
		if (value != null) {
			System.setProperty(name, value);
		}
		else {
			System.clearProperty(name);
		}
	}

	private static String[] aws(InfisicalTestServer server) {
		return new String[] { "--infisical.auth.aws.region=eu-west-1",
				"--infisical.auth.aws.sts-endpoint=" + server.url() };
	}

	private static String privateKey(String keyFile) {
		int start = keyFile.indexOf("-----BEGIN PRIVATE KEY-----") + 28;
		return keyFile.substring(start, start + 60).replace("\\n", "");
	}

	private static void scan(CapturedOutput output, InfisicalTestServer server, String... values) {
		LeakScan.assertNoLeaks(output, server, values);
		assertThat(output.getAll()).as("no JWT, SigV4 signature or key in the output")
			.doesNotContainPattern("eyJ[\\w-]{10,}\\.eyJ[\\w-]{10,}\\.[\\w-]{10,}")
			.doesNotContain("Signature=")
			.doesNotContain("PRIVATE KEY");
	}

	private static Object poll(ConfigurableApplicationContext context) {
		InfisicalSecretsService service = context.getBean(InfisicalSecretsService.class);
		SecretsLocation location = service.getLocations().iterator().next();
		return service.poll(location);
	}

}
