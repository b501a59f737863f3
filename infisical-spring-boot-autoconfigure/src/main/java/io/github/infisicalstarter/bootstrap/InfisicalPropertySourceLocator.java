package io.github.infisicalstarter.bootstrap;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

import io.github.infisicalstarter.config.SecretsLocations;
import io.github.infisicalstarter.config.SecretsLocations.OptionalLocation;
import io.github.infisicalstarter.env.InfisicalPropertySource;
import io.github.infisicalstarter.env.InfisicalSecretsService;
import org.jspecify.annotations.Nullable;

import org.springframework.cloud.bootstrap.config.PropertySourceLocator;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/**
 * The bootstrap-context entry point: locates the Infisical locations configured in the
 * bootstrap environment (such as {@code bootstrap.yml}) through the same
 * {@link InfisicalSecretsService} as the other entry points. When the application's own
 * environment already holds Infisical secrets (loaded by an {@code infisical:} import or
 * the zero-configuration entry point, which run first), it locates nothing, so nothing
 * loads twice. Spring Cloud gives the first located source the highest precedence, so the
 * list is reversed to keep the rule that a later location wins.
 *
 * @since 0.1.0
 */
public class InfisicalPropertySourceLocator implements PropertySourceLocator, Ordered {

	private final InfisicalSecretsService service;

	/**
	 * Create a new locator.
	 * @param service the service that loads the secrets
	 */
	public InfisicalPropertySourceLocator(InfisicalSecretsService service) {
		this.service = service;
	}

	@Override
	public @Nullable PropertySource<?> locate(Environment environment) {
		return null;
	}

	@Override
	public Collection<PropertySource<?>> locateCollection(Environment environment) {
		if (alreadyLoaded(environment)) {
			return List.of();
		}
		List<OptionalLocation> locations = SecretsLocations.fromProperties(this.service.getProperties());
		if (locations.size() > 1) {
			this.service.prefetch(locations.stream().map(OptionalLocation::location).toList());
		}
		List<PropertySource<?>> sources = new ArrayList<>();
		for (OptionalLocation location : locations) {
			sources.add(this.service.load(location.location(), location.optional()));
		}
		Collections.reverse(sources);
		return sources;
	}

	private static boolean alreadyLoaded(Environment environment) {
		if (environment instanceof ConfigurableEnvironment configurable) {
			return configurable.getPropertySources().stream().anyMatch(InfisicalPropertySource::isInfisical);
		}
		return false;
	}

	@Override
	public int getOrder() {
		return 0;
	}

}
