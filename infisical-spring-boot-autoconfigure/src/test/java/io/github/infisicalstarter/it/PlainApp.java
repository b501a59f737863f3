package io.github.infisicalstarter.it;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;

/**
 * An application run in its own JVM by {@link WithoutSpringCloudIntegrationTests}, on a
 * class path without Spring Cloud. It prints one line saying whether {@code FOO} is the
 * value given as {@code -Dexpected} (never the value itself) and whether Spring Cloud is
 * visible.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class PlainApp {

	@Bean
	FooReader fooReader(@Value("${FOO}") String foo) {
		return new FooReader(foo);
	}

	public static void main(String[] args) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PlainApp.class)
			.web(WebApplicationType.NONE)
			.run(args)) {
			boolean matches = context.getBean(FooReader.class).foo().equals(System.getProperty("expected"));
			boolean springCloud = ClassUtils.isPresent("org.springframework.cloud.endpoint.event.RefreshEvent", null);
			System.out.println("PLAIN-APP foo-matches=" + matches + " spring-cloud=" + springCloud);
		}
	}

	record FooReader(String foo) {

	}

}
