package io.github.infisicalstarter.observation;

import java.time.Clock;
import java.util.List;

import io.github.infisicalstarter.autoconfigure.ConditionalOnInfisicalSecretsService;
import io.github.infisicalstarter.client.HttpCallObserver.RecordedCall;
import io.github.infisicalstarter.env.InfisicalSecretsService;
import io.github.infisicalstarter.env.InfisicalStatus;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of the starter's observations and meters, when secrets were loaded:
 * every later HTTP call is observed through the application's {@link ObservationRegistry}
 * (when there is one), and with Micrometer's core on the class path Spring Boot binds the
 * {@link InfisicalMeterBinder}, which also records the start-up calls made before the
 * registry existed.
 *
 * @since 0.1.0
 */
@AutoConfiguration(afterName = { "io.github.infisicalstarter.autoconfigure.InfisicalAutoConfiguration",
		"org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration" })
@ConditionalOnClass(name = "io.micrometer.observation.ObservationRegistry")
@ConditionalOnBooleanProperty(name = "infisical.enabled", matchIfMissing = true)
@ConditionalOnInfisicalSecretsService
public final class InfisicalObservationAutoConfiguration {

	/**
	 * Only with a registry: without one (no actuator, no registry of the application's
	 * own) nothing is defined, so an application pays no bean and loads no Micrometer
	 * type for observations it cannot make.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(ObservationRegistry.class)
	static class ObservationConfiguration {

		@Bean
		SmartInitializingSingleton infisicalObservations(
				ObjectProvider<InfisicalSecretsService> infisicalSecretsService,
				ObjectProvider<ObservationRegistry> observationRegistry,
				ObjectProvider<InfisicalObservationConvention> convention) {
			return () -> {
				InfisicalSecretsService service = infisicalSecretsService.getIfAvailable();
				ObservationRegistry registry = observationRegistry.getIfUnique();
				if (service != null && registry != null && !registry.isNoop()) {
					service.observeWith(new ObservationCallObservations(registry, convention.getIfUnique()));
				}
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		InfisicalMeterBinder infisicalMeterBinder(ObjectProvider<InfisicalSecretsService> infisicalSecretsService) {
			return new InfisicalMeterBinder(() -> {
				InfisicalSecretsService service = infisicalSecretsService.getIfAvailable();
				return (service != null) ? service.status() : new InfisicalStatus(List.of(), null, null);
			}, () -> {
				InfisicalSecretsService service = infisicalSecretsService.getIfAvailable();
				return (service != null) ? service.startupCalls() : List.<RecordedCall>of();
			}, Clock.systemUTC());
		}

	}

}
