package io.github.infisicalstarter.bootstrap;

import java.util.List;
import java.util.Set;

import io.github.infisicalstarter.config.InfisicalAuthProperties;
import io.github.infisicalstarter.config.InfisicalConfigurationException;

import org.springframework.aot.AotDetector;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.cloud.util.PropertyUtils;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.util.ClassUtils;

/**
 * Tells whether Spring Cloud's bootstrap context will load Infisical secrets through
 * {@link InfisicalPropertySourceLocator}: bootstrap mode is on and the bootstrap
 * environment (command line, system properties, OS environment, default properties and
 * the bootstrap files, but not {@code application.yml}) names a client id. The
 * zero-configuration entry point then leaves the loading to the locator.
 *
 * @since 0.1.0
 */
public final class BootstrapMode {

	private static final boolean CLOUD_CONTEXT_PRESENT = ClassUtils
		.isPresent("org.springframework.cloud.util.PropertyUtils", BootstrapMode.class.getClassLoader());

	private static final Set<String> SHARED_SOURCES = Set.of("commandLineArgs", "systemProperties", "systemEnvironment",
			"defaultProperties", "springCloudDefaultProperties");

	private BootstrapMode() {
	}

	/**
	 * Refuse the bootstrap-context door under Spring AOT, at build time
	 * ({@code spring-boot:process-aot}) and when a processed application runs: Spring
	 * Cloud's bootstrap context is a second application context that AOT does not
	 * process, so loading there would either contact Infisical during the build or run
	 * unprocessed configuration at run time. The other two doors work with AOT.
	 * @throws InfisicalConfigurationException under AOT
	 */
	static void checkNotAot() {
		if (Boolean.getBoolean(AbstractAotProcessor.AOT_PROCESSING) || AotDetector.useGeneratedArtifacts()) {
			throw new InfisicalConfigurationException("spring.cloud.bootstrap.enabled",
					"Infisical secrets cannot be loaded by Spring Cloud's bootstrap context under Spring AOT "
							+ "(AOT processing or spring.aot.enabled=true): the bootstrap context is not AOT-processed.",
					"Load Infisical secrets with spring.config.import=infisical: or the infisical.* properties in "
							+ "application.yml (both work with AOT), and set spring.cloud.bootstrap.enabled=false "
							+ "or move infisical.* out of the bootstrap files.");
		}
	}

	/**
	 * Whether the bootstrap-context locator loads Infisical secrets for this environment.
	 * @param environment the application's environment
	 * @return {@code true} when the locator is in charge
	 */
	public static boolean locatorLoads(ConfigurableEnvironment environment) {
		if (!CLOUD_CONTEXT_PRESENT || !PropertyUtils.bootstrapEnabled(environment)) {
			return false;
		}
		List<PropertySource<?>> visible = environment.getPropertySources()
			.stream()
			.filter((source) -> SHARED_SOURCES.contains(source.getName())
					|| source.getName().startsWith("applicationConfig: ["))
			.toList();
		Binder binder = new Binder(ConfigurationPropertySources.from(visible));
		return binder.bind("infisical.enabled", Boolean.class).orElse(true)
				&& (binder.bind("infisical.client-id", String.class).isBound()
						|| binder.bind(InfisicalAuthProperties.PREFIX + ".method", String.class).isBound());
	}

}
