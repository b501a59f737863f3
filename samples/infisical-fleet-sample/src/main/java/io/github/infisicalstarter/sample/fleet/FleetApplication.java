package io.github.infisicalstarter.sample.fleet;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.context.config.annotation.RefreshScope;
import org.springframework.context.annotation.Bean;

/**
 * One instance of a fleet: a web application that takes {@code GREETING} from Infisical,
 * receives Infisical's webhook on {@code /infisical/webhook} (with
 * {@code infisical.webhook.secret} set) and hears about changes other instances received
 * over Spring Cloud Bus (Kafka). Infisical may call any one instance behind the load
 * balancer: all of them re-read, each once.
 *
 * @since 0.1.0
 */
@SpringBootApplication
public class FleetApplication {

	@Bean
	@RefreshScope
	Greeting greeting(@Value("${GREETING:}") String text) {
		return new Greeting(text);
	}

	public static void main(String[] args) {
		SpringApplication.run(FleetApplication.class, args);
	}

	/**
	 * The value as the application sees it; rebuilt on every refresh (a class, not a
	 * record: {@code @RefreshScope} proxies it by subclassing).
	 */
	public static class Greeting {

		private final String text;

		public Greeting(String text) {
			this.text = text;
		}

		public String text() {
			return this.text;
		}

	}

}
