package io.github.infisicalstarter.bootstrap;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.github.infisicalstarter.config.SecretsLocations;
import io.github.infisicalstarter.config.SecretsLocations.OptionalLocation;
import io.github.infisicalstarter.env.InfisicalPropertySource;
import io.github.infisicalstarter.env.InfisicalSecretsService;
import io.github.infisicalstarter.env.LoadReport;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.cloud.bootstrap.config.PropertySourceLocator;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;

/**
 * The bootstrap-context entry point: locates the Infisical locations configured in the
 * bootstrap environment (such as {@code bootstrap.yml}) through the same
 * {@link InfisicalSecretsService} as the other entry points. When the application's own
 * environment already holds Infisical secrets (loaded by an {@code infisical:} import or
 * the zero-configuration entry point, which run first), it locates nothing, so nothing
 * loads twice. Spring Cloud gives the first located source the highest precedence, so the
 * list is reversed to keep the rule that a later location wins; a last small source
 * ({@value #PRECEDENCE_NAME}) places them below command-line arguments, system properties
 * and OS environment variables, as the other entry points do.
 *
 * @since 0.1.0
 */
public class InfisicalPropertySourceLocator implements PropertySourceLocator, Ordered {

	/**
	 * Spring Cloud reads where to put located sources from the located sources themselves
	 * ({@code PropertySourceBootstrapProperties}); by default it puts them above
	 * everything, command-line arguments and OS environment variables included. This
	 * source says: below command-line arguments, system properties and OS environment
	 * variables, as with the other entry points, so a local override wins.
	 */
	/** Name of the source that sets where Spring Cloud places the located sources. */
	public static final String PRECEDENCE_NAME = "infisical-precedence";

	static final MapPropertySource PRECEDENCE = new MapPropertySource(PRECEDENCE_NAME,
			Map.of("spring.cloud.config.allow-override", "true", "spring.cloud.config.override-none", "false",
					"spring.cloud.config.override-system-properties", "false"));

	private static final Log logger = LogFactory.getLog(InfisicalSecretsService.class);

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
		long start = System.nanoTime();
		List<OptionalLocation> locations = SecretsLocations.fromProperties(this.service.getProperties());
		if (locations.size() > 1) {
			this.service.prefetch(locations);
		}
		List<InfisicalPropertySource> loaded = new ArrayList<>();
		for (OptionalLocation location : locations) {
			InfisicalPropertySource source = this.service.load(location.location(), location.optional());
			if (environment instanceof ConfigurableEnvironment configurable) {
				source.attach(configurable.getPropertySources());
			}
			loaded.add(source);
		}
		logger.info(LoadReport.describe(loaded, System.nanoTime() - start));
		List<PropertySource<?>> sources = new ArrayList<>(loaded);
		Collections.reverse(sources);
		sources.add(PRECEDENCE);
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
