package io.github.infisicalstarter.actuate;

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
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code infisical} health contributor, when Spring Boot's
 * health support is on the class path and secrets were loaded.
 *
 * @since 0.1.0
 */
@AutoConfiguration(afterName = "io.github.infisicalstarter.autoconfigure.InfisicalAutoConfiguration",
		beforeName = "org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration")
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
@ConditionalOnBooleanProperty(name = "infisical.enabled", matchIfMissing = true)
@ConditionalOnEnabledHealthIndicator("infisical")
@ConditionalOnInfisicalSecretsService
public final class InfisicalHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "infisicalHealthIndicator")
	InfisicalHealthIndicator infisicalHealthIndicator(ObjectProvider<InfisicalSecretsService> infisicalSecretsService) {
		return new InfisicalHealthIndicator(() -> {
			InfisicalSecretsService service = infisicalSecretsService.getIfAvailable();
			return (service != null) ? service.status() : new InfisicalStatus(List.of(), null, null);
		}, Clock.systemUTC());
	}

}
