package io.github.infisicalstarter.auth;

import io.github.infisicalstarter.config.InfisicalAuthProperties;
import io.github.infisicalstarter.config.InfisicalConfigurationException;

import org.springframework.util.ClassUtils;

/**
 * Checks that the optional library a login method needs is on the class path, looked up
 * through the thread context class loader as Spring's conditions do, so that a missing
 * library is one report naming the dependency instead of a {@link NoClassDefFoundError}.
 *
 * @since 0.1.0
 */
final class OptionalLibrary {

	private OptionalLibrary() {
	}

	static void require(String className, String method, String dependency) {
		if (!ClassUtils.isPresent(className, ClassUtils.getDefaultClassLoader())) {
			throw new InfisicalConfigurationException(InfisicalAuthProperties.PREFIX + ".method",
					"infisical.auth.method=" + method + " needs " + dependency + ", which is not on the class path.",
					"Add the dependency " + dependency + " to the application (the starter declares it optional), "
							+ "or choose another infisical.auth.method.");
		}
	}

}
