package io.github.infisicalstarter.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.infisicalstarter.auth.InfisicalAuthenticationProvider;
import io.github.infisicalstarter.config.SecretsLocation;
import io.github.infisicalstarter.env.InfisicalSecretsService;
import io.github.infisicalstarter.testserver.InfisicalTestServer;
import io.github.infisicalstarter.testserver.InfisicalTestServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.bootstrap.BootstrapRegistry.InstanceSupplier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Full start-ups with the keyless login methods (Kubernetes, OIDC, JWT, LDAP) and Token
 * Auth against the test server: secrets load, a re-login reads the platform credential
 * again, each failure gives one report with the server's message, and no credential
 * reaches the output.
 */
@ExtendWith(OutputCaptureExtension.class)
class KeylessAuthIntegrationTests {

	@RegisterExtension
	static final InfisicalTestServerExtension infisical = new InfisicalTestServerExtension();

	private static final String PROJECT = InfisicalTestServer.DEFAULT_PROJECT_ID;

	private static final String IDENTITY = "2d8f5c1e-6a3b-4c1d-9e7f-0a1b2c3d4e5f";

	private static final String KUBERNETES_LOGIN = "/api/v1/auth/kubernetes-auth/login";

	@TempDir
	Path dir;

	@BeforeEach
	void secret() {
		infisical.server().secret(PROJECT, "dev", "/", "FOO", "keyless-value");
	}

	@Test
	void kubernetesLoadsSecretsAndReadsTheTokenFileAgainAtTheNextLogin(CapturedOutput output) throws IOException {
		InfisicalTestServer server = infisical.server();
		server.kubernetesAuth(IDENTITY).allowedNamespaces("payments").allowedNames("api").allowedAudience("infisical");
		String first = server.serviceAccountToken("payments", "api", "infisical", Duration.ofHours(1));
		Path tokenFile = write("token", first);
		String second;
		try (ConfigurableApplicationContext context = run(server, "kubernetes",
				"--infisical.auth.kubernetes.token-path=" + tokenFile)) {
			assertThat(context.getEnvironment().getProperty("FOO")).isEqualTo("keyless-value");
			// the kubelet rotates the token, the identity now allows only the new account
			server.kubernetesAuth(IDENTITY).allowedNames("api-v2");
			second = server.serviceAccountToken("payments", "api-v2", "infisical", Duration.ofHours(1));
			Files.writeString(tokenFile, second);
			server.secret(PROJECT, "dev", "/", "FOO", "after-relogin");
			server.revokeAllTokens();
			InfisicalSecretsService service = context.getBean(InfisicalSecretsService.class);
			SecretsLocation location = service.getLocations().iterator().next();
			assertThat(service.poll(location)).isNotNull();
			assertThat(service.status().token()).satisfies((token) -> {
				assertThat(token.method()).isEqualTo("kubernetes");
				assertThat(token.logins()).isEqualTo(2);
			});
		}
		assertThat(server.count("POST", KUBERNETES_LOGIN)).isEqualTo(2);
		LeakScan.assertNoLeaks(output, server, "keyless-value", "after-relogin", first, second);
	}

	@Test
	void kubernetesTokenFileMissing(CapturedOutput output) {
		InfisicalTestServer server = infisical.server();
		server.kubernetesAuth(IDENTITY);
		Path missing = this.dir.resolve("absent");
		FailureReport report = fail(output, server, "kubernetes", "--infisical.auth.kubernetes.token-path=" + missing);
		assertThat(report.description()).contains("'" + missing + "'").contains("does not exist");
		assertThat(report.action()).contains("infisical.auth.kubernetes.token-path");
	}

	@Test
	void kubernetesNamespaceNotAllowed(CapturedOutput output) throws IOException {
		InfisicalTestServer server = infisical.server();
		server.kubernetesAuth(IDENTITY).allowedNamespaces("payments");
		String token = server.serviceAccountToken("default", "api", "infisical", Duration.ofHours(1));
		FailureReport report = fail(output, server, "kubernetes",
				"--infisical.auth.kubernetes.token-path=" + write("token", token));
		assertThat(report.description()).contains("answered 401")
			.contains(KUBERNETES_LOGIN)
			.contains("K8s namespace not allowed");
		assertThat(report.action()).contains("Kubernetes Auth");
		LeakScan.assertNoLeaks(output, server, token);
	}

	@Test
	void kubernetesIdentityWithoutKubernetesAuth(CapturedOutput output) throws IOException {
		InfisicalTestServer server = infisical.server();
		String token = server.serviceAccountToken("payments", "api", "infisical", Duration.ofHours(1));
		FailureReport report = fail(output, server, "kubernetes",
				"--infisical.auth.kubernetes.token-path=" + write("token", token));
		assertThat(report.description()).contains("did you configure Kubernetes auth?");
		LeakScan.assertNoLeaks(output, server, token);
	}

	@Test
	void missingIdentityId(CapturedOutput output) {
		FailureReport report = FailureReport.ofFailedStartup(output, infisical.server(), "--infisical.client-id=",
				"--infisical.client-secret=", "--infisical.auth.method=kubernetes");
		assertThat(report.description()).contains("'infisical.auth.identity-id' is not set");
		assertThat(report.action()).contains("Set infisical.auth.identity-id");
	}

	@Test
	void unknownMethod(CapturedOutput output) {
		FailureReport report = FailureReport.ofFailedStartup(output, infisical.server(),
				"--infisical.auth.method=kerberos");
		assertThat(report.description()).contains("infisical.auth.method").contains("kerberos");
		assertThat(report.action()).contains("kubernetes");
	}

	@Test
	void tokenAuthUsesTheTokenAndNeverRevokesIt(CapturedOutput output) {
		InfisicalTestServer server = infisical.server();
		String token = server.createAccessToken(server.defaultIdentity());
		try (ConfigurableApplicationContext context = runRaw(server, "--infisical.auth.method=token",
				"--infisical.auth.access-token=" + token)) {
			assertThat(context.getEnvironment().getProperty("FOO")).isEqualTo("keyless-value");
		}
		assertThat(server.count("POST", "/api/v1/auth/universal-auth/login")).isZero();
		assertThat(server.count("POST", "/api/v1/auth/token/revoke")).isZero();
		LeakScan.assertNoLeaks(output, server, "keyless-value", token);
	}

	@Test
	void tokenAuthWithARevokedToken(CapturedOutput output) {
		InfisicalTestServer server = infisical.server();
		String token = server.createAccessToken(server.defaultIdentity());
		server.revokeAllTokens();
		FailureReport report = FailureReport.ofFailedStartup(output, server, "--infisical.client-id=",
				"--infisical.client-secret=", "--infisical.auth.method=token",
				"--infisical.auth.access-token=" + token);
		assertThat(report.action()).contains("infisical.auth.access-token").contains("create a new token");
		LeakScan.assertNoLeaks(output, server, token);
	}

	@Test
	void jwtFromAFile(CapturedOutput output) throws IOException {
		InfisicalTestServer server = infisical.server();
		server.jwtAuth(IDENTITY)
			.boundIssuer("https://ci.example.com")
			.boundAudiences("infisical")
			.boundSubject("repo:acme/api")
			.boundClaims(Map.of("env", "prod"));
		String jwt = jwt(server, "https://ci.example.com", "infisical", Map.of("env", "prod"));
		try (ConfigurableApplicationContext context = run(server, "jwt",
				"--infisical.auth.jwt.token-path=" + write("jwt", jwt))) {
			assertThat(context.getEnvironment().getProperty("FOO")).isEqualTo("keyless-value");
		}
		LeakScan.assertNoLeaks(output, server, "keyless-value", jwt);
	}

	@Test
	void jwtWithAnAudienceNotAllowed(CapturedOutput output) {
		InfisicalTestServer server = infisical.server();
		server.jwtAuth(IDENTITY).boundAudiences("infisical");
		String jwt = jwt(server, "https://ci.example.com", "someone-else", Map.of());
		FailureReport report = fail(output, server, "jwt", "--infisical.auth.jwt.token=" + jwt);
		assertThat(report.description()).contains("answered 401").contains("/api/v1/auth/jwt-auth/login");
		assertThat(report.action()).contains("JWT Auth");
		LeakScan.assertNoLeaks(output, server, jwt);
	}

	@Test
	void jwtWithAnotherIssuer(CapturedOutput output) {
		InfisicalTestServer server = infisical.server();
		server.jwtAuth(IDENTITY).boundIssuer("https://ci.example.com");
		String jwt = jwt(server, "https://elsewhere.example.com", "infisical", Map.of());
		FailureReport report = fail(output, server, "jwt", "--infisical.auth.jwt.token=" + jwt);
		assertThat(report.description()).contains("403").contains("Access denied: issuer mismatch");
		assertThat(report.action()).contains("JWT Auth");
		LeakScan.assertNoLeaks(output, server, jwt);
	}

	@Test
	void jwtWithoutTokenOrPath(CapturedOutput output) {
		FailureReport report = fail(output, infisical.server(), "jwt");
		assertThat(report.description()).contains("infisical.auth.jwt.token-path");
	}

	@Test
	void oidcFromAProperty(CapturedOutput output) {
		InfisicalTestServer server = infisical.server();
		server.oidcAuth(IDENTITY)
			.boundIssuer("https://token.actions.githubusercontent.com")
			.boundAudiences("infisical");
		String jwt = jwt(server, "https://token.actions.githubusercontent.com", "infisical", Map.of());
		try (ConfigurableApplicationContext context = run(server, "oidc", "--infisical.auth.oidc.token=" + jwt)) {
			assertThat(context.getEnvironment().getProperty("FOO")).isEqualTo("keyless-value");
		}
		LeakScan.assertNoLeaks(output, server, "keyless-value", jwt);
	}

	@Test
	void oidcExpiredToken(CapturedOutput output) {
		InfisicalTestServer server = infisical.server();
		server.oidcAuth(IDENTITY);
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("iss", "https://issuer.example.com");
		claims.put("exp", server.clock().instant().getEpochSecond() - 60);
		String jwt = server.signJwt(claims);
		FailureReport report = fail(output, server, "oidc", "--infisical.auth.oidc.token=" + jwt);
		assertThat(report.description()).contains("answered 401").contains("/api/v1/auth/oidc-auth/login");
		assertThat(report.action()).contains("OIDC Auth");
		LeakScan.assertNoLeaks(output, server, jwt);
	}

	@Test
	void ldap(CapturedOutput output) {
		InfisicalTestServer server = infisical.server();
		server.ldapAuth(IDENTITY).user("svc-api", "ldap-Pa55word");
		try (ConfigurableApplicationContext context = run(server, "ldap", "--infisical.auth.ldap.username=svc-api",
				"--infisical.auth.ldap.password=ldap-Pa55word")) {
			assertThat(context.getEnvironment().getProperty("FOO")).isEqualTo("keyless-value");
		}
		LeakScan.assertNoLeaks(output, server, "keyless-value", "ldap-Pa55word");
	}

	@Test
	void ldapWrongPassword(CapturedOutput output) {
		InfisicalTestServer server = infisical.server();
		server.ldapAuth(IDENTITY).user("svc-api", "ldap-Pa55word");
		FailureReport report = fail(output, server, "ldap", "--infisical.auth.ldap.username=svc-api",
				"--infisical.auth.ldap.password=wrong-Pa55word");
		assertThat(report.description()).contains("answered 401").contains("/api/v1/auth/ldap-auth/login");
		assertThat(report.action()).contains("infisical.auth.ldap.password");
		LeakScan.assertNoLeaks(output, server, "wrong-Pa55word", "ldap-Pa55word");
	}

	@Test
	void applicationsOwnLoginRegisteredInTheBootstrapRegistry(CapturedOutput output) {
		InfisicalTestServer server = infisical.server();
		server.ldapAuth(IDENTITY).user("svc-api", "ldap-Pa55word");
		InfisicalAuthenticationProvider provider = (client) -> () -> client.login("/api/v1/auth/ldap-auth/login",
				Map.of("identityId", IDENTITY, "username", "svc-api", "password", "ldap-Pa55word"),
				"Check the application's own login.");
		List<String> args = new ArrayList<>();
		for (String arg : TestApps.credentials(server)) {
			if (!arg.startsWith("--infisical.client-")) {
				args.add(arg);
			}
		}
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SampleApp.class)
			.web(WebApplicationType.NONE)
			.addBootstrapRegistryInitializer((registry) -> registry.register(InfisicalAuthenticationProvider.class,
					InstanceSupplier.of(provider)))
			.run(args.toArray(String[]::new))) {
			assertThat(context.getEnvironment().getProperty("FOO")).isEqualTo("keyless-value");
		}
		assertThat(server.count("POST", "/api/v1/auth/ldap-auth/login")).isEqualTo(1);
		assertThat(server.count("POST", "/api/v1/auth/universal-auth/login")).isZero();
		LeakScan.assertNoLeaks(output, server, "keyless-value", "ldap-Pa55word");
	}

	private static String jwt(InfisicalTestServer server, String issuer, String audience, Map<String, Object> more) {
		long now = server.clock().instant().getEpochSecond();
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("iss", issuer);
		claims.put("sub", "repo:acme/api");
		claims.put("aud", audience);
		claims.put("iat", now);
		claims.put("exp", now + 600);
		claims.putAll(more);
		return server.signJwt(claims);
	}

	private Path write(String name, String content) throws IOException {
		return Files.writeString(this.dir.resolve(name), content);
	}

	private static String[] args(InfisicalTestServer server, String method, String... extra) {
		List<String> args = new ArrayList<>();
		args.add("--infisical.auth.method=" + method);
		args.add("--infisical.auth.identity-id=" + IDENTITY);
		args.addAll(Arrays.asList(extra));
		return args.toArray(String[]::new);
	}

	private static ConfigurableApplicationContext run(InfisicalTestServer server, String method, String... extra) {
		return runRaw(server, args(server, method, extra));
	}

	private static ConfigurableApplicationContext runRaw(InfisicalTestServer server, String... extra) {
		List<String> args = new ArrayList<>();
		for (String arg : TestApps.credentials(server)) {
			if (!arg.startsWith("--infisical.client-")) {
				args.add(arg);
			}
		}
		args.addAll(Arrays.asList(extra));
		return TestApps.runRaw(args.toArray(String[]::new));
	}

	private static FailureReport fail(CapturedOutput output, InfisicalTestServer server, String method,
			String... extra) {
		List<String> args = new ArrayList<>(List.of("--infisical.client-id=", "--infisical.client-secret="));
		args.addAll(Arrays.asList(args(server, method, extra)));
		return FailureReport.ofFailedStartup(output, server, args.toArray(String[]::new));
	}

}
