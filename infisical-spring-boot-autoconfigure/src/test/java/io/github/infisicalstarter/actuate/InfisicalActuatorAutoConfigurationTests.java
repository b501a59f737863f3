package io.github.infisicalstarter.actuate;

import io.github.infisicalstarter.autoconfigure.InfisicalAutoConfigurationTests;
import io.github.infisicalstarter.observation.InfisicalMeterBinder;
import io.github.infisicalstarter.observation.InfisicalObservationAutoConfiguration;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The health, endpoint and meter auto-configurations: present only when their library is
 * and secrets were loaded, and switchable off.
 */
class InfisicalActuatorAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(InfisicalHealthContributorAutoConfiguration.class,
				InfisicalEndpointAutoConfiguration.class, InfisicalObservationAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=infisical");

	@Test
	void everythingWhenSecretsWereLoaded() {
		this.contextRunner.withUserConfiguration(InfisicalAutoConfigurationTests.ServiceConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(InfisicalHealthIndicator.class)
				.hasSingleBean(InfisicalEndpoint.class)
				.hasSingleBean(InfisicalMeterBinder.class));
	}

	@Test
	void nothingWithoutLoadedSecrets() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(InfisicalHealthIndicator.class)
			.doesNotHaveBean(InfisicalEndpoint.class)
			.doesNotHaveBean(InfisicalMeterBinder.class));
	}

	@Test
	void observationsOnlyWithARegistry() {
		this.contextRunner.withUserConfiguration(InfisicalAutoConfigurationTests.ServiceConfiguration.class)
			.run((context) -> assertThat(context).doesNotHaveBean("infisicalObservations")
				.doesNotHaveBean(ObservationRegistry.class));
		this.contextRunner.withUserConfiguration(InfisicalAutoConfigurationTests.ServiceConfiguration.class)
			.withBean(ObservationRegistry.class, ObservationRegistry::create)
			.run((context) -> assertThat(context).hasBean("infisicalObservations"));
	}

	@Test
	void healthIndicatorCanBeSwitchedOff() {
		this.contextRunner.withUserConfiguration(InfisicalAutoConfigurationTests.ServiceConfiguration.class)
			.withPropertyValues("management.health.infisical.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(InfisicalHealthIndicator.class));
	}

	@Test
	void endpointOnlyWhenExposed() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(InfisicalEndpointAutoConfiguration.class))
			.withUserConfiguration(InfisicalAutoConfigurationTests.ServiceConfiguration.class)
			.run((context) -> assertThat(context).doesNotHaveBean(InfisicalEndpoint.class));
	}

	@Test
	void nothingWithoutActuatorOrMicrometer() {
		this.contextRunner.withUserConfiguration(InfisicalAutoConfigurationTests.ServiceConfiguration.class)
			.withClassLoader(new FilteredClassLoader(HealthIndicator.class, MeterBinder.class,
					org.springframework.boot.actuate.endpoint.annotation.Endpoint.class))
			.run((context) -> assertThat(context).doesNotHaveBean(InfisicalHealthIndicator.class)
				.doesNotHaveBean(InfisicalEndpoint.class)
				.doesNotHaveBean(InfisicalMeterBinder.class));
	}

}
