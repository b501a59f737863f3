package io.github.infisicalstarter.sample;

import io.github.infisicalstarter.testserver.InfisicalTestServer;
import io.github.infisicalstarter.testserver.spring.InfisicalTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@InfisicalTest
class SecretsFromInfisicalTests {

	@BeforeAll
	static void secrets(InfisicalTestServer infisical) {
		infisical.secret(InfisicalTestServer.DEFAULT_PROJECT_ID, "dev", "/", "GREETING", "Hello from the test server");
	}

	@Autowired
	private Environment environment;

	@Test
	void secretsArriveBeforeBeansAreCreated() {
		assertThat(this.environment.getProperty("GREETING")).isEqualTo("Hello from the test server");
	}

	@Test
	void theTestServerNotApplicationYmlIsUsed(InfisicalTestServer infisical) {
		assertThat(this.environment.getProperty("infisical.site-url")).isEqualTo(infisical.url());
	}

}
