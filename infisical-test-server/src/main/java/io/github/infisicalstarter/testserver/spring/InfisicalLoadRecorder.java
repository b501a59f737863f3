package io.github.infisicalstarter.testserver.spring;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.util.ClassUtils;

/**
 * Remembers, in tests only (when Spring's test framework is on the class path), which
 * {@code infisical.site-url} the Infisical starter loaded secrets from, right after it
 * did, so {@link InfisicalTestContextCustomizerFactory} can fail a test whose
 * {@code @DynamicPropertySource} changed it later: such values arrive after the starter
 * has read its configuration, and the test would otherwise run silently against the
 * Infisical named in {@code application.yml}.
 *
 * @since 0.1.0
 */
public final class InfisicalLoadRecorder implements EnvironmentPostProcessor, Ordered {

	/** Runs after config data and after the starter's post-processor. */
	public static final int ORDER = ConfigDataEnvironmentPostProcessor.ORDER + 2;

	static final String LOADED_SITE_URL = "infisical.test-server.loaded-site-url";

	private static final String NAME = "infisicalTestServerLoadRecord";

	private static final boolean TESTING = ClassUtils.isPresent("org.springframework.test.context.TestContext",
			InfisicalLoadRecorder.class.getClassLoader());

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!TESTING || !loadedSecrets(environment)) {
			return;
		}
		String siteUrl = environment.getProperty("infisical.site-url", "");
		environment.getPropertySources().addLast(new MapPropertySource(NAME, Map.of(LOADED_SITE_URL, siteUrl)));
	}

	private static boolean loadedSecrets(ConfigurableEnvironment environment) {
		for (PropertySource<?> source : environment.getPropertySources()) {
			if (source.getName().contains("infisical:")) {
				return true;
			}
		}
		return false;
	}

}
