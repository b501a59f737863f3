package io.github.infisicalstarter.env;

import io.github.infisicalstarter.config.InfisicalConfigurationException;
import io.github.infisicalstarter.config.InfisicalProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.ssl.JksSslBundleProperties;
import org.springframework.boot.autoconfigure.ssl.PemSslBundleProperties;
import org.springframework.boot.autoconfigure.ssl.PropertiesSslBundle;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.core.io.ResourceLoader;

/**
 * Finds the SSL bundle named by {@code infisical.ssl.bundle} among the
 * {@code spring.ssl.bundle.jks.*} and {@code spring.ssl.bundle.pem.*} properties. Secrets
 * are loaded before the application context (and its {@code SslBundles} bean) exist, so
 * the bundle is built from its properties with Spring Boot's own
 * {@link PropertiesSslBundle}.
 *
 * @since 0.1.0
 */
public final class SslBundleLookup {

	private SslBundleLookup() {
	}

	/**
	 * Return the bundle that {@code infisical.ssl.bundle} names.
	 * @param properties the Infisical properties
	 * @param binder a binder over the environment
	 * @param resourceLoader a loader for the bundle's files
	 * @return the bundle, or {@code null} when no bundle is named
	 * @throws InfisicalConfigurationException when the named bundle does not exist
	 */
	public static @Nullable SslBundle find(InfisicalProperties properties, Binder binder,
			ResourceLoader resourceLoader) {
		String name = properties.ssl().bundle();
		if (name == null || name.isBlank()) {
			return null;
		}
		JksSslBundleProperties jks = binder.bind("spring.ssl.bundle.jks." + name, JksSslBundleProperties.class)
			.orElse(null);
		if (jks != null) {
			return PropertiesSslBundle.get(jks, resourceLoader);
		}
		PemSslBundleProperties pem = binder.bind("spring.ssl.bundle.pem." + name, PemSslBundleProperties.class)
			.orElse(null);
		if (pem != null) {
			return PropertiesSslBundle.get(pem, resourceLoader);
		}
		throw new InfisicalConfigurationException(InfisicalProperties.PREFIX + ".ssl.bundle",
				"SSL bundle '" + name + "' named by infisical.ssl.bundle does not exist.",
				"Define it under spring.ssl.bundle.jks." + name + " or spring.ssl.bundle.pem." + name
						+ ", or remove infisical.ssl.bundle.");
	}

}
