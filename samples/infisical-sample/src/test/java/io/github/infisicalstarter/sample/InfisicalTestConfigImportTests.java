package io.github.infisicalstarter.sample;

import io.github.infisicalstarter.testserver.InfisicalTestServer;
import io.github.infisicalstarter.testserver.spring.InfisicalTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link InfisicalTest} also serves the {@code spring.config.import} door, whose loader
 * runs inside config data processing: the test server's properties are in place before
 * it.
 */
@SpringBootTest(properties = "spring.config.import=infisical:/imported")
@InfisicalTest
class InfisicalTestConfigImportTests {

	@BeforeAll
	static void secrets(InfisicalTestServer infisical) {
		infisical.secret(InfisicalTestServer.DEFAULT_PROJECT_ID, "dev", "/imported", "IMPORTED_KEY", "from the import");
	}

	@Test
	void importedLocationIsReadFromTheTestServer(@Autowired Environment environment, InfisicalTestServer infisical) {
		assertThat(environment.getProperty("IMPORTED_KEY")).isEqualTo("from the import");
		assertThat(infisical.journal()).anySatisfy((request) -> {
			assertThat(request.path()).isEqualTo("/api/v4/secrets");
			assertThat(request.query("secretPath")).isEqualTo("/imported");
		});
	}

}
