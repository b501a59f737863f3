package io.github.infisicalstarter.env;

import java.time.Clock;

import io.github.infisicalstarter.auth.InfisicalAuthenticationProvider;
import io.github.infisicalstarter.config.InfisicalAuthProperties;
import io.github.infisicalstarter.config.InfisicalProperties;
import org.apache.commons.logging.Log;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.bootstrap.BootstrapRegistry.InstanceSupplier;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.boot.context.properties.bind.BindMethod;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.io.ResourceLoader;

/**
 * Shares one {@link InfisicalSecretsService} between the entry points that run before the
 * application context exists (ConfigData and the zero-configuration post-processor) by
 * keeping it in Spring Boot's bootstrap context, and promotes it to the bean
 * {@value #BEAN_NAME} when that context closes, so the refresh watcher and Spring Cloud's
 * refreshes reuse the same client and token.
 *
 * @since 0.1.0
 */
public final class InfisicalSecretsServices {

	/** Name of the promoted bean. */
	public static final String BEAN_NAME = "infisicalSecretsService";

	/**
	 * Name of the promoted properties, bound once before the context existed (shown by
	 * {@code /actuator/configprops}, client secret masked).
	 */
	public static final String PROPERTIES_BEAN_NAME = "infisicalProperties";

	private InfisicalSecretsServices() {
	}

	/**
	 * Bind the {@code infisical.*} properties.
	 * @param binder the binder
	 * @return the properties, with defaults where unset
	 */
	public static InfisicalProperties bind(Binder binder) {
		return binder.bind(InfisicalProperties.PREFIX, Bindable.of(InfisicalProperties.class))
			.orElseGet(InfisicalProperties::defaults);
	}

	/**
	 * Return the service of this application, creating it on first use.
	 * @param bootstrap the bootstrap context
	 * @param properties the bound properties
	 * @param binder a binder over the environment (for SSL bundles)
	 * @param resourceLoader a resource loader (for SSL bundle files)
	 * @param logger the log the service reports through
	 * @return the shared service
	 */
	public static InfisicalSecretsService obtain(ConfigurableBootstrapContext bootstrap, InfisicalProperties properties,
			Binder binder, ResourceLoader resourceLoader, Log logger) {
		if (bootstrap.isRegistered(InfisicalSecretsService.class)) {
			return bootstrap.get(InfisicalSecretsService.class);
		}
		InfisicalAuthenticationProvider provider = bootstrap.isRegistered(InfisicalAuthenticationProvider.class)
				? bootstrap.get(InfisicalAuthenticationProvider.class) : null;
		InfisicalSecretsService service = InfisicalSecretsService.create(properties,
				InfisicalAuthProperties.bind(binder), provider,
				SslBundleLookup.find(properties, binder, resourceLoader), logger, Clock.systemUTC());
		bootstrap.register(InfisicalSecretsService.class, InstanceSupplier.of(service));
		bootstrap.addCloseListener((event) -> promote(event.getApplicationContext().getBeanFactory(), service));
		return service;
	}

	private static void promote(ConfigurableListableBeanFactory beanFactory, InfisicalSecretsService service) {
		if (beanFactory.containsSingleton(BEAN_NAME)) {
			return;
		}
		beanFactory.registerSingleton(BEAN_NAME, service);
		if (beanFactory instanceof BeanDefinitionRegistry registry
				&& !registry.containsBeanDefinition(PROPERTIES_BEAN_NAME)) {
			registry.registerBeanDefinition(PROPERTIES_BEAN_NAME, propertiesDefinition(service.getProperties()));
		}
	}

	/**
	 * A bean definition (not a bare singleton: {@code /actuator/configprops} lists only
	 * {@code @ConfigurationProperties} beans that have a definition) for properties that
	 * were bound before the context existed, marked as a bound value object so that
	 * neither Spring Boot nor Spring Cloud's rebinding binds them again.
	 * @param properties the bound properties
	 * @return the bean definition
	 */
	static BeanDefinition propertiesDefinition(InfisicalProperties properties) {
		RootBeanDefinition definition = new RootBeanDefinition(InfisicalProperties.class, () -> properties);
		// the attribute Spring Boot's @EnableConfigurationProperties sets on value
		// objects
		definition.setAttribute(BindMethod.class.getName(), BindMethod.VALUE_OBJECT);
		return definition;
	}

}
