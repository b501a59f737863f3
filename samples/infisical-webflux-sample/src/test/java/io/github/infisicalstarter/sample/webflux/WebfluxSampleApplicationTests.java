package io.github.infisicalstarter.sample.webflux;

import io.github.infisicalstarter.testserver.InfisicalTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The sample against the embedded test server: configuration from Infisical, one secret
 * read on demand through the reactive template, and a missing one answered 404.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "infisical.client-id=" + InfisicalTestServer.DEFAULT_CLIENT_ID,
				"infisical.client-secret=" + InfisicalTestServer.DEFAULT_CLIENT_SECRET,
				"infisical.project-id=" + InfisicalTestServer.DEFAULT_PROJECT_ID, "infisical.environment=dev" })
@AutoConfigureWebTestClient
class WebfluxSampleApplicationTests {

	static final InfisicalTestServer server = start();

	@Autowired
	WebTestClient client;

	private static InfisicalTestServer start() {
		InfisicalTestServer server = WebfluxSampleApplication.demoServer();
		// the site URL must be known before the environment is prepared
		System.setProperty("infisical.site-url", server.url());
		return server;
	}

	@AfterAll
	static void stop() {
		System.clearProperty("infisical.site-url");
		server.close();
	}

	@Test
	void greetingComesFromInfisical() {
		this.client.get()
			.uri("/")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.greeting")
			.isEqualTo("Hello from Infisical (demo)");
	}

	@Test
	void secretIsReadOnDemandWithoutItsValue() {
		this.client.get()
			.uri("/secrets/API_KEY")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.key")
			.isEqualTo("API_KEY")
			.jsonPath("$.length")
			.isEqualTo("demo-api-key-value".length())
			.jsonPath("$.value")
			.doesNotExist();
	}

	@Test
	void missingSecretIsNotFound() {
		this.client.get().uri("/secrets/NOPE").exchange().expectStatus().isNotFound();
	}

}
