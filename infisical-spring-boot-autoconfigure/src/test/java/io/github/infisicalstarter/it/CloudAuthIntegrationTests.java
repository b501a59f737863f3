package io.github.infisicalstarter.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.github.infisicalstarter.config.SecretsLocation;
import io.github.infisicalstarter.env.InfisicalSecretsService;
import io.github.infisicalstarter.testserver.InfisicalTestServer;
import io.github.infisicalstarter.testserver.InfisicalTestServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Full start-ups with the metadata-server methods (Azure managed identity, GCP ID token)
 * against the test server, which also plays Azure's IMDS and GCP's metadata server:
 * secrets load, an expired access token is replaced by a login with a credential asked
 * anew, each failure gives one report naming the metadata URL or the server's refusal,
 * and no platform token reaches the output.
 */
@ExtendWith(OutputCaptureExtension.class)
class CloudAuthIntegrationTests {

	@RegisterExtension
	static final InfisicalTestServerExtension infisical = new InfisicalTestServerExtension();

	private static final String PROJECT = InfisicalTestServer.DEFAULT_PROJECT_ID;

	private static final String IDENTITY = "2d8f5c1e-6a3b-4c1d-9e7f-0a1b2c3d4e5f";

	private static final String AZURE_LOGIN = "/api/v1/auth/azure-auth/login";

	private static final String GCP_LOGIN = "/api/v1/auth/gcp-auth/login";

	private static final String IMDS = "/metadata/identity/oauth2/token";

	private static final String GCP_IDENTITY = "/computeMetadata/v1/instance/service-accounts/default/identity";

	private static final String ACCOUNT = "api@acme-prod.iam.gserviceaccount.com";

	@BeforeEach
	void secret() {
		infisical.server().secret(PROJECT, "dev", "/", "FOO", "cloud-value");
	}

	@Test
	void azureLoadsSecretsAndAsksImdsAgainAtTheNextLogin(CapturedOutput output) {
		InfisicalTestServer server = infisical.server();
		server.azureAuth(IDENTITY).allowedServicePrincipalIds("7d5b2b0c-1f3a-4e8e-9d2a-3c4b5a6d7e8f");
		try (ConfigurableApplicationContext context = run(server, "azure", azureUrl(server))) {
			assertThat(context.getEnvironment().getProperty("FOO")).isEqualTo("cloud-value");
			// both the access token and the first IMDS token expire
			server.clock().advance(Duration.ofDays(31));
			server.secret(PROJECT, "dev", "/", "FOO", "after-relogin");
			assertThat(poll(context)).isNotNull();
		}
		assertThat(server.count("GET", IMDS)).isEqualTo(2);
		assertThat(server.count("POST", AZURE_LOGIN)).isEqualTo(2);
		assertThat(server.azureMetadata().issuedTokens()).hasSize(2);
		scan(output, server, "cloud-value", "after-relogin");
	}

	@Test
	void azureUserAssignedIdentity(CapturedOutput output) {
		InfisicalTestServer server = infisical.server();
		server.azureMetadata().systemAssigned(null).userAssigned("c0ffee00-0000-4000-8000-000000000042", "object-42");
		server.azureAuth(IDENTITY).resource("https://vault.azure.net").allowedServicePrincipalIds("object-42");
		try (ConfigurableApplicationContext context = run(server, "azure", azureUrl(server),
				"--infisical.auth.azure.client-id=c0ffee00-0000-4000-8000-000000000042",
				"--infisical.auth.azure.resource=https://vault.azure.net")) {
			assertThat(context.getEnvironment().getProperty("FOO")).isEqualTo("cloud-value");
		}
		scan(output, server, "cloud-value");
	}

	@Test
	void azureWithoutManagedIdentity(CapturedOutput output) {
		InfisicalTestServer server = infisical.server();
		server.azureMetadata().systemAssigned(null);
		server.azureAuth(IDENTITY);
		FailureReport report = fail(output, server, "azure", azureUrl(server));
		assertThat(report.description()).contains("Azure instance metadata service at " + server.url() + IMDS)
			.contains("answered 400: Identity not found");
		assertThat(report.action()).contains("managed identity").contains("infisical.auth.azure.client-id");
	}

	@Test
	void azureImdsUnreachable(CapturedOutput output) {
		FailureReport report = fail(output, infisical.server(), "azure",
				"--infisical.auth.azure.metadata-url=http://127.0.0.1:1");
		assertThat(report.description())
			.contains("Azure instance metadata service at http://127.0.0.1:1" + IMDS + " could not be reached")
			.contains("no managed identity?");
		assertThat(report.action()).contains("infisical.auth.azure.metadata-url");
	}

	@Test
	void azureResourceNotTheIdentitysAudience(CapturedOutput output) {
		InfisicalTestServer server = infisical.server();
		server.azureAuth(IDENTITY).resource("https://vault.azure.net");
		FailureReport report = fail(output, server, "azure", azureUrl(server));
		assertThat(report.description()).contains("403 (TokenError)")
			.contains("jwt audience invalid. expected: https://vault.azure.net");
		assertThat(report.action()).contains("Azure Auth").contains("infisical.auth.azure.resource");
		scan(output, server);
	}

	@Test
	void azureOtherTenant(CapturedOutput output) {
		InfisicalTestServer server = infisical.server();
		server.azureAuth(IDENTITY).tenantId("11111111-2222-3333-4444-555555555555");
		FailureReport report = fail(output, server, "azure", azureUrl(server));
		assertThat(report.description()).contains("jwt issuer invalid");
		scan(output, server);
	}

	@Test
	void azureServicePrincipalNotAllowed(CapturedOutput output) {
		InfisicalTestServer server = infisical.server();
		server.azureAuth(IDENTITY).allowedServicePrincipalIds("someone-else");
		FailureReport report = fail(output, server, "azure", azureUrl(server));
		assertThat(report.description()).contains("answered 401").contains(AZURE_LOGIN);
		assertThat(report.action()).contains("service principal");
		scan(output, server);
	}

	@Test
	void azureIdentityWithoutAzureAuth(CapturedOutput output) {
		InfisicalTestServer server = infisical.server();
		FailureReport report = fail(output, server, "azure", azureUrl(server));
		assertThat(report.description()).contains("did you configure Azure Auth?");
		scan(output, server);
	}

	@Test
	void gcpIdTokenLoadsSecretsAndAsksTheMetadataServerAgainAtTheNextLogin(CapturedOutput output) {
		InfisicalTestServer server = infisical.server();
		server.gcpAuth(IDENTITY).allowedServiceAccounts(ACCOUNT).allowedProjects("acme-prod");
		try (ConfigurableApplicationContext context = run(server, "gcp-id-token", gcpUrl(server))) {
			assertThat(context.getEnvironment().getProperty("FOO")).isEqualTo("cloud-value");
			// the access token and the first ID token (one hour) expire
			server.clock().advance(Duration.ofDays(31));
			server.secret(PROJECT, "dev", "/", "FOO", "after-relogin");
			assertThat(poll(context)).isNotNull();
		}
		assertThat(server.count("GET", GCP_IDENTITY)).isEqualTo(2);
		assertThat(server.count("POST", GCP_LOGIN)).isEqualTo(2);
		assertThat(server.journal()).filteredOn((request) -> request.path().equals(GCP_IDENTITY))
			.allSatisfy((request) -> assertThat(request.query()).containsEntry("audience", IDENTITY)
				.containsEntry("format", "full"));
		scan(output, server, "cloud-value", "after-relogin");
	}

	@Test
	void gcpMetadataServerUnreachable(CapturedOutput output) {
		FailureReport report = fail(output, infisical.server(), "gcp-id-token",
				"--infisical.auth.gcp.metadata-url=http://127.0.0.1:1");
		assertThat(report.description())
			.contains("GCP metadata server at http://127.0.0.1:1" + GCP_IDENTITY + " could not be reached")
			.contains("not running on GCE/GKE?");
		assertThat(report.action()).contains("infisical.auth.gcp.metadata-url");
	}

	@Test
	void gcpServiceAccountNotAllowed(CapturedOutput output) {
		InfisicalTestServer server = infisical.server();
		server.gcpAuth(IDENTITY).allowedServiceAccounts("other@acme-prod.iam.gserviceaccount.com");
		FailureReport report = fail(output, server, "gcp-id-token", gcpUrl(server));
		assertThat(report.description()).contains("answered 401").contains(GCP_LOGIN);
		assertThat(report.action()).contains("GCP Auth").contains("allowed service accounts");
		scan(output, server);
	}

	@Test
	void gcpIdentityOfTypeIam(CapturedOutput output) {
		InfisicalTestServer server = infisical.server();
		server.gcpAuth(IDENTITY).type("iam");
		FailureReport report = fail(output, server, "gcp-id-token", gcpUrl(server));
		assertThat(report.description()).contains("answered 401").contains(GCP_LOGIN);
		assertThat(report.action()).contains("infisical.auth.method");
		scan(output, server);
	}

	@Test
	void gcpIdentityWithoutGcpAuth(CapturedOutput output) {
		InfisicalTestServer server = infisical.server();
		FailureReport report = fail(output, server, "gcp-id-token", gcpUrl(server));
		assertThat(report.description()).contains("did you configure GCP auth?");
		scan(output, server);
	}

	@Test
	void jwtIdentityVerifiedThroughAJwksUrl(CapturedOutput output) {
		InfisicalTestServer server = infisical.server();
		server.jwtAuth(IDENTITY).jwksUrl(server.jwksUrl()).boundIssuer("https://ci.example.com");
		long now = server.clock().instant().getEpochSecond();
		String jwt = server.signJwt(java.util.Map.of("iss", "https://ci.example.com", "exp", now + 600));
		try (ConfigurableApplicationContext context = run(server, "jwt", "--infisical.auth.jwt.token=" + jwt)) {
			assertThat(context.getEnvironment().getProperty("FOO")).isEqualTo("cloud-value");
		}
		assertThat(server.count("GET", "/.well-known/jwks.json")).isOne();
		scan(output, server, "cloud-value", jwt);
	}

	@Test
	void metadataUrlThatIsNoUrl(CapturedOutput output) {
		FailureReport report = fail(output, infisical.server(), "gcp-id-token",
				"--infisical.auth.gcp.metadata-url=metadata.google.internal");
		assertThat(report.description()).contains("'infisical.auth.gcp.metadata-url' is not an absolute http(s) URL");
	}

	private static void scan(CapturedOutput output, InfisicalTestServer server, String... values) {
		List<String> forbidden = new ArrayList<>(Arrays.asList(values));
		forbidden.addAll(server.azureMetadata().issuedTokens());
		forbidden.addAll(server.gcpMetadata().issuedTokens());
		LeakScan.assertNoLeaks(output, server, forbidden.toArray(String[]::new));
	}

	private static Object poll(ConfigurableApplicationContext context) {
		InfisicalSecretsService service = context.getBean(InfisicalSecretsService.class);
		SecretsLocation location = service.getLocations().iterator().next();
		return service.poll(location);
	}

	private static String azureUrl(InfisicalTestServer server) {
		return "--infisical.auth.azure.metadata-url=" + server.url();
	}

	private static String gcpUrl(InfisicalTestServer server) {
		return "--infisical.auth.gcp.metadata-url=" + server.url();
	}

	static String[] args(String method, String... extra) {
		List<String> args = new ArrayList<>();
		args.add("--infisical.auth.method=" + method);
		args.add("--infisical.auth.identity-id=" + IDENTITY);
		args.addAll(Arrays.asList(extra));
		return args.toArray(String[]::new);
	}

	static ConfigurableApplicationContext run(InfisicalTestServer server, String method, String... extra) {
		List<String> args = new ArrayList<>();
		for (String arg : TestApps.credentials(server)) {
			if (!arg.startsWith("--infisical.client-")) {
				args.add(arg);
			}
		}
		args.addAll(Arrays.asList(args(method, extra)));
		return TestApps.runRaw(args.toArray(String[]::new));
	}

	static FailureReport fail(CapturedOutput output, InfisicalTestServer server, String method, String... extra) {
		List<String> args = new ArrayList<>(List.of("--infisical.client-id=", "--infisical.client-secret="));
		args.addAll(Arrays.asList(args(method, extra)));
		return FailureReport.ofFailedStartup(output, server, args.toArray(String[]::new));
	}

}
