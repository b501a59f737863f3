package io.github.infisicalstarter.it;

import io.github.infisicalstarter.it.SampleApp.FooHolder;
import io.github.infisicalstarter.it.SampleApp.RefreshedFoo;
import io.github.infisicalstarter.refresh.InfisicalSecretsWatcher;
import io.github.infisicalstarter.testserver.InfisicalTestServer;
import io.github.infisicalstarter.testserver.InfisicalTestServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.PropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spring Cloud bootstrap-context entry point ({@code PropertySourceLocator}).
 */
@ExtendWith(OutputCaptureExtension.class)
class BootstrapIntegrationTests {

	@RegisterExtension
	static final InfisicalTestServerExtension infisical = new InfisicalTestServerExtension();

	private static final String PROJECT = InfisicalTestServer.DEFAULT_PROJECT_ID;

	@Test
	void bootstrapContextLoadsTheSecretsOnce() {
		InfisicalTestServer server = infisical.server();
		server.secret(PROJECT, "dev", "/", "FOO", "BAR");
		try (ConfigurableApplicationContext context = TestApps.runRaw("--spring.cloud.bootstrap.enabled=true",
				"--spring.cloud.bootstrap.name=bootstrap-infisical", "--infisical.site-url=" + server.url())) {
			assertThat(context.getBean(FooHolder.class).foo()).isEqualTo("BAR");
			assertThat(context.getEnvironment().getPropertySources().stream().map(PropertySource::getName))
				.contains("bootstrapProperties-infisical:" + PROJECT + "/dev/");
			assertThat(server.count("GET", "/api/v4/secrets")).isOne();
			assertThat(server.count("POST", "/api/v1/auth/universal-auth/login")).isOne();
		}
	}

	@Test
	void bootstrapContextLoadsWithAnyLoginMethod() {
		InfisicalTestServer server = infisical.server();
		server.secret(PROJECT, "dev", "/", "FOO", "BAR");
		server.ldapAuth("2d8f5c1e-6a3b-4c1d-9e7f-0a1b2c3d4e5f").user("svc-api", "ldap-Pa55word");
		try (ConfigurableApplicationContext context = TestApps.runRaw("--spring.cloud.bootstrap.enabled=true",
				"--spring.cloud.bootstrap.name=bootstrap-infisical-ldap", "--infisical.site-url=" + server.url())) {
			assertThat(context.getBean(FooHolder.class).foo()).isEqualTo("BAR");
			assertThat(context.getEnvironment().getPropertySources().stream().map(PropertySource::getName))
				.contains("bootstrapProperties-infisical:" + PROJECT + "/dev/");
			assertThat(server.count("GET", "/api/v4/secrets")).isOne();
			assertThat(server.count("POST", "/api/v1/auth/ldap-auth/login")).isOne();
			assertThat(server.count("POST", "/api/v1/auth/universal-auth/login")).isZero();
		}
	}

	@Test
	void refreshInBootstrapModeReusesTheTokenAndTheFetchedChange() {
		InfisicalTestServer server = infisical.server();
		server.secret(PROJECT, "dev", "/", "FOO", "BAR");
		try (ConfigurableApplicationContext context = TestApps.runRaw("--spring.cloud.bootstrap.enabled=true",
				"--spring.cloud.bootstrap.name=bootstrap-infisical", "--infisical.site-url=" + server.url(),
				"--infisical.refresh.enabled=true", "--infisical.refresh.interval=1h",
				"--infisical.token.revoke-on-shutdown=true")) {
			InfisicalSecretsWatcher watcher = context.getBean(InfisicalSecretsWatcher.class);
			server.secret(PROJECT, "dev", "/", "FOO", "rotated");
			server.clearJournal();
			assertThat(watcher.pollNow()).isTrue();
			assertThat(context.getBean(RefreshedFoo.class).foo()).isEqualTo("rotated");
			assertThat(server.journal()).singleElement()
				.satisfies((request) -> assertThat(request.path()).isEqualTo("/api/v4/secrets"));
		}
		assertThat(server.count("POST", "/api/v1/auth/token/revoke")).isOne();
	}

	@Test
	void bootstrapModeWithPropertiesOutsideBootstrapFilesLoadsOnce() {
		InfisicalTestServer server = infisical.server();
		server.secret(PROJECT, "dev", "/", "FOO", "BAR");
		try (ConfigurableApplicationContext context = TestApps.run(server, "--spring.cloud.bootstrap.enabled=true",
				"--infisical.token.revoke-on-shutdown=false")) {
			assertThat(context.getBean(FooHolder.class).foo()).isEqualTo("BAR");
			assertThat(server.count("GET", "/api/v4/secrets")).isOne();
		}
	}

	@Test
	void bootstrapAndImportTogetherStillLoadOnce() {
		InfisicalTestServer server = infisical.server();
		server.secret(PROJECT, "dev", "/", "FOO", "BAR");
		try (ConfigurableApplicationContext context = TestApps.run(server, "--spring.cloud.bootstrap.enabled=true",
				"--spring.config.import=infisical:", "--infisical.token.revoke-on-shutdown=false")) {
			assertThat(context.getBean(FooHolder.class).foo()).isEqualTo("BAR");
			assertThat(server.count("GET", "/api/v4/secrets")).isOne();
		}
	}

	@Test
	void bootstrapDoorRefusesAotWithAClearMessage(CapturedOutput output) {
		InfisicalTestServer server = infisical.server();
		System.setProperty("spring.aot.processing", "true");
		try {
			FailureReport report = FailureReport.ofFailedStartup(output, server,
					"--spring.cloud.bootstrap.enabled=true", "--spring.cloud.bootstrap.name=bootstrap-infisical");
			assertThat(report.description()).contains("Spring Cloud's bootstrap context under Spring AOT");
			assertThat(report.action()).contains("spring.config.import=infisical:")
				.contains("spring.cloud.bootstrap.enabled=false");
		}
		finally {
			System.clearProperty("spring.aot.processing");
		}
		assertThat(server.journal()).as("nothing contacted Infisical").isEmpty();
	}

}
