package io.github.infisicalstarter.it;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.github.infisicalstarter.testserver.InfisicalTestServer;
import io.github.infisicalstarter.testserver.InfisicalTestServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter does not bring Spring Cloud (live refresh uses it when the application has
 * it): an application without it on the class path starts and gets its secrets, through
 * the zero-configuration entry point and through {@code spring.config.import}. Each
 * start-up runs in its own JVM, because this module's tests have Spring Cloud.
 */
class WithoutSpringCloudIntegrationTests {

	@RegisterExtension
	static final InfisicalTestServerExtension infisical = new InfisicalTestServerExtension();

	@TempDir
	Path work;

	@Test
	void zeroConfigurationWithoutSpringCloud() throws Exception {
		InfisicalTestServer server = seeded();
		List<String> args = new ArrayList<>(TestApps.credentials(server));
		args.replaceAll(
				(arg) -> arg.startsWith("--infisical.refresh.enabled=") ? "--infisical.refresh.enabled=true" : arg);
		List<String> output = run(args);
		assertThat(output).contains("PLAIN-APP foo-matches=true spring-cloud=false");
		assertThat(server.count("GET", "/api/v4/secrets")).isOne();
		// refresh is on by default but cannot work here: one INFO says what to add
		assertThat(output).filteredOn((line) -> line.contains("refresh needs Spring Cloud Context"))
			.singleElement()
			.satisfies((line) -> assertThat(line).contains(" INFO ")
				.contains("Add org.springframework.cloud:spring-cloud-context"));
	}

	@Test
	void configImportWithoutSpringCloud() throws Exception {
		InfisicalTestServer server = seeded();
		List<String> args = new ArrayList<>(TestApps.credentials(server));
		args.add("--spring.config.import=infisical:");
		List<String> output = run(args);
		assertThat(output).contains("PLAIN-APP foo-matches=true spring-cloud=false");
		assertThat(server.count("GET", "/api/v4/secrets")).isOne();
		// refresh switched off (as the credentials do): no line about it
		assertThat(output).noneMatch((line) -> line.contains("refresh needs Spring Cloud Context"));
	}

	private InfisicalTestServer seeded() {
		InfisicalTestServer server = infisical.server();
		server.secret(InfisicalTestServer.DEFAULT_PROJECT_ID, "dev", "/", "FOO", "plain-value");
		return server;
	}

	private List<String> run(List<String> args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Dexpected=plain-value");
		command.add("-cp");
		command.add(classpathWithoutSpringCloud());
		command.add(PlainApp.class.getName());
		command.addAll(args);
		Path log = this.work.resolve("app.log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the application exits").isTrue();
		List<String> output = Files.readAllLines(log, StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as(String.join("\n", output)).isZero();
		return output;
	}

	private static String classpathWithoutSpringCloud() {
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		List<String> entries = Arrays.asList(classpath.split(File.pathSeparator));
		assertThat(entries).as("the test class path").anyMatch((entry) -> entry.contains("spring-cloud-context"));
		return entries.stream()
			.filter((entry) -> !entry.contains("spring-cloud-") && !entry.contains("spring-security-"))
			.collect(Collectors.joining(File.pathSeparator));
	}

}
