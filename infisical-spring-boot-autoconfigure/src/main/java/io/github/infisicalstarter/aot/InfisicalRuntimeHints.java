package io.github.infisicalstarter.aot;

import io.github.infisicalstarter.config.InfisicalProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.boot.autoconfigure.ssl.JksSslBundleProperties;
import org.springframework.boot.autoconfigure.ssl.PemSslBundleProperties;
import org.springframework.boot.context.properties.bind.BindableRuntimeHintsRegistrar;

/**
 * Runtime hints (registered in {@code META-INF/spring/aot.factories}) for what the
 * starter reflects on while the environment is prepared, before any bean exists, so AOT
 * processing cannot infer it from bean definitions:
 * <ul>
 * <li>binding of {@code infisical.*} to {@link InfisicalProperties} and its nested
 * records (constructor binding reads their constructors and parameter names);</li>
 * <li>binding of the SSL bundle that {@code infisical.ssl.bundle} names
 * ({@code spring.ssl.bundle.jks.*} / {@code spring.ssl.bundle.pem.*});</li>
 * <li>the Spring Cloud Context class whose presence is checked by name to tell whether
 * the bootstrap context may run.</li>
 * </ul>
 *
 * @since 0.1.0
 */
public final class InfisicalRuntimeHints implements RuntimeHintsRegistrar {

	/** Checked with {@code ClassUtils.isPresent} by {@code BootstrapMode}. */
	static final String SPRING_CLOUD_PROPERTY_UTILS = "org.springframework.cloud.util.PropertyUtils";

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		BindableRuntimeHintsRegistrar
			.forTypes(InfisicalProperties.class, JksSslBundleProperties.class, PemSslBundleProperties.class)
			.registerHints(hints, classLoader);
		hints.reflection().registerType(TypeReference.of(SPRING_CLOUD_PROPERTY_UTILS));
	}

}
