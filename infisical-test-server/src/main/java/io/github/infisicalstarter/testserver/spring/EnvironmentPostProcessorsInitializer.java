package io.github.infisicalstarter.testserver.spring;

import java.util.function.Supplier;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.boot.support.EnvironmentPostProcessorsFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * Prepares the environment of an {@code ApplicationContextRunner} as
 * {@code SpringApplication} would: runs every {@link EnvironmentPostProcessor} registered
 * in {@code META-INF/spring.factories} (config data, the Infisical starter's, ...) in
 * order, then closes the bootstrap context so beans created there (the starter's secrets
 * service) join the context. A runner skips all of this, so without this initializer no
 * Infisical secrets are loaded in it: <pre class="code">
 * new ApplicationContextRunner()
 *     .withInitializer(new EnvironmentPostProcessorsInitializer())
 *     .withPropertyValues(infisical.propertyValues())
 *     .run((context) -&gt; ...);
 * </pre> Property values given to the runner are in place before it runs, so they take
 * precedence over {@code application.yml} as command-line arguments would.
 *
 * @since 0.1.0
 */
public final class EnvironmentPostProcessorsInitializer
		implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ClassLoader classLoader = (context.getClassLoader() != null) ? context.getClassLoader()
				: getClass().getClassLoader();
		ConfigurableEnvironment environment = context.getEnvironment();
		SpringApplication application = new SpringApplication();
		application.setResourceLoader(new DefaultResourceLoader(classLoader));
		DefaultBootstrapContext bootstrapContext = new DefaultBootstrapContext();
		DeferredLogFactory logFactory = Supplier::get;
		for (EnvironmentPostProcessor postProcessor : EnvironmentPostProcessorsFactory.fromSpringFactories(classLoader)
			.getEnvironmentPostProcessors(logFactory, bootstrapContext)) {
			postProcessor.postProcessEnvironment(environment, application);
		}
		bootstrapContext.close(context);
	}

}
