package io.github.infisicalstarter.testserver.spring;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.infisicalstarter.testserver.InfisicalTestServer;
import org.jspecify.annotations.Nullable;

import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.core.io.support.PropertySourceFactory;

/**
 * Makes the property source {@link InfisicalTest} adds through
 * {@code @TestPropertySource}: Spring Boot's test context loader adds it to the
 * environment before any {@code EnvironmentPostProcessor} runs, above every configuration
 * file. Its values point at the shared server, whose URL is the same for the whole JVM,
 * so the context cache key (this factory and its location) stays valid. The resource is
 * only a marker; its content is ignored.
 *
 * @since 0.1.0
 */
public final class InfisicalTestPropertySourceFactory implements PropertySourceFactory {

	/** Name of the property source. */
	public static final String NAME = "infisicalTestServer";

	/**
	 * Property holding the test server's URL while {@link InfisicalTest} is in use, so
	 * {@link InfisicalTestGuard} can tell when {@code infisical.site-url} says otherwise.
	 */
	public static final String URL_PROPERTY = "infisical.test-server.url";

	static final String LOCATION = "classpath:io/github/infisicalstarter/testserver/spring/infisical-test.properties";

	@Override
	public PropertySource<?> createPropertySource(@Nullable String name, EncodedResource resource) {
		InfisicalTestServer server = InfisicalTestServer.shared();
		Map<String, Object> properties = new LinkedHashMap<>(server.properties());
		properties.put(URL_PROPERTY, server.url());
		return new MapPropertySource(NAME, properties);
	}

}
