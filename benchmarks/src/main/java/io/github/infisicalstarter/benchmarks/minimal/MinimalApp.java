package io.github.infisicalstarter.benchmarks.minimal;

import io.github.infisicalstarter.benchmarks.probe.BenchProbe;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The smallest realistic application: {@code spring-boot-starter} only, one
 * {@code @Value} injection of {@code FOO}. It starts, reads the value, closes its
 * context, prints the BENCH line and exits. Launched by the harness in a fresh JVM, with
 * or without the starter on the class path.
 */
@SpringBootApplication
public class MinimalApp {

	@Value("${FOO}")
	private String foo;

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(MinimalApp.class);
		BenchProbe probe = BenchProbe.attach(application);
		String foo;
		try (ConfigurableApplicationContext context = application.run(args)) {
			foo = context.getBean(MinimalApp.class).foo;
		}
		probe.closed();
		probe.report("minimal", foo);
		System.exit(0);
	}

}
