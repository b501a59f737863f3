package io.github.infisicalstarter.benchmarks.fleet;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.cloud.context.config.annotation.RefreshScope;
import org.springframework.context.annotation.Bean;

/**
 * One fleet instance: Tomcat, the starter, Spring Cloud Bus over Kafka, and a
 * {@code @RefreshScope} bean holding the rotated secret.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class FleetApp {

	@Bean
	@RefreshScope
	Holder holder(@Value("${ROTATED:}") String value) {
		return new Holder(value);
	}

	public static class Holder {

		private final String value;

		public Holder(String value) {
			this.value = value;
		}

		public String value() {
			return this.value;
		}

	}

}
