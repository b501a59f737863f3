package io.github.infisicalstarter.sample;

import io.github.infisicalstarter.autoconfigure.InfisicalAutoConfiguration;
import io.github.infisicalstarter.testserver.InfisicalTestServer;
import io.github.infisicalstarter.testserver.InfisicalTestServerExtension;
import io.github.infisicalstarter.testserver.spring.EnvironmentPostProcessorsInitializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class GreetingRunnerTests {

	@RegisterExtension
	static final InfisicalTestServerExtension infisical = new InfisicalTestServerExtension();

	@Test
	void greeterGetsTheSecret() {
		InfisicalTestServer server = infisical.server();
		server.secret(InfisicalTestServer.DEFAULT_PROJECT_ID, "dev", "/", "GREETING", "Hi from Infisical");
		new ApplicationContextRunner().withInitializer(new EnvironmentPostProcessorsInitializer())
			.withConfiguration(AutoConfigurations.of(InfisicalAutoConfiguration.class))
			.withPropertyValues(server.propertyValues())
			.withUserConfiguration(GreeterConfiguration.class)
			.run((context) -> assertThat(context.getBean(Greeter.class).greeting()).isEqualTo("Hi from Infisical"));
	}

	record Greeter(String greeting) {
	}

	@Configuration(proxyBeanMethods = false)
	static class GreeterConfiguration {

		@Bean
		Greeter greeter(@Value("${GREETING}") String greeting) {
			return new Greeter(greeting);
		}

	}

}
