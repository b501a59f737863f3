package io.github.infisicalstarter.testserver.spring;

import java.util.Objects;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Fails the start-up of a test application when {@link InfisicalTest} is in use but a
 * property of higher precedence (an inlined {@code @SpringBootTest(properties = ...)} or
 * {@code @TestPropertySource(properties = ...)}) sends {@code infisical.site-url}
 * elsewhere. It runs before config data, so neither the {@code spring.config.import} door
 * nor the starter's post-processor has made a request yet. Inert without
 * {@link InfisicalTest}.
 *
 * @since 0.1.0
 */
public final class InfisicalTestGuard implements EnvironmentPostProcessor, Ordered {

	/** Runs just before {@link ConfigDataEnvironmentPostProcessor}. */
	public static final int ORDER = ConfigDataEnvironmentPostProcessor.ORDER - 1;

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String testServer = environment.getProperty(InfisicalTestPropertySourceFactory.URL_PROPERTY);
		if (testServer == null) {
			return;
		}
		String siteUrl = environment.getProperty("infisical.site-url");
		if (!Objects.equals(testServer, siteUrl)) {
			throw new IllegalStateException("@InfisicalTest points infisical.site-url at the test server (" + testServer
					+ "), but the test sets infisical.site-url=" + siteUrl
					+ " with higher precedence (in @SpringBootTest(properties) or @TestPropertySource(properties)). "
					+ "Remove that property, or remove @InfisicalTest to test against another Infisical.");
		}
	}

}
