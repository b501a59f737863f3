package io.github.infisicalstarter.benchmarks.web;

import io.github.infisicalstarter.benchmarks.probe.BenchProbe;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A servlet web application ({@code spring-boot-starter-webmvc}, Tomcat on a free port)
 * with one {@code @Value} injection of {@code FOO}. {@code SpringApplication.run} returns
 * once the application is ready; it then closes its context, prints the BENCH line and
 * exits.
 */
@SpringBootApplication
public class WebApp {

	@Value("${FOO}")
	private String foo;

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(WebApp.class);
		application.setDefaultProperties(java.util.Map.of("server.port", "0"));
		BenchProbe probe = BenchProbe.attach(application);
		String foo;
		try (ConfigurableApplicationContext context = application.run(args)) {
			foo = context.getBean(WebApp.class).foo;
		}
		probe.closed();
		probe.report("web", foo);
		System.exit(0);
	}

}
