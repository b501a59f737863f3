package io.github.infisicalstarter.autoconfigure;

import java.time.Clock;

import io.github.infisicalstarter.actuate.InfisicalSanitizingFunction;
import io.github.infisicalstarter.config.InfisicalProperties;
import io.github.infisicalstarter.config.SecretsLocation;
import io.github.infisicalstarter.env.InfisicalPropertySource;
import io.github.infisicalstarter.env.InfisicalSecretsService;
import io.github.infisicalstarter.env.InfisicalSecretsServices;
import io.github.infisicalstarter.env.SecretsSnapshot;
import io.github.infisicalstarter.refresh.InfisicalRefreshAutoConfiguration;
import io.github.infisicalstarter.refresh.InfisicalSecretsWatcher;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.endpoint.event.RefreshEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

public class InfisicalAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(InfisicalAutoConfiguration.class, InfisicalRefreshAutoConfiguration.class));

	@Test
	void masksValuesAndClosesTheServiceWithTheContext() {
		this.contextRunner.withUserConfiguration(ServiceConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(InfisicalSanitizingFunction.class);
			InfisicalSecretsService service = context.getBean(InfisicalSecretsService.class);
			context.close();
			assertThat(service.isClosed()).isTrue();
		});
	}

	@Test
	void noWatcherWithoutLoadedSecrets() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(InfisicalSecretsWatcher.class));
	}

	@Test
	void watcherWhenSecretsWereLoaded() {
		this.contextRunner.withUserConfiguration(ServiceConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(InfisicalSecretsWatcher.class));
	}

	@Test
	void aotProcessingKeepsTheWatcherAndShutdownForRunTime() {
		// at build time no service exists (nothing contacts Infisical); the processed
		// application decides at run time
		this.contextRunner.withSystemProperties("spring.aot.processing=true").run((context) -> {
			assertThat(context).hasBean("infisicalSecretsWatcher").hasBean("infisicalSecretsServiceShutdown");
			assertThat(context.getBeanProvider(InfisicalSecretsWatcher.class).getIfAvailable()).isNull();
		});
	}

	@Test
	void noWatcherWhenSpringCloudRefreshIsSwitchedOff() {
		this.contextRunner.withUserConfiguration(ServiceConfiguration.class)
			.withPropertyValues("spring.cloud.refresh.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(InfisicalSecretsWatcher.class));
	}

	@Test
	void refreshCanBeSwitchedOff() {
		this.contextRunner.withUserConfiguration(ServiceConfiguration.class)
			.withPropertyValues("infisical.refresh.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(InfisicalSecretsWatcher.class));
	}

	@Test
	void noWatcherWithoutSpringCloud() {
		this.contextRunner.withUserConfiguration(ServiceConfiguration.class)
			.withClassLoader(new FilteredClassLoader(RefreshEvent.class))
			.run((context) -> assertThat(context).doesNotHaveBean(InfisicalSecretsWatcher.class));
	}

	@Test
	void disabledBacksOffEntirely() {
		this.contextRunner.withUserConfiguration(ServiceConfiguration.class)
			.withPropertyValues("infisical.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(InfisicalSanitizingFunction.class)
				.doesNotHaveBean(InfisicalSecretsWatcher.class));
	}

	@Test
	void sanitizingFunctionMasksInfisicalValuesAndTheClientSecret() {
		InfisicalSanitizingFunction function = new InfisicalSanitizingFunction();
		SecretsLocation location = new SecretsLocation("p", "dev", "/", false, true, true, false, "",
				java.util.List.of(), java.util.List.of(), java.util.List.of());
		InfisicalPropertySource infisical = new InfisicalPropertySource(location,
				new SecretsSnapshot(java.util.Map.of("FOO", "BAR"), true, null));
		assertThat(function.apply(new SanitizableData(infisical, "FOO", "BAR")).getValue())
			.isEqualTo(SanitizableData.SANITIZED_VALUE);
		MapPropertySource other = new MapPropertySource("other", java.util.Map.of());
		assertThat(function.apply(new SanitizableData(other, "infisical.client-secret", "x")).getValue())
			.isEqualTo(SanitizableData.SANITIZED_VALUE);
		assertThat(function.apply(new SanitizableData(other, "INFISICAL_CLIENT_SECRET", "x")).getValue())
			.isEqualTo(SanitizableData.SANITIZED_VALUE);
		assertThat(function.apply(new SanitizableData(other, "plain", "x")).getValue()).isEqualTo("x");
	}

	/**
	 * A service as the doors leave it, for other auto-configuration tests.
	 */
	@Configuration(proxyBeanMethods = false)
	public static class ServiceConfiguration {

		@Bean(name = InfisicalSecretsServices.BEAN_NAME, destroyMethod = "close")
		InfisicalSecretsService infisicalSecretsService() {
			InfisicalProperties properties = new InfisicalProperties(true, "http://127.0.0.1:1", "id", "secret", "p",
					"dev", "/", false, true, true, false, "", null, null, null, true, true, null,
					InfisicalProperties.defaults().http(), InfisicalProperties.defaults().ssl(),
					new InfisicalProperties.Token(0.66, false), InfisicalProperties.defaults().refresh(),
					InfisicalProperties.defaults().retry());
			return InfisicalSecretsService.create(properties, null, LogFactory.getLog(getClass()), Clock.systemUTC());
		}

	}

}
