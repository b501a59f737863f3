package io.github.infisicalstarter.datasource;

import javax.sql.DataSource;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Auto-configuration of database credential rotation: when the application has a
 * {@code DataSource} and Spring Cloud Context refreshes the Environment, credentials that
 * changed are applied to the running HikariCP pools. HikariCP itself is optional: without
 * it a changed {@code DataSource} gets a warning saying what to do instead.
 *
 * @since 0.1.0
 */
@AutoConfiguration(afterName = { "io.github.infisicalstarter.autoconfigure.InfisicalAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration" })
@ConditionalOnClass(name = "org.springframework.cloud.context.environment.EnvironmentChangeEvent")
@ConditionalOnBooleanProperty(name = { "infisical.enabled", "infisical.datasource.rotation.enabled" },
		matchIfMissing = true)
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(InfisicalDataSourceRotationProperties.class)
public final class InfisicalDataSourceRotationAutoConfiguration {

	@Bean
	InfisicalDataSourceRotator infisicalDataSourceRotator(ConfigurableEnvironment environment,
			ListableBeanFactory beanFactory, InfisicalDataSourceRotationProperties properties) {
		return new InfisicalDataSourceRotator(environment, beanFactory, properties);
	}

}
