package io.github.infisicalstarter.it;

import java.util.ArrayList;
import java.util.List;

import io.github.infisicalstarter.testserver.InfisicalTestServer;
import io.github.infisicalstarter.testserver.InfisicalTestServerExtension;
import io.github.infisicalstarter.testserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Infisical-native selection: several locations, folders, imports, references, tags,
 * filters and prefixes, and what they cost in requests.
 */
@ExtendWith(OutputCaptureExtension.class)
class LocationsIntegrationTests {

	@RegisterExtension
	static final InfisicalTestServerExtension infisical = new InfisicalTestServerExtension();

	private static final String PROJECT = InfisicalTestServer.DEFAULT_PROJECT_ID;

	private static final String OTHER_PROJECT = "other-project";

	private static final String LOGIN = "/api/v1/auth/universal-auth/login";

	@Test
	void severalImportsEachBecomeASourceAndALaterImportWins(CapturedOutput output) {
		InfisicalTestServer server = infisical.server();
		server.secret(PROJECT, "dev", "/", "SHARED_KEY", "from-dev-root")
			.secret(PROJECT, "dev", "/", "ONLY_DEV", "dev-value")
			.secret(PROJECT, "prod", "/db", "PASSWORD", "prod-db-password")
			.secret(PROJECT, "dev", "/shared", "SHARED_KEY", "from-dev-shared");
		try (ConfigurableApplicationContext context = TestApps.run(server,
				"--spring.config.import=infisical:,infisical:/db?environment=prod&prefix=db.,optional:infisical:/shared",
				"--infisical.token.revoke-on-shutdown=false")) {
			ConfigurableEnvironment environment = context.getEnvironment();
			assertThat(environment.getProperty("ONLY_DEV")).isEqualTo("dev-value");
			assertThat(environment.getProperty("db.password")).isEqualTo("prod-db-password");
			assertThat(environment.getProperty("SHARED_KEY")).isEqualTo("from-dev-shared");
			assertThat(infisicalSources(environment)).containsExactly("infisical:" + PROJECT + "/dev/shared",
					"infisical:" + PROJECT + "/prod/db?prefix=db.", "infisical:" + PROJECT + "/dev/");
			assertThat(server.journal()).hasSize(4);
			assertThat(server.count("POST", LOGIN)).isOne();
		}
		LeakScan.assertNoLeaks(output, server, "dev-value", "prod-db-password", "from-dev-shared");
	}

	@Test
	void locationsListForTheZeroConfigurationEntryPoint() {
		InfisicalTestServer server = infisical.server();
		server.secret(PROJECT, "dev", "/", "KEY", "first").secret(OTHER_PROJECT, "prod", "/", "KEY", "second");
		try (ConfigurableApplicationContext context = TestApps.run(server, "--infisical.locations[0].secret-path=/",
				"--infisical.locations[1].project-id=" + OTHER_PROJECT, "--infisical.locations[1].environment=prod",
				"--infisical.locations[2].secret-path=/missing", "--infisical.locations[2].optional=true",
				"--infisical.token.revoke-on-shutdown=false")) {
			ConfigurableEnvironment environment = context.getEnvironment();
			assertThat(environment.getProperty("KEY")).isEqualTo("second");
			assertThat(infisicalSources(environment)).containsExactly("infisical:" + PROJECT + "/dev/missing",
					"infisical:" + OTHER_PROJECT + "/prod/", "infisical:" + PROJECT + "/dev/");
			assertThat(server.journal()).hasSize(4);
		}
	}

	@Test
	void missingFolderFailsUnlessOptional() {
		InfisicalTestServer server = infisical.server();
		assertThatException()
			.isThrownBy(() -> TestApps.run(server, "--spring.config.import=infisical:/missing").close());
		try (ConfigurableApplicationContext context = TestApps.run(server,
				"--spring.config.import=optional:infisical:/missing")) {
			assertThat(context.getEnvironment().getProperty("ANY")).isNull();
		}
	}

	@Test
	void requestCountIsOneLoginPlusOneListPerLocation() {
		InfisicalTestServer server = infisical.server();
		for (int locations : new int[] { 1, 3, 10 }) {
			server.reset();
			List<String> args = new ArrayList<>(List.of("--infisical.token.revoke-on-shutdown=false"));
			for (int i = 0; i < locations; i++) {
				server.secret(PROJECT, "dev", "/f" + i, "K" + i, "v" + i);
				args.add("--infisical.locations[" + i + "].secret-path=/f" + i);
			}
			try (ConfigurableApplicationContext context = TestApps.run(server, args.toArray(String[]::new))) {
				assertThat(context.getEnvironment().getProperty("K" + (locations - 1)))
					.isEqualTo("v" + (locations - 1));
				assertThat(server.journal()).as("requests for %d locations", locations).hasSize(locations + 1);
				assertThat(server.count("POST", LOGIN)).isOne();
			}
		}
	}

	@Test
	void recursiveFoldersDeeperWinsAndWarnsWithoutValues(CapturedOutput output) {
		InfisicalTestServer server = infisical.server();
		server.secret(PROJECT, "dev", "/app", "PASSWORD", "shallow-pw")
			.secret(PROJECT, "dev", "/app/db", "PASSWORD", "deep-pw")
			.secret(PROJECT, "dev", "/app/db", "URL", "deep-url");
		try (ConfigurableApplicationContext context = TestApps.run(server, "--infisical.secret-path=/app",
				"--infisical.recursive=true")) {
			assertThat(context.getEnvironment().getProperty("PASSWORD")).isEqualTo("deep-pw");
		}
		assertThat(output.getAll()).contains("'PASSWORD' exists in both '/app' and '/app/db'");
		LeakScan.assertNoLeaks(output, server, "shallow-pw", "deep-pw", "deep-url");
	}

	@Test
	void pathAsPrefixKeepsEveryFolder() {
		InfisicalTestServer server = infisical.server();
		server.secret(PROJECT, "dev", "/", "PASSWORD", "root-pw").secret(PROJECT, "dev", "/db", "PASSWORD", "db-pw");
		try (ConfigurableApplicationContext context = TestApps.run(server, "--infisical.recursive=true",
				"--infisical.path-as-prefix=true")) {
			assertThat(context.getEnvironment().getProperty("PASSWORD")).isEqualTo("root-pw");
			assertThat(context.getEnvironment().getProperty("db.password")).isEqualTo("db-pw");
		}
	}

	@Test
	void importsMergeLikeInfisicalClientsIncludingImportsOfImports() {
		InfisicalTestServer server = infisical.server();
		server.secret(PROJECT, "dev", "/", "LOCAL", "local-wins")
			.secret(PROJECT, "prod", "/shared", "LOCAL", "imported-loses")
			.secret(PROJECT, "prod", "/shared", "FROM_FIRST", "first")
			.secret(PROJECT, "prod", "/shared", "OVERRIDDEN", "first")
			.secret(PROJECT, "staging", "/base", "NESTED", "nested-import")
			.secret(PROJECT, "staging", "/later", "OVERRIDDEN", "later")
			.secretImport(PROJECT, "prod", "/shared", "staging", "/base")
			.secretImport(PROJECT, "dev", "/", "prod", "/shared")
			.secretImport(PROJECT, "dev", "/", "staging", "/later");
		try (ConfigurableApplicationContext context = TestApps.run(server)) {
			ConfigurableEnvironment environment = context.getEnvironment();
			assertThat(environment.getProperty("LOCAL")).isEqualTo("local-wins");
			assertThat(environment.getProperty("FROM_FIRST")).isEqualTo("first");
			assertThat(environment.getProperty("OVERRIDDEN")).isEqualTo("later");
			assertThat(environment.getProperty("NESTED")).isEqualTo("nested-import");
		}
		RecordedRequest list = server.journal()
			.stream()
			.filter((r) -> r.path().equals("/api/v4/secrets"))
			.findFirst()
			.orElseThrow();
		assertThat(list.query()).containsEntry("include_imports", "true").doesNotContainKey("includeImports");
	}

	@Test
	void importsCanBeSwitchedOff() {
		InfisicalTestServer server = infisical.server();
		server.secret(PROJECT, "prod", "/shared", "IMPORTED", "x").secretImport(PROJECT, "dev", "/", "prod", "/shared");
		try (ConfigurableApplicationContext context = TestApps.run(server, "--infisical.include-imports=false")) {
			assertThat(context.getEnvironment().getProperty("IMPORTED")).isNull();
		}
	}

	@Test
	void referencesAreExpandedAcrossEnvironmentsAndFolders(CapturedOutput output) {
		InfisicalTestServer server = infisical.server();
		server.secret(PROJECT, "dev", "/", "HOST", "db.internal")
			.secret(PROJECT, "prod", "/", "PORT", "5432")
			.secret(PROJECT, "prod", "/db", "NAME", "orders")
			.secret(PROJECT, "dev", "/", "URL", "jdbc:postgresql://${HOST}:${prod.PORT}/${prod.db.NAME}")
			.secret(PROJECT, "dev", "/", "BROKEN", "x-${NOPE}-y");
		try (ConfigurableApplicationContext context = TestApps.run(server)) {
			assertThat(context.getEnvironment().getProperty("URL"))
				.isEqualTo("jdbc:postgresql://db.internal:5432/orders");
			assertThat(context.getEnvironment().getProperty("infisical.raw")).isNull();
		}
		assertThat(output.getAll()).contains("Infisical secret 'BROKEN'").contains("could not resolve");
		assertThat(output.getAll()).doesNotContain("x-${NOPE}-y");
	}

	@Test
	void forbiddenReferenceFailsNamingTheReferencedSecret(CapturedOutput output) {
		InfisicalTestServer server = infisical.server();
		server.secret(PROJECT, "prod", "/vault", "ROOT_KEY", "never-shown")
			.secret(PROJECT, "dev", "/", "USES", "${prod.vault.ROOT_KEY}")
			.denyPath(InfisicalTestServer.DEFAULT_CLIENT_ID, PROJECT, "prod", "/vault");
		assertThatException().isThrownBy(() -> TestApps.run(server).close());
		assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
			.contains("'ROOT_KEY'")
			.contains("infisical.expand-references=false");
		LeakScan.assertNoLeaks(output, server, "never-shown");
	}

	@Test
	void tagsIncludeExcludeAndPrefix() {
		InfisicalTestServer server = infisical.server();
		server.secret(PROJECT, "dev", "/", "API_KEY", "a", "backend")
			.secret(PROJECT, "dev", "/", "API_SECRET", "b", "backend")
			.secret(PROJECT, "dev", "/", "UI_KEY", "c", "frontend")
			.secret(PROJECT, "dev", "/", "API_DEBUG", "d", "backend");
		try (ConfigurableApplicationContext context = TestApps.run(server, "--infisical.tags=backend",
				"--infisical.include=API_*", "--infisical.exclude=*_DEBUG", "--infisical.prefix=svc.")) {
			ConfigurableEnvironment environment = context.getEnvironment();
			assertThat(environment.getProperty("svc.API_KEY")).isEqualTo("a");
			assertThat(environment.getProperty("svc.api.secret")).isEqualTo("b");
			assertThat(environment.getProperty("svc.UI_KEY")).isNull();
			assertThat(environment.getProperty("svc.API_DEBUG")).isNull();
			assertThat(environment.getProperty("API_KEY")).isNull();
		}
		assertThat(server.journal()
			.stream()
			.filter((r) -> r.path().equals("/api/v4/secrets"))
			.findFirst()
			.orElseThrow()
			.query()).containsEntry("tagSlugs", "backend");
	}

	@Test
	void emptyPrefixKeepsKeysAsStored() {
		InfisicalTestServer server = infisical.server();
		server.secret(PROJECT, "dev", "/", "KEY", "v");
		try (ConfigurableApplicationContext context = TestApps.run(server,
				"--spring.config.import=infisical:?prefix=")) {
			assertThat(context.getEnvironment().getProperty("KEY")).isEqualTo("v");
		}
	}

	private static List<String> infisicalSources(ConfigurableEnvironment environment) {
		return environment.getPropertySources()
			.stream()
			.map(PropertySource::getName)
			.filter((name) -> name.startsWith("infisical:"))
			.toList();
	}

}
