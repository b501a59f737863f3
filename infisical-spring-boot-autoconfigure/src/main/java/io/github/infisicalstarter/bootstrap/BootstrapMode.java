package io.github.infisicalstarter.bootstrap;

import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.cloud.util.PropertyUtils;
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
				&& binder.bind("infisical.client-id", String.class).isBound();
	}

}
