package io.github.infisicalstarter.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.infisicalstarter.it.SampleApp.DbProperties;
import io.github.infisicalstarter.it.SampleApp.RefreshedFoo;
import io.github.infisicalstarter.testserver.InfisicalTestServer;
import io.github.infisicalstarter.testserver.InfisicalTestServerExtension;
import io.github.infisicalstarter.testserver.WebhookDelivery;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhooks end to end, in a Spring MVC and in a WebFlux application with polling
 * effectively off (one poll an hour): the test server sends Infisical's signed
 * {@code secrets.modified} webhook after a change, and the value reaches a
 * {@code @RefreshScope} bean and {@code @ConfigurationProperties}; a burst of webhooks
 * costs one re-read; forged, stale and oversized deliveries are refused with one WARN
 * each, and nothing secret reaches the output.
 */
@Tag("web")
@ExtendWith(OutputCaptureExtension.class)
class WebhookIntegrationTests {

	@RegisterExtension
	static final InfisicalTestServerExtension infisical = new InfisicalTestServerExtension();

	private static final String PROJECT = InfisicalTestServer.DEFAULT_PROJECT_ID;

	private static final String HOOK_SECRET = "hook-secret-7f3a9c";

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final String LIST = "/api/v4/secrets";

	private static final int BURST = 10;

	private final HttpClient http = HttpClient.newHttpClient();

	@ParameterizedTest
	@EnumSource(value = WebApplicationType.class, names = { "SERVLET", "REACTIVE" })
	void aWebhookRefreshesTheApplicationAndABurstCostsOneRead(WebApplicationType type, CapturedOutput output)
			throws Exception {
		InfisicalTestServer server = seed();
		try (ConfigurableApplicationContext context = run(type, server)) {
			server.webhook(PROJECT, "dev", "/**", url(context, "/infisical/webhook"), HOOK_SECRET);
			server.clearJournal();
			server.secret(PROJECT, "dev", "/", "FOO", "rotated-foo");
			await().atMost(WAIT).until(() -> context.getBean(RefreshedFoo.class).foo().equals("rotated-foo"));
			assertThat(server.webhookDeliveries()).singleElement().extracting(WebhookDelivery::status).isEqualTo(202);
			awaitQuiet();
			assertThat(server.count("GET", LIST)).as(server.journal().toString()).isOne();

			server.clearJournal();
			for (int i = 0; i < BURST; i++) {
				server.secret(PROJECT, "dev", "/", "DB_PASSWORD", "burst-password-" + i);
			}
			await().atMost(WAIT).until(() -> server.webhookDeliveries().size() == 1 + BURST);
			await().atMost(WAIT)
				.until(() -> context.getBean(DbProperties.class).getPassword().equals("burst-password-" + (BURST - 1)));
			awaitQuiet();
			assertThat(server.webhookDeliveries()).extracting(WebhookDelivery::status).containsOnly(202);
			assertThat(server.count("GET", LIST)).as("one re-read for a burst of " + BURST + " webhooks").isOne();
		}
		LeakScan.assertNoLeaks(output, server, HOOK_SECRET, "initial-foo", "rotated-foo", "burst-password-");
	}

	@ParameterizedTest
	@EnumSource(value = WebApplicationType.class, names = { "SERVLET", "REACTIVE" })
	void forgedStaleAndOversizedDeliveriesAreRefused(WebApplicationType type, CapturedOutput output) throws Exception {
		InfisicalTestServer server = seed();
		try (ConfigurableApplicationContext context = run(type, server)) {
			String url = url(context, "/infisical/webhook");
			server.clearJournal();
			byte[] body = payload("secrets.modified", Instant.now());
			long now = Instant.now().toEpochMilli();
			List<HttpResponse<String>> refused = new ArrayList<>();
			refused.add(post(url, body, null));
			refused.add(post(url, body, InfisicalTestServer.webhookSignature("wrong-key", body, now)));
			refused.add(post(url, body, "t=" + now + ";not-hex"));
			byte[] tampered = new String(body, StandardCharsets.UTF_8).replace(PROJECT, "other")
				.getBytes(StandardCharsets.UTF_8);
			refused.add(post(url, tampered, InfisicalTestServer.webhookSignature(HOOK_SECRET, body, now)));
			long stale = now - Duration.ofMinutes(6).toMillis();
			refused.add(post(url, body, InfisicalTestServer.webhookSignature(HOOK_SECRET, body, stale)));
			assertThat(refused).allSatisfy((response) -> {
				assertThat(response.statusCode()).isEqualTo(401);
				assertThat(response.body()).isEmpty();
			});
			byte[] oversized = new byte[17 * 1024];
			java.util.Arrays.fill(oversized, (byte) 'x');
			HttpResponse<String> tooLarge = post(url, oversized,
					InfisicalTestServer.webhookSignature(HOOK_SECRET, oversized, now));
			assertThat(tooLarge.statusCode()).isEqualTo(413);

			byte[] test = payload("test", Instant.now());
			assertThat(post(url, test, InfisicalTestServer.webhookSignature(HOOK_SECRET, test, now)).statusCode())
				.isEqualTo(200);
			byte[] other = payload("secrets.reminder-expired", Instant.now());
			assertThat(post(url, other, InfisicalTestServer.webhookSignature(HOOK_SECRET, other, now)).statusCode())
				.isEqualTo(200);
			awaitQuiet();
			assertThat(server.count("GET", LIST)).as("refused and no-op deliveries cause no read").isZero();
		}
		String all = output.getAll();
		assertThat(all.lines().filter((line) -> line.contains("Refused an Infisical webhook"))).hasSize(6)
			.allSatisfy((line) -> assertThat(line).contains("WARN"));
		assertThat(all).doesNotContain("not-hex").doesNotContain("xxxxxxxx").doesNotContain("\"event\"");
		LeakScan.assertNoLeaks(output, server, HOOK_SECRET, "initial-foo");
	}

	private static byte[] payload(String event, Instant timestamp) {
		return ("{\"event\":\"" + event + "\",\"project\":{\"workspaceId\":\"" + PROJECT + "\",\"projectId\":\""
				+ PROJECT + "\",\"environment\":\"dev\",\"secretPath\":\"/\"},\"timestamp\":" + timestamp.toEpochMilli()
				+ "}")
			.getBytes(StandardCharsets.UTF_8);
	}

	private HttpResponse<String> post(String url, byte[] body, String signature) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (signature != null) {
			request.header("x-infisical-signature", signature);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Long enough for a second (wrong) re-read to show: several notice windows.
	 */
	private static void awaitQuiet() throws InterruptedException {
		Thread.sleep(1000);
	}

	private static String url(ConfigurableApplicationContext context, String path) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return "http://127.0.0.1:" + port + path;
	}

	private static InfisicalTestServer seed() {
		InfisicalTestServer server = infisical.server();
		server.secret(PROJECT, "dev", "/", "FOO", "initial-foo")
			.secret(PROJECT, "dev", "/", "DB_PASSWORD", "initial-password");
		return server;
	}

	private static ConfigurableApplicationContext run(WebApplicationType type, InfisicalTestServer server) {
		List<String> args = new ArrayList<>(TestApps.credentials(server));
		args.addAll(List.of("--infisical.refresh.enabled=true", "--infisical.refresh.interval=1h",
				"--infisical.refresh.jitter=0s", "--infisical.refresh.notice-window=300ms",
				"--infisical.webhook.secret=" + HOOK_SECRET, "--server.port=0", "--server.address=127.0.0.1"));
		args.removeIf((arg) -> arg.equals("--infisical.refresh.enabled=false"));
		return new org.springframework.boot.builder.SpringApplicationBuilder(SampleApp.class).web(type)
			.run(args.toArray(String[]::new));
	}

}
