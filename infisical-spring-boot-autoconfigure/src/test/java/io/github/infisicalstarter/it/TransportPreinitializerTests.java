package io.github.infisicalstarter.it;

import io.github.infisicalstarter.client.TransportPreinitializer;
import io.github.infisicalstarter.it.OptionalLibrariesIntegrationTests.RecordingClassLoader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TransportPreinitializer}: in a class loader of its own, which records
 * what it is asked for, it loads what the first login needs (the JDK's own HTTP classes
 * come from the boot loader, out of sight here) without sending anything.
 */
class TransportPreinitializerTests {

	@Test
	void loadsTheClassesOfTheFirstLogin() throws Exception {
		try (RecordingClassLoader loader = new RecordingClassLoader(OptionalLibrariesIntegrationTests.classPath())) {
			// nothing listens on 127.0.0.1:80 in a test: a connection attempt would fail
			loader.loadClass(TransportPreinitializer.class.getName()).getMethod("run").invoke(null);
			assertThat(loader.requested).contains("tools.jackson.core.json.UTF8StreamJsonParser",
					"org.springframework.http.HttpHeaders", "org.springframework.http.MediaType",
					"org.springframework.util.LinkedCaseInsensitiveMap");
		}
	}

}
