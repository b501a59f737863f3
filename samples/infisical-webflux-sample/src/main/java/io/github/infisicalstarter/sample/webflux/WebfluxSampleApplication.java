package io.github.infisicalstarter.sample.webflux;

import java.util.Map;

import io.github.infisicalstarter.client.InfisicalApiException;
import io.github.infisicalstarter.core.ReactiveInfisicalOperations;
import io.github.infisicalstarter.testserver.InfisicalTestServer;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The WebFlux sample: {@code GREETING} is ordinary configuration loaded from Infisical at
 * start-up; {@code GET /secrets/{key}} reads one secret on demand through the reactive
 * template, with the starter's access token and without blocking, and answers its version
 * and length (never the value).
 */
@SpringBootApplication
@RestController
public class WebfluxSampleApplication {

	private final ReactiveInfisicalOperations infisical;

	private final String greeting;

	WebfluxSampleApplication(ReactiveInfisicalOperations infisical, @Value("${GREETING}") String greeting) {
		this.infisical = infisical;
		this.greeting = greeting;
	}

	@GetMapping("/")
	Map<String, String> home() {
		return Map.of("greeting", this.greeting);
	}

	@GetMapping("/secrets/{key}")
	Mono<Map<String, Object>> secret(@PathVariable String key) {
		return this.infisical.getSecret(this.infisical.path("/"), key)
			.<Map<String, Object>>map((secret) -> Map.of("key", secret.key(), "version", secret.version(), "length",
					secret.value().length()))
			.onErrorMap((ex) -> ex instanceof InfisicalApiException api && api.getStatus() == 404,
					(ex) -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No secret " + key));
	}

	/**
	 * Run the sample; without {@code INFISICAL_CLIENT_ID} against an embedded test server
	 * with demo secrets.
	 * @param args the command-line arguments
	 */
	public static void main(String[] args) {
		if (System.getenv("INFISICAL_CLIENT_ID") == null && System.getProperty("infisical.client-id") == null) {
			InfisicalTestServer server = demoServer();
			System.setProperty("infisical.site-url", server.url());
			System.setProperty("infisical.client-id", InfisicalTestServer.DEFAULT_CLIENT_ID);
			System.setProperty("infisical.client-secret", InfisicalTestServer.DEFAULT_CLIENT_SECRET);
			System.setProperty("infisical.project-id", InfisicalTestServer.DEFAULT_PROJECT_ID);
			System.setProperty("infisical.environment", "dev");
		}
		SpringApplication.run(WebfluxSampleApplication.class, args);
	}

	/**
	 * Start the embedded test server with the demo secrets.
	 * @return the running server
	 */
	static InfisicalTestServer demoServer() {
		InfisicalTestServer server = InfisicalTestServer.start();
		server.secret(InfisicalTestServer.DEFAULT_PROJECT_ID, "dev", "/", "GREETING", "Hello from Infisical (demo)")
			.secret(InfisicalTestServer.DEFAULT_PROJECT_ID, "dev", "/", "API_KEY", "demo-api-key-value");
		System.out.println("Demo mode: an embedded Infisical test server at " + server.url()
				+ " serves GREETING and API_KEY; try GET /secrets/API_KEY");
		return server;
	}

}
