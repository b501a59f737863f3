package io.github.infisicalstarter.observation;

import java.time.Clock;
import java.util.List;

import io.github.infisicalstarter.autoconfigure.ConditionalOnInfisicalSecretsService;
import io.github.infisicalstarter.env.InfisicalSecretsService;
import io.github.infisicalstarter.env.InfisicalStatus;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the starter's meters, when Micrometer's core is on the class path
 * and secrets were loaded; Spring Boot binds the {@link InfisicalMeterBinder} to the
 * application's registry.
 *
 * @since 0.1.0
 */
@AutoConfiguration(afterName = "io.github.infisicalstarter.autoconfigure.InfisicalAutoConfiguration")
@ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
@ConditionalOnBooleanProperty(name = "infisical.enabled", matchIfMissing = true)
@ConditionalOnInfisicalSecretsService
public final class InfisicalObservationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	InfisicalMeterBinder infisicalMeterBinder(ObjectProvider<InfisicalSecretsService> infisicalSecretsService) {
		return new InfisicalMeterBinder(() -> {
			InfisicalSecretsService service = infisicalSecretsService.getIfAvailable();
			return (service != null) ? service.status() : new InfisicalStatus(List.of(), null, null);
		}, Clock.systemUTC());
	}

}
