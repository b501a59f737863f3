package io.github.infisicalstarter.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's testing examples are these tests, word for word (without the package
 * line), so what users copy is what the build runs.
 */
class ReadmeExamplesTests {

	private static final Path SOURCES = Path.of("src/test/java/io/github/infisicalstarter/sample");

	@Test
	void springBootTestExampleIsInTheReadme() throws IOException {
		assertThat(readme()).contains(example("SecretsFromInfisicalTests.java"));
	}

	@Test
	void contextRunnerExampleIsInTheReadme() throws IOException {
		assertThat(readme()).contains(example("GreetingRunnerTests.java"));
	}

	private static String readme() throws IOException {
		return Files.readString(Path.of("../../README.md"));
	}

	private static String example(String file) throws IOException {
		String source = Files.readString(SOURCES.resolve(file));
		return "```java\n" + source.substring(source.indexOf("\n\n") + 2).stripTrailing() + "\n```";
	}

}
