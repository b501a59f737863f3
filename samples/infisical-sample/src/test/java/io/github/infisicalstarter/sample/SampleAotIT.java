package io.github.infisicalstarter.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.infisicalstarter.testserver.InfisicalTestServer;
import io.github.infisicalstarter.testserver.InfisicalTestServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.aot.AotDetector;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample after Spring AOT processing ({@code spring-boot:process-aot}, bound to the
 * build's {@code prepare-package} phase with arguments naming an Infisical that does not
 * exist), run by Failsafe with {@code -Dspring.aot.enabled=true}: the processed
 * application loads its secrets from the test server at run time, through both the
 * zero-configuration door and the ConfigData import, and the build wrote no secret into
 * the generated files.
 */
@ExtendWith(OutputCaptureExtension.class)
class SampleAotIT {

	@RegisterExtension
	static final InfisicalTestServerExtension infisical = new InfisicalTestServerExtension();

	private static final String PROJECT = InfisicalTestServer.DEFAULT_PROJECT_ID;

	private static final String PASSWORD = "aot-run-time-db-password";

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void runsAotProcessed() {
		assertThat(AotDetector.useGeneratedArtifacts()).as("spring.aot.enabled=true").isTrue();
	}

	@Test
	void zeroConfigurationDoorLoadsSecretsAtRunTime(CapturedOutput output) throws Exception {
		seed();
		try (ConfigurableApplicationContext context = SampleApplication.run(false, args())) {
			assertLoaded(context);
		}
		assertThat(output).doesNotContain(PASSWORD).doesNotContain(InfisicalTestServer.DEFAULT_CLIENT_SECRET);
	}

	@Test
	void configDataImportLoadsSecretsAtRunTime(CapturedOutput output) throws Exception {
		seed();
		try (ConfigurableApplicationContext context = SampleApplication.run(false,
				Stream.concat(Stream.of(args()), Stream.of("--spring.config.import=infisical:"))
					.toArray(String[]::new))) {
			assertLoaded(context);
			assertThat(context.getEnvironment().getPropertySources().stream())
				.anySatisfy((source) -> assertThat(source.getName()).startsWith("infisical:"));
		}
		assertThat(output).doesNotContain(PASSWORD).doesNotContain(InfisicalTestServer.DEFAULT_CLIENT_SECRET);
	}

	@Test
	void buildWroteNoSecretIntoGeneratedFiles() throws IOException {
		Path generated = Path.of("target", "spring-aot");
		Path metadata = Path.of("target", "classes", "META-INF", "native-image");
		assertThat(generated.resolve("main/sources/io/github/infisicalstarter/sample")).as("AOT processing ran")
			.isDirectory();
		try (Stream<Path> files = Stream.concat(Files.walk(generated), Files.walk(metadata))) {
			List<Path> all = files.filter(Files::isRegularFile).toList();
			assertThat(all).isNotEmpty()
				.allSatisfy((file) -> assertThat(read(file)).doesNotContain("aot-build-secret-must-not-leak")
					.doesNotContain(DemoInfisical.password(0)));
		}
	}

	private static void seed() {
		infisical.server()
			.secret(PROJECT, "dev", "/", "GREETING", "Hello from the AOT-processed sample")
			.secret(PROJECT, "dev", "/", "APP_MESSAGE", "loaded at run time")
			.secret(PROJECT, "dev", "/", "DB_USER", "aot_user")
			.secret(PROJECT, "dev", "/", "DB_PASSWORD", PASSWORD);
	}

	private static String[] args() {
		return new String[] { "--server.port=0", "--spring.main.banner-mode=off",
				"--infisical.site-url=" + infisical.server().url(),
				"--infisical.client-id=" + InfisicalTestServer.DEFAULT_CLIENT_ID,
				"--infisical.client-secret=" + InfisicalTestServer.DEFAULT_CLIENT_SECRET,
				"--infisical.project-id=" + PROJECT, "--infisical.environment=dev" };
	}

	private void assertLoaded(ConfigurableApplicationContext context) throws Exception {
		assertThat(context.getEnvironment().getProperty("DB_PASSWORD")).isEqualTo(PASSWORD);
		HttpResponse<String> response = this.http.send(HttpRequest
			.newBuilder(
					URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port") + "/"))
			.build(), BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(JsonMapper.shared().readValue(response.body(), Map.class))
			.containsEntry("greeting", "Hello from the AOT-processed sample")
			.containsEntry("appMessage", "loaded at run time")
			.containsEntry("dbUser", "aot_user")
			.containsEntry("dbPassword", "******** (" + PASSWORD.length() + " chars)");
	}

	private static String read(Path file) {
		try {
			return new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
