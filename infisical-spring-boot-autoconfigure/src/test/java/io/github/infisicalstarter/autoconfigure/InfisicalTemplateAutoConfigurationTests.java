package io.github.infisicalstarter.autoconfigure;

import java.time.Clock;
import java.util.Map;

import io.github.infisicalstarter.config.InfisicalProperties;
import io.github.infisicalstarter.core.InfisicalOperations;
import io.github.infisicalstarter.core.InfisicalTemplate;
import io.github.infisicalstarter.core.ReactiveInfisicalOperations;
import io.github.infisicalstarter.core.ReactiveInfisicalTemplate;
import io.github.infisicalstarter.env.InfisicalSecretsService;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

class InfisicalTemplateAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(InfisicalAutoConfiguration.class, InfisicalTemplateAutoConfiguration.class));

	@Test
	void templatesWhenSecretsWereLoaded() {
		this.contextRunner.withUserConfiguration(ServiceConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(InfisicalTemplate.class)
				.hasSingleBean(ReactiveInfisicalTemplate.class));
	}

	@Test
	void noTemplatesWithoutTheService() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(InfisicalOperations.class)
			.doesNotHaveBean(ReactiveInfisicalOperations.class));
	}

	@ParameterizedTest
	@ValueSource(classes = { WebClient.class, ClientHttpConnectorBuilder.class })
	void noReactiveTemplateWithoutWebFluxOrBootsConnectorBuilders(Class<?> missing) {
		this.contextRunner.withUserConfiguration(ServiceConfiguration.class)
			.withClassLoader(new FilteredClassLoader(missing))
			.run((context) -> assertThat(context).hasSingleBean(InfisicalTemplate.class)
				.doesNotHaveBean(ReactiveInfisicalOperations.class));
	}

	@Test
	void applicationTemplatesWin() {
		this.contextRunner.withUserConfiguration(ServiceConfiguration.class, OwnTemplates.class)
			.run((context) -> assertThat(context).hasSingleBean(InfisicalOperations.class)
				.doesNotHaveBean(InfisicalTemplate.class)
				.hasSingleBean(ReactiveInfisicalOperations.class)
				.doesNotHaveBean(ReactiveInfisicalTemplate.class));
	}

	@Test
	void templatesDoNotShowCredentials() {
		this.contextRunner.withUserConfiguration(ServiceConfiguration.class)
			.run((context) -> assertThat(context.getBean(InfisicalTemplate.class).toString())
				.isEqualTo("InfisicalTemplate[http://127.0.0.1:1]")
				.doesNotContain("secret"));
	}

	@Configuration(proxyBeanMethods = false)
	static class ServiceConfiguration {

		@Bean(destroyMethod = "close")
		InfisicalSecretsService infisicalSecretsService() {
			InfisicalProperties properties = new Binder(new MapConfigurationPropertySource(
					Map.of("infisical.site-url", "http://127.0.0.1:1", "infisical.client-id", "id",
							"infisical.client-secret", "client-secret-value", "infisical.project-id", "p",
							"infisical.environment", "dev", "infisical.token.revoke-on-shutdown", "false")))
				.bind("infisical", Bindable.of(InfisicalProperties.class))
				.get();
			return InfisicalSecretsService.create(properties, null, LogFactory.getLog(getClass()), Clock.systemUTC());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnTemplates {

		@Bean
		InfisicalOperations ownTemplate() {
			return mock(InfisicalOperations.class);
		}

		@Bean
		ReactiveInfisicalOperations ownReactiveTemplate() {
			return mock(ReactiveInfisicalOperations.class);
		}

	}

}
