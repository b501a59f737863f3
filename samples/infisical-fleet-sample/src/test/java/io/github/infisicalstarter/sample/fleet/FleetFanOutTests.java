package io.github.infisicalstarter.sample.fleet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.infisicalstarter.sample.fleet.FleetApplication.Greeting;
import io.github.infisicalstarter.testserver.InfisicalTestServer;
import io.github.infisicalstarter.testserver.WebhookDelivery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three instances of the fleet application in one JVM, on random ports, sharing a real
 * Kafka broker (embedded, KRaft): the test server sends Infisical's signed webhook to ONE
 * instance, Spring Cloud Bus carries the news, and all three see the new value, each
 * after exactly one read.
 */
@ExtendWith(OutputCaptureExtension.class)
class FleetFanOutTests {

	private static final int INSTANCES = 3;

	private static final String PROJECT = InfisicalTestServer.DEFAULT_PROJECT_ID;

	private static final String HOOK_SECRET = "fleet-hook-secret-51c0";

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static EmbeddedKafkaKraftBroker kafka;

	private static InfisicalTestServer server;

	private static final List<ConfigurableApplicationContext> fleet = new ArrayList<>();

	@BeforeAll
	static void startFleet() {
		kafka = new EmbeddedKafkaKraftBroker(1, 1, "springCloudBus");
		kafka.afterPropertiesSet();
		server = InfisicalTestServer.start();
		server.secret(PROJECT, "dev", "/", "GREETING", "hello-0");
		server.secret("other-project", "dev", "/", "UNRELATED", "u");
		for (int i = 0; i < INSTANCES; i++) {
			fleet.add(new SpringApplicationBuilder(FleetApplication.class).run(arguments(i)));
		}
	}

	@AfterAll
	static void stopFleet() {
		fleet.forEach(ConfigurableApplicationContext::close);
		if (server != null) {
			server.close();
		}
		if (kafka != null) {
			kafka.destroy();
		}
	}

	@Test
	void oneWebhookToOneInstanceRefreshesTheFleetWithOneReadEach(CapturedOutput output) {
		server.webhook(PROJECT, "dev", "/**", url(fleet.get(0)), HOOK_SECRET);
		for (int rotation = 1; rotation <= 3; rotation++) {
			String value = "hello-" + rotation;
			server.clearJournal();
			server.secret(PROJECT, "dev", "/", "GREETING", value);
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(fleet)
					.allSatisfy((instance) -> assertThat(instance.getBean(Greeting.class).text()).isEqualTo(value)));
			quiet();
			// every instance had to read to see the value; the sum shows it read once
			assertThat(server.count("GET", "/api/v4/secrets")).as(server.journal().toString()).isEqualTo(INSTANCES);
		}
		assertThat(server.webhookDeliveries()).hasSize(3).extracting(WebhookDelivery::status).containsOnly(202);

		// a change in a project no instance loads costs nothing
		server.webhook("other-project", "dev", "/**", url(fleet.get(1)), HOOK_SECRET);
		server.clearJournal();
		server.secret("other-project", "dev", "/", "UNRELATED", "v");
		await().atMost(WAIT).until(() -> server.webhookDeliveries().size() == 4);
		quiet();
		assertThat(server.count("GET", "/api/v4/secrets")).isZero();

		String all = output.getAll();
		for (String secret : List.of(HOOK_SECRET, "hello-1", "hello-2", "hello-3",
				InfisicalTestServer.DEFAULT_CLIENT_SECRET)) {
			assertThat(all).doesNotContain(secret);
		}
		server.issuedTokens().forEach((token) -> assertThat(all).doesNotContain(token));
	}

	private static void quiet() {
		try {
			Thread.sleep(1500);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static String url(ConfigurableApplicationContext context) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return "http://127.0.0.1:" + port + "/infisical/webhook";
	}

	private static String[] arguments(int index) {
		return new String[] { "--infisical.site-url=" + server.url(),
				"--infisical.client-id=" + InfisicalTestServer.DEFAULT_CLIENT_ID,
				"--infisical.client-secret=" + InfisicalTestServer.DEFAULT_CLIENT_SECRET,
				"--infisical.project-id=" + PROJECT, "--infisical.environment=dev", "--infisical.refresh.interval=1h",
				"--infisical.refresh.jitter=0s", "--infisical.webhook.secret=" + HOOK_SECRET, "--server.port=0",
				"--server.address=127.0.0.1", "--spring.cloud.bus.id=fleet:" + index,
				"--spring.cloud.stream.kafka.binder.brokers=" + kafka.getBrokersAsString(),
				// a fresh topic: read it from the start, so no event is lost while a
				// consumer joins
				"--spring.cloud.stream.kafka.bindings.springCloudBusInput.consumer.start-offset=earliest",
				"--spring.main.banner-mode=off", "--logging.level.io.github.infisicalstarter=DEBUG" };
	}

}
