package io.github.infisicalstarter.it;

import io.github.infisicalstarter.env.InfisicalPropertySource;
import io.github.infisicalstarter.it.SampleApp.DbProperties;
import io.github.infisicalstarter.it.SampleApp.FooHolder;
import io.github.infisicalstarter.testserver.InfisicalTestServer;
import io.github.infisicalstarter.testserver.InfisicalTestServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quick start: the starter plus {@code infisical.*} properties and nothing else.
 */
@ExtendWith(OutputCaptureExtension.class)
class ZeroConfigIntegrationTests {

	@RegisterExtension
	static final InfisicalTestServerExtension infisical = new InfisicalTestServerExtension();

	private static final String PROJECT = InfisicalTestServer.DEFAULT_PROJECT_ID;

	@Test
	void valueInjectionGetsTheSecret(CapturedOutput output) {
		InfisicalTestServer server = infisical.server();
		server.secret(PROJECT, "dev", "/", "FOO", "BAR");
		try (ConfigurableApplicationContext context = TestApps.run(server, "--logging.level.root=DEBUG")) {
			assertThat(context.getBean(FooHolder.class).foo()).isEqualTo("BAR");
		}
		LeakScan.assertNoLeaks(output, server, "BAR");
	}

	@Test
	void startupCostsOneLoginAndOneList() {
		InfisicalTestServer server = infisical.server();
		server.secret(PROJECT, "dev", "/", "FOO", "BAR");
		try (ConfigurableApplicationContext context = TestApps.run(server,
				"--infisical.token.revoke-on-shutdown=false")) {
			assertThat(server.journal()).hasSize(2);
			assertThat(server.count("POST", "/api/v1/auth/universal-auth/login")).isOne();
			assertThat(server.count("GET", "/api/v4/secrets")).isOne();
		}
	}

	@Test
	void envVarStyleKeysBindRelaxed() {
		InfisicalTestServer server = infisical.server();
		server.secret(PROJECT, "dev", "/", "DB_PASSWORD", "s3cr3t-pw").secret(PROJECT, "dev", "/", "DB_USER", "app");
		try (ConfigurableApplicationContext context = TestApps.run(server)) {
			assertThat(context.getBean(DbProperties.class).getPassword()).isEqualTo("s3cr3t-pw");
			assertThat(context.getEnvironment().getProperty("db.user")).isEqualTo("app");
			assertThat(context.getEnvironment().getProperty("DB_USER")).isEqualTo("app");
		}
	}

	@Test
	void relaxedNamesCanBeSwitchedOff() {
		InfisicalTestServer server = infisical.server();
		server.secret(PROJECT, "dev", "/", "DB_PASSWORD", "s3cr3t-pw");
		try (ConfigurableApplicationContext context = TestApps.run(server, "--infisical.relaxed-names=false")) {
			assertThat(context.getEnvironment().getProperty("db.password")).isNull();
			assertThat(context.getEnvironment().getProperty("DB_PASSWORD")).isEqualTo("s3cr3t-pw");
		}
	}

	@Test
	void sourceSitsBelowCommandLineAndSystemPropertiesAndAboveApplicationProperties() {
		InfisicalTestServer server = infisical.server();
		server.secret(PROJECT, "dev", "/", "FOO", "from-infisical")
			.secret(PROJECT, "dev", "/", "BAZ", "from-infisical")
			.secret(PROJECT, "dev", "/", "QUX", "from-infisical");
		System.setProperty("QUX", "from-system");
		try (ConfigurableApplicationContext context = TestApps.run(server, "--FOO=from-command-line",
				"--spring.config.location=classpath:precedence.properties")) {
			ConfigurableEnvironment environment = context.getEnvironment();
			assertThat(environment.getProperty("FOO")).isEqualTo("from-command-line");
			assertThat(environment.getProperty("QUX")).isEqualTo("from-system");
			assertThat(environment.getProperty("BAZ")).isEqualTo("from-infisical");
			assertThat(names(environment)).containsSubsequence("systemEnvironment", "infisical:" + PROJECT + "/dev/",
					"Config resource 'class path resource [precedence.properties]' via location 'classpath:precedence.properties'");
		}
		finally {
			System.clearProperty("QUX");
		}
	}

	@Test
	void nonWebApplicationStaysNonWeb() {
		InfisicalTestServer server = infisical.server();
		server.secret(PROJECT, "dev", "/", "FOO", "BAR");
		SpringApplicationBuilder builder = new SpringApplicationBuilder(SampleApp.class);
		try (ConfigurableApplicationContext context = builder
			.run(TestApps.credentials(server).toArray(String[]::new))) {
			assertThat(builder.application().getWebApplicationType()).isEqualTo(WebApplicationType.NONE);
			assertThat(context).isNotInstanceOf(WebApplicationContext.class);
		}
	}

	@Test
	void propertySourceNeverPrintsValues() {
		InfisicalTestServer server = infisical.server();
		server.secret(PROJECT, "dev", "/", "FOO", "very-secret-value");
		try (ConfigurableApplicationContext context = TestApps.run(server)) {
			PropertySource<?> source = context.getEnvironment()
				.getPropertySources()
				.get("infisical:" + PROJECT + "/dev/");
			assertThat(source).isInstanceOf(InfisicalPropertySource.class);
			assertThat(source.toString()).doesNotContain("very-secret-value");
			assertThat(String.valueOf(source.getSource())).doesNotContain("very-secret-value");
			assertThat(((InfisicalPropertySource) source).getSnapshot().toString()).doesNotContain("very-secret-value");
		}
	}

	private static java.util.List<String> names(ConfigurableEnvironment environment) {
		return environment.getPropertySources().stream().map(PropertySource::getName).toList();
	}

}
