package io.github.infisicalstarter.datasource;

import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.Credentials;
import io.github.infisicalstarter.config.InfisicalConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rotation's auto-configuration and its decisions, with pools that never connect: a
 * refresh is emulated by changing a property source and publishing the
 * {@link EnvironmentChangeEvent} Spring Cloud publishes.
 */
@ExtendWith(OutputCaptureExtension.class)
class InfisicalDataSourceRotationAutoConfigurationTests {

	private static final String SECRETS = "secrets";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(InfisicalDataSourceRotationAutoConfiguration.class))
		.withInitializer((context) -> context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource(SECRETS,
					new java.util.HashMap<>(Map.of("db.password", "first-secret", "db.username", "first-user")))));

	@Test
	void placeholderWhoseValueChangedIsAppliedWithTheUsername(CapturedOutput output) {
		this.contextRunner.withUserConfiguration(HikariConfiguration.class)
			.withPropertyValues("spring.datasource.username=${db.username}",
					"spring.datasource.password=${db.password}")
			.run((context) -> {
				HikariDataSource pool = context.getBean(HikariDataSource.class);
				refresh(context, Map.of("db.password", "second-secret", "db.username", "second-user"));
				assertThat(pool.getUsername()).isEqualTo("second-user");
				assertThat(pool.getPassword()).isEqualTo("second-secret");
				refresh(context, Map.of());
				assertThat(output).containsOnlyOnce("Applied rotated database credentials to HikariCP pool 'main'")
					.contains("(DataSource bean 'dataSource')")
					.doesNotContain("second-secret")
					.doesNotContain("first-secret");
			});
	}

	@Test
	void relaxedNamesCount() {
		this.contextRunner.withUserConfiguration(HikariConfiguration.class)
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addLast(new SystemEnvironmentPropertySource("env",
						Map.of("SPRING_DATASOURCE_USERNAME", "env-user", "SPRING_DATASOURCE_PASSWORD", "${DB_PASSWORD}",
								"DB_PASSWORD", "env-secret"))))
			.run((context) -> {
				HikariDataSource pool = context.getBean(HikariDataSource.class);
				MutablePropertySources sources = context.getEnvironment().getPropertySources();
				sources.replace("env", new SystemEnvironmentPropertySource("env", Map.of("SPRING_DATASOURCE_USERNAME",
						"env-user", "SPRING_DATASOURCE_PASSWORD", "${DB_PASSWORD}", "DB_PASSWORD", "rotated")));
				context.publishEvent(new EnvironmentChangeEvent(context, Set.of("DB_PASSWORD")));
				assertThat(pool.getUsername()).isEqualTo("env-user");
				assertThat(pool.getPassword()).isEqualTo("rotated");
			});
	}

	@Test
	void unchangedCredentialsLeaveThePoolAlone(CapturedOutput output) {
		this.contextRunner.withUserConfiguration(HikariConfiguration.class)
			.withPropertyValues("spring.datasource.username=app", "spring.datasource.password=${db.password}")
			.run((context) -> {
				HikariDataSource pool = context.getBean(HikariDataSource.class);
				refresh(context, Map.of("unrelated", "x"));
				assertThat(pool.getPassword()).isEqualTo("built-with");
				assertThat(output).doesNotContain("Applied rotated database credentials");
			});
	}

	@Test
	void namedPoolWithItsOwnPrefixAndHikariOverride() {
		this.contextRunner.withUserConfiguration(HikariConfiguration.class, ReportingConfiguration.class)
			.withPropertyValues("infisical.datasource.rotation.pools[0].bean=reporting",
					"infisical.datasource.rotation.pools[0].prefix=app.reporting", "app.reporting.username=reporter",
					"app.reporting.password=unused", "app.reporting.hikari.password=${db.password}")
			.run((context) -> {
				HikariDataSource reporting = context.getBean("reporting", HikariDataSource.class);
				refresh(context, Map.of("db.password", "reporting-secret"));
				assertThat(reporting.getUsername()).isEqualTo("reporter");
				assertThat(reporting.getPassword()).isEqualTo("reporting-secret");
				assertThat(context.getBean("dataSource", HikariDataSource.class).getPassword()).isEqualTo("built-with");
			});
	}

	@Test
	void dataSourceThatIsNotHikariGetsOneWarning(CapturedOutput output) {
		this.contextRunner.withUserConfiguration(DriverManagerConfiguration.class)
			.withPropertyValues("spring.datasource.username=app", "spring.datasource.password=${db.password}")
			.run((context) -> {
				refresh(context, Map.of("db.password", "second-secret"));
				refresh(context, Map.of());
				assertThat(output)
					.containsOnlyOnce("Database credentials for DataSource bean 'dataSource' (spring.datasource.*) "
							+ "changed, but it is a DriverManagerDataSource, not a HikariCP pool")
					.contains("put this DataSource in @RefreshScope")
					.doesNotContain("second-secret");
			});
	}

	@Test
	void poolThatRefusesTheCredentialsGetsAWarningAndTheRefreshGoesOn(CapturedOutput output) {
		this.contextRunner.withUserConfiguration(RefusingConfiguration.class, ReportingConfiguration.class)
			.withPropertyValues("spring.datasource.username=app", "spring.datasource.password=${db.password}",
					"infisical.datasource.rotation.pools[0].bean=reporting",
					"infisical.datasource.rotation.pools[0].prefix=spring.datasource")
			.run((context) -> {
				refresh(context, Map.of("db.password", "second-secret"));
				assertThat(context.getBean("dataSource", HikariDataSource.class).getPassword()).isEqualTo("built-with");
				assertThat(context.getBean("reporting", HikariDataSource.class).getPassword())
					.isEqualTo("second-secret");
				assertThat(output).containsOnlyOnce("Database credentials for DataSource bean 'dataSource' "
						+ "(spring.datasource.*) changed, but applying them failed (java.lang.IllegalStateException)")
					.doesNotContain("second-secret");
			});
	}

	@Test
	void unresolvablePlaceholderKeepsThePoolsCredentials(CapturedOutput output) {
		this.contextRunner.withUserConfiguration(HikariConfiguration.class)
			.withPropertyValues("spring.datasource.username=app", "spring.datasource.password=${db.password}")
			.run((context) -> {
				HikariDataSource pool = context.getBean(HikariDataSource.class);
				context.getEnvironment()
					.getPropertySources()
					.replace(SECRETS, new MapPropertySource(SECRETS, Map.of()));
				context.publishEvent(new EnvironmentChangeEvent(context, Set.of("db.password")));
				assertThat(pool.getPassword()).isEqualTo("built-with");
				assertThat(output).contains("cannot be resolved, so its pool keeps the ones it has")
					.contains("db.password");
			});
	}

	@Test
	void poolWithoutUsernameGetsAWarning(CapturedOutput output) {
		this.contextRunner.withUserConfiguration(HikariConfiguration.class)
			.withPropertyValues("spring.datasource.password=${db.password}")
			.run((context) -> {
				refresh(context, Map.of("db.password", "second-secret"));
				assertThat(output).contains("no username is configured for it")
					.contains("Set spring.datasource.username");
			});
	}

	@Test
	void namedPoolThatIsNoDataSourceFailsStartUpNamingTheProperty() {
		this.contextRunner.withUserConfiguration(HikariConfiguration.class)
			.withPropertyValues("infisical.datasource.rotation.pools[0].bean=missing",
					"infisical.datasource.rotation.pools[0].prefix=app.missing")
			.run((context) -> assertThat(context).getFailure()
				.isInstanceOf(InfisicalConfigurationException.class)
				.hasMessage("Property 'infisical.datasource.rotation.pools[0].bean' names 'missing', "
						+ "which is not a DataSource bean."));
	}

	@Test
	void namedPoolWithoutPrefixFailsStartUpNamingTheProperty() {
		this.contextRunner.withUserConfiguration(HikariConfiguration.class)
			.withPropertyValues("infisical.datasource.rotation.pools[0].bean=dataSource")
			.run((context) -> assertThat(context).getFailure()
				.isInstanceOf(InfisicalConfigurationException.class)
				.hasMessage("Property 'infisical.datasource.rotation.pools[0].prefix' is not set."));
	}

	@Test
	void optOut() {
		this.contextRunner.withUserConfiguration(HikariConfiguration.class)
			.withPropertyValues("infisical.datasource.rotation.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(InfisicalDataSourceRotator.class));
	}

	@Test
	void offWhenInfisicalIsOff() {
		this.contextRunner.withUserConfiguration(HikariConfiguration.class)
			.withPropertyValues("infisical.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(InfisicalDataSourceRotator.class));
	}

	@Test
	void nothingWithoutADataSource() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(InfisicalDataSourceRotator.class));
	}

	@Test
	void nothingWithoutSpringCloudContext() {
		this.contextRunner.withUserConfiguration(HikariConfiguration.class)
			.withClassLoader(new FilteredClassLoader(EnvironmentChangeEvent.class))
			.run((context) -> assertThat(context).doesNotHaveBean(InfisicalDataSourceRotator.class));
	}

	@Test
	void toStringShowsNoValues() {
		this.contextRunner.withUserConfiguration(HikariConfiguration.class)
			.withPropertyValues("spring.datasource.username=app", "spring.datasource.password=${db.password}")
			.run((context) -> assertThat(context.getBean(InfisicalDataSourceRotator.class))
				.hasToString("InfisicalDataSourceRotator[pools={dataSource=spring.datasource}]"));
	}

	private static void refresh(AssertableApplicationContext context, Map<String, String> changes) {
		StandardEnvironment environment = (StandardEnvironment) context.getEnvironment();
		@SuppressWarnings("unchecked")
		Map<String, Object> secrets = (Map<String, Object>) environment.getPropertySources().get(SECRETS).getSource();
		secrets.putAll(changes);
		context.publishEvent(new EnvironmentChangeEvent(context, changes.keySet()));
	}

	@Configuration(proxyBeanMethods = false)
	static class HikariConfiguration {

		@Bean
		HikariDataSource dataSource() {
			// never started: the rotation works on a lazy pool too
			HikariDataSource dataSource = new HikariDataSource();
			dataSource.setPoolName("main");
			dataSource.setJdbcUrl("jdbc:postgresql://localhost:1/none");
			dataSource.setUsername("app");
			dataSource.setPassword("built-with");
			return dataSource;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RefusingConfiguration {

		@Bean
		HikariDataSource dataSource() {
			HikariDataSource dataSource = new HikariDataSource() {

				@Override
				public void setCredentials(Credentials credentials) {
					throw new IllegalStateException("refused");
				}

			};
			dataSource.setJdbcUrl("jdbc:postgresql://localhost:1/none");
			dataSource.setUsername("app");
			dataSource.setPassword("built-with");
			return dataSource;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ReportingConfiguration {

		@Bean
		HikariDataSource reporting() {
			HikariDataSource dataSource = new HikariDataSource();
			dataSource.setPoolName("reporting");
			dataSource.setJdbcUrl("jdbc:postgresql://localhost:1/none");
			return dataSource;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class DriverManagerConfiguration {

		@Bean
		DataSource dataSource() {
			return new DriverManagerDataSource("jdbc:postgresql://localhost:1/none");
		}

	}

}
