package io.github.infisicalstarter.sample;

import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When demo mode starts, and that it leaves no trace.
 */
class DemoInfisicalTests {

	private static final String[] NO_ARGS = {};

	@Test
	void startsWithoutAnyClientId() {
		assertThat(DemoInfisical.isWanted(Map.of(), new Properties(), NO_ARGS)).isTrue();
		assertThat(DemoInfisical.isWanted(Map.of("INFISICAL_CLIENT_ID", ""), new Properties(), NO_ARGS)).isTrue();
	}

	@Test
	void standsDownForAnEnvironmentVariable() {
		assertThat(DemoInfisical.isWanted(Map.of("INFISICAL_CLIENT_ID", "id"), new Properties(), NO_ARGS)).isFalse();
	}

	@Test
	void standsDownForASystemProperty() {
		Properties system = new Properties();
		system.setProperty("infisical.client-id", "id");
		assertThat(DemoInfisical.isWanted(Map.of(), system, NO_ARGS)).isFalse();
	}

	@Test
	void standsDownForAnArgument() {
		assertThat(DemoInfisical.isWanted(Map.of(), new Properties(), new String[] { "--infisical.client-id=id" }))
			.isFalse();
	}

	@Test
	void closeRemovesTheSystemProperties() {
		DemoInfisical demo = DemoInfisical.start();
		assertThat(System.getProperty("infisical.site-url")).startsWith("http://127.0.0.1:");
		demo.close();
		assertThat(System.getProperties().stringPropertyNames()).noneMatch((name) -> name.startsWith("infisical."));
	}

}
