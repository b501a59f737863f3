package io.github.infisicalstarter.testserver.spring;

import java.util.List;
import java.util.Objects;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Fails a test whose application loaded secrets from one {@code infisical.site-url} while
 * its environment ends up naming another, the trace of a {@code @DynamicPropertySource}
 * (or a context initializer) that set Infisical properties after the starter had read
 * them. The customizer is the same for every test, so it does not split Spring's context
 * cache.
 *
 * @since 0.1.0
 */
public final class InfisicalTestContextCustomizerFactory implements ContextCustomizerFactory {

	private static final ContextCustomizer CUSTOMIZER = new LateSiteUrlCheck();

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return CUSTOMIZER;
	}

	static void check(ConfigurableEnvironment environment) {
		String loaded = environment.getProperty(InfisicalLoadRecorder.LOADED_SITE_URL);
		if (loaded == null) {
			return;
		}
		String now = environment.getProperty("infisical.site-url", "");
		if (!Objects.equals(loaded, now)) {
			throw new IllegalStateException("The Infisical starter loaded secrets from infisical.site-url="
					+ (loaded.isEmpty() ? "(not set: Infisical's US cloud)" : loaded) + " before infisical.site-url="
					+ now + " was set: @DynamicPropertySource values and context initializers arrive after the "
					+ "starter has read its configuration. Annotate the test class with @InfisicalTest "
					+ "(io.github.infisicalstarter.testserver.spring) instead.");
		}
	}

	private static final class LateSiteUrlCheck implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
			context.addBeanFactoryPostProcessor((beanFactory) -> check(context.getEnvironment()));
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof LateSiteUrlCheck;
		}

		@Override
		public int hashCode() {
			return LateSiteUrlCheck.class.hashCode();
		}

	}

}
