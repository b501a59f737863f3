package io.github.infisicalstarter.it;

import io.github.infisicalstarter.it.SampleApp.FooHolder;
import io.github.infisicalstarter.testserver.InfisicalTestServer;
import io.github.infisicalstarter.testserver.InfisicalTestServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code spring.config.import=infisical:} entry point.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConfigDataIntegrationTests {

	@RegisterExtension
	static final InfisicalTestServerExtension infisical = new InfisicalTestServerExtension();

	private static final String PROJECT = InfisicalTestServer.DEFAULT_PROJECT_ID;

	@Test
	void importLoadsTheSecretsOnce(CapturedOutput output) {
		InfisicalTestServer server = infisical.server();
		server.secret(PROJECT, "dev", "/", "FOO", "BAR");
		try (ConfigurableApplicationContext context = TestApps.run(server, "--spring.config.import=infisical:",
				"--infisical.token.revoke-on-shutdown=false", "--logging.level.root=DEBUG")) {
			assertThat(context.getBean(FooHolder.class).foo()).isEqualTo("BAR");
			assertThat(server.count("GET", "/api/v4/secrets")).isOne();
			assertThat(server.count("POST", "/api/v1/auth/universal-auth/login")).isOne();
		}
		LeakScan.assertNoLeaks(output, server, "BAR");
	}

	@Test
	void optionalImportWithServerDownStartsWithOneWarning(CapturedOutput output) {
		InfisicalTestServer server = infisical.server();
		server.stop();
		try (ConfigurableApplicationContext context = TestApps.run(server,
				"--spring.config.import=optional:infisical:")) {
			assertThat(context.getBean(FooHolder.class).foo()).isEmpty();
		}
		finally {
			server.restart();
		}
		assertThat(output.getAll()).contains("WARN").contains("could not be reached at " + server.url());
	}

	@Test
	void importLocationCanOverrideEnvironmentAndPath() {
		InfisicalTestServer server = infisical.server();
		server.secret(PROJECT, "prod", "/db", "PASSWORD", "prod-pw");
		try (ConfigurableApplicationContext context = TestApps.run(server,
				"--spring.config.import=infisical:/db?environment=prod&prefix=db.")) {
			assertThat(context.getEnvironment().getProperty("db.PASSWORD")).isEqualTo("prod-pw");
			assertThat(context.getEnvironment().getProperty("db.password")).isEqualTo("prod-pw");
			assertThat(context.getEnvironment()
				.getPropertySources()
				.contains("infisical:" + PROJECT + "/prod/db?prefix=db.")).isTrue();
		}
	}

	@Test
	void environmentFromProfileSpecificFile() {
		InfisicalTestServer server = infisical.server();
		server.secret(PROJECT, "prod", "/", "FOO", "from-prod");
		try (ConfigurableApplicationContext context = TestApps.runRaw("--infisical.site-url=" + server.url(),
				"--infisical.client-id=" + InfisicalTestServer.DEFAULT_CLIENT_ID,
				"--infisical.client-secret=" + InfisicalTestServer.DEFAULT_CLIENT_SECRET,
				"--infisical.project-id=" + PROJECT, "--spring.config.location=classpath:profiles/",
				"--spring.profiles.active=prod", "--infisical.refresh.enabled=false")) {
			assertThat(context.getBean(FooHolder.class).foo()).isEqualTo("from-prod");
		}
	}

}
