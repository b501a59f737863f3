package io.github.infisicalstarter.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the sample in demo mode on a random port, as {@code main} does without
 * credentials, and checks it over HTTP.
 */
@ExtendWith(OutputCaptureExtension.class)
class SampleApplicationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	private ConfigurableApplicationContext context;

	@BeforeEach
	void start() {
		this.context = SampleApplication.run(true, "--server.port=0", "--spring.main.banner-mode=off");
	}

	@AfterEach
	void stop() {
		this.context.close();
	}

	@Test
	void theStarterBringsNoHttpClientAutoConfigurationOfBoot() {
		// the sample's only HTTP-related dependencies are the starter and webmvc: had the
		// starter brought spring-boot-http-client, its auto-configurations would add
		// their beans (and start-up time) to every application
		assertThat(ClassUtils.isPresent("org.springframework.boot.http.client.HttpClientSettings", null)).isFalse();
		assertThat(this.context.getBeanNamesForType(Object.class))
			.noneMatch((name) -> name.contains("org.springframework.boot.http.client"));
	}

	@Test
	void showsSecretsWithThePasswordMasked(CapturedOutput output) throws Exception {
		HttpResponse<String> response = get("/");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response)).containsEntry("greeting", DemoInfisical.GREETING)
			.containsEntry("appMessage", DemoInfisical.APP_MESSAGE)
			.containsEntry("dbUser", DemoInfisical.DB_USER)
			.containsEntry("dbPassword", "******** (16 chars)");
		assertThat(response.body()).doesNotContain(DemoInfisical.password(0));
		assertThat(output).containsOnlyOnce("Demo mode: no Infisical credentials set")
			.contains("Secrets injected: GREETING='" + DemoInfisical.GREETING + "'")
			.contains("db.password=******** (16 chars)");
		this.context.close();
		assertThat(output).doesNotContain(DemoInfisical.password(0));
	}

	@Test
	void staysAServletWebApplication() {
		assertThat(this.context).isInstanceOf(ServletWebServerApplicationContext.class);
		assertThat(new SpringApplication(SampleApplication.class).getWebApplicationType())
			.isEqualTo(WebApplicationType.SERVLET);
	}

	@Test
	void rotatedSecretsShowWithoutRestart(CapturedOutput output) throws Exception {
		Map<String, Object> rotated = json(post("/demo/rotate"));
		String message = (String) rotated.get("appMessage");
		assertThat(message).startsWith("Rotated 1 time(s)");
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(json(get("/"))).containsEntry("appMessage", message)
				.containsEntry("dbPassword", "******** (26 chars)")
				.containsEntry("greeting", DemoInfisical.GREETING));
		assertThat(this.context.getBean(DbProperties.class).getPassword()).isEqualTo(DemoInfisical.password(1));
		this.context.close();
		assertThat(output).doesNotContain("fake-db-password");
	}

	@Test
	void actuatorEnvMasksThePassword() throws Exception {
		// told to show values, so the masking seen is the starter's, not Boot's default
		this.context.close();
		this.context = SampleApplication.run(true, "--server.port=0", "--spring.main.banner-mode=off",
				"--management.endpoint.env.show-values=always");
		HttpResponse<String> response = get("/actuator/env/DB_PASSWORD");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).doesNotContain(DemoInfisical.password(0)).contains("******");
		assertThat(get("/actuator/env/spring.application.name").body()).contains("infisical-sample");
		assertThat(get("/actuator/env").body()).doesNotContain(DemoInfisical.password(0));
	}

	@Test
	void actuatorRefreshAnswers() throws Exception {
		HttpResponse<String> response = post("/actuator/refresh");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(get("/"))).containsEntry("appMessage", DemoInfisical.APP_MESSAGE);
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri(path)).GET().build(), BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri(path)).POST(BodyPublishers.noBody()).build(),
				BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.context.getEnvironment().getProperty("local.server.port") + path);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> json(HttpResponse<String> response) {
		return JsonMapper.shared().readValue(response.body(), Map.class);
	}

}
