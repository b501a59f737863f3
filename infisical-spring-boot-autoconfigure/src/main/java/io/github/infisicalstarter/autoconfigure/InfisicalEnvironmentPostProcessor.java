package io.github.infisicalstarter.autoconfigure;

import java.util.List;

import io.github.infisicalstarter.InfisicalException;
import io.github.infisicalstarter.config.InfisicalProperties;
import io.github.infisicalstarter.config.SecretsLocation;
import io.github.infisicalstarter.config.SecretsLocations;
import io.github.infisicalstarter.config.SecretsLocations.OptionalLocation;
import io.github.infisicalstarter.env.InfisicalPropertySource;
import io.github.infisicalstarter.env.InfisicalSecretsService;
import io.github.infisicalstarter.env.InfisicalSecretsServices;
import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The zero-configuration entry point: with nothing but {@code infisical.*} properties, loads
 * the location they describe (or every {@code infisical.locations[]} entry) right after
 * Spring Boot's own config data, through the same {@link InfisicalSecretsService} as the other
 * entry points. The sources are placed above {@code application.yml} and below command-line
 * arguments, system properties and OS environment variables, so a local override still wins.
 * It stands down when any {@code infisical:} location was already loaded (by
 * {@code spring.config.import} or Spring Cloud's bootstrap context), so nothing loads twice.
 *
 * @since 0.1.0
 */
public class InfisicalEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** Runs right after {@link ConfigDataEnvironmentPostProcessor}. */
	public static final int ORDER = ConfigDataEnvironmentPostProcessor.ORDER + 1;

	private static final String BOOTSTRAP_SOURCE = "bootstrap";

	private static final List<String> TRIGGERS = List.of("client-id", "client-secret", "project-id", "environment",
			"locations[0].environment", "locations[0].project-id", "locations[0].secret-path");

	private final Log logger;

	private final ConfigurableBootstrapContext bootstrapContext;

	/**
	 * Create a new post-processor.
	 * @param logFactory the factory of logs that are replayed once logging is set up
	 * @param bootstrapContext the bootstrap context that shares the service
	 */
	public InfisicalEnvironmentPostProcessor(DeferredLogFactory logFactory,
			ConfigurableBootstrapContext bootstrapContext) {
		this.logger = logFactory.getLog(InfisicalSecretsService.class);
		this.bootstrapContext = bootstrapContext;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		MutablePropertySources sources = environment.getPropertySources();
		if (sources.contains(BOOTSTRAP_SOURCE) || hasInfisicalSource(sources)) {
			return;
		}
		Binder binder = Binder.get(environment);
		if (TRIGGERS.stream().noneMatch((name) -> binder.bind(InfisicalProperties.PREFIX + "." + name, String.class)
			.isBound())) {
			return;
		}
		InfisicalProperties properties = InfisicalSecretsServices.bind(binder);
		if (!properties.enabled()) {
			return;
		}
		List<OptionalLocation> locations;
		InfisicalSecretsService service;
		try {
			locations = SecretsLocations.fromProperties(properties);
			service = InfisicalSecretsServices.obtain(this.bootstrapContext, properties, binder,
					new DefaultResourceLoader(), this.logger);
		}
		catch (InfisicalException ex) {
			if (properties.failFast()) {
				throw ex;
			}
			this.logger.warn(ex.getMessage() + " Starting without Infisical secrets (infisical.fail-fast=false).");
			return;
		}
		if (locations.size() > 1) {
			service.prefetch(locations.stream().map(OptionalLocation::location).toList());
		}
		for (OptionalLocation location : locations) {
			add(sources, service.load(location.location(), location.optional()));
		}
	}

	private static void add(MutablePropertySources sources, InfisicalPropertySource source) {
		if (sources.contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
			sources.addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, source);
		}
		else {
			sources.addFirst(source);
		}
	}

	private static boolean hasInfisicalSource(MutablePropertySources sources) {
		for (PropertySource<?> source : sources) {
			if (source instanceof InfisicalPropertySource || source.getName().contains(SecretsLocation.PREFIX)) {
				return true;
			}
		}
		return false;
	}

}
