package io.github.infisicalstarter.it;

import java.util.ArrayList;
import java.util.List;

import io.github.infisicalstarter.it.SampleApp.DbProperties;
import io.github.infisicalstarter.testserver.InfisicalTestServer;
import io.github.infisicalstarter.testserver.InfisicalTestServerExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's precedence, through every entry point: command line &gt; system properties
 * &gt; OS environment &gt; Infisical &gt; application properties; and a key overridden
 * locally is overridden under its relaxed name too.
 */
class PrecedenceIntegrationTests {

	@RegisterExtension
	static final InfisicalTestServerExtension infisical = new InfisicalTestServerExtension();

	private static final String PROJECT = InfisicalTestServer.DEFAULT_PROJECT_ID;

	/** An OS environment variable every test machine has. */
	private static final String OS_VARIABLE = "PATH";

	enum Door {

		ZERO_CONFIG("infisical:" + PROJECT + "/dev/"),

		CONFIG_IMPORT("infisical:" + PROJECT + "/dev/", "--spring.config.import=infisical:"),

		BOOTSTRAP("bootstrapProperties-infisical:" + PROJECT + "/dev/", "--spring.cloud.bootstrap.enabled=true");

		private final String sourceName;

		private final List<String> args;

		Door(String sourceName, String... args) {
			this.sourceName = sourceName;
			this.args = List.of(args);
		}

	}

	@ParameterizedTest
	@EnumSource(Door.class)
	void localDefinitionsWinAndInfisicalBeatsApplicationProperties(Door door) {
		InfisicalTestServer server = infisical.server();
		for (String key : List.of("FOO", "QUX", "BAZ", OS_VARIABLE)) {
			server.secret(PROJECT, "dev", "/", key, "from-infisical");
		}
		System.setProperty("QUX", "from-system");
		try (ConfigurableApplicationContext context = run(door, "--FOO=from-command-line",
				"--spring.config.location=classpath:precedence.properties")) {
			ConfigurableEnvironment environment = context.getEnvironment();
			assertThat(environment.getPropertySources().contains(door.sourceName)).isTrue();
			assertThat(environment.getProperty("FOO")).isEqualTo("from-command-line");
			assertThat(environment.getProperty("QUX")).isEqualTo("from-system");
			assertThat(environment.getProperty(OS_VARIABLE)).isEqualTo(System.getenv(OS_VARIABLE));
			assertThat(environment.getProperty("BAZ")).isEqualTo("from-infisical");
			assertThat(names(environment)).containsSubsequence("commandLineArgs", "systemProperties",
					"systemEnvironment", door.sourceName);
		}
		finally {
			System.clearProperty("QUX");
		}
	}

	@ParameterizedTest
	@EnumSource(Door.class)
	void overridingAKeyOverridesItsRelaxedNameToo(Door door) {
		InfisicalTestServer server = infisical.server();
		server.secret(PROJECT, "dev", "/", "DB_PASSWORD", "from-infisical")
			.secret(PROJECT, "dev", "/", "DB_USER", "infisical-user");
		System.setProperty("DB_USER", "system-user");
		try (ConfigurableApplicationContext context = run(door, "--DB_PASSWORD=from-command-line")) {
			DbProperties db = context.getBean(DbProperties.class);
			assertThat(db.getPassword()).isEqualTo("from-command-line");
			assertThat(db.getUser()).isEqualTo("system-user");
			assertThat(context.getEnvironment().getProperty("db.password")).isEqualTo("from-command-line");
			assertThat(context.getEnvironment().getProperty("DB_PASSWORD")).isEqualTo("from-command-line");
		}
		finally {
			System.clearProperty("DB_USER");
		}
	}

	private static ConfigurableApplicationContext run(Door door, String... args) {
		List<String> all = new ArrayList<>(door.args);
		all.add("--infisical.token.revoke-on-shutdown=false");
		all.addAll(List.of(args));
		return TestApps.run(infisical.server(), all.toArray(String[]::new));
	}

	private static List<String> names(ConfigurableEnvironment environment) {
		return environment.getPropertySources().stream().map(PropertySource::getName).toList();
	}

}
