package io.github.infisicalstarter.datasource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.github.infisicalstarter.it.LeakScan;
import io.github.infisicalstarter.it.SampleApp;
import io.github.infisicalstarter.it.TestApps;
import io.github.infisicalstarter.testserver.InfisicalTestServer;
import io.github.infisicalstarter.testserver.InfisicalTestServerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.cloud.context.refresh.ContextRefresher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rotated database credentials reach Spring Boot's running HikariCP pool while queries
 * run on several threads, against a real PostgreSQL and the Infisical test server, the
 * two ways Infisical rotates: a role's password changed in place, and two roles that
 * alternate (username and password change together, and the previous pair stays valid
 * until the next rotation revokes it). No query may fail, and no password may appear in
 * the output.
 */
@Tag("database")
@ExtendWith(OutputCaptureExtension.class)
class DataSourceRotationIntegrationTests {

	@RegisterExtension
	static final InfisicalTestServerExtension infisical = new InfisicalTestServerExtension();

	private static final String PROJECT = InfisicalTestServer.DEFAULT_PROJECT_ID;

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final int POOL_SIZE = 4;

	private static TestDatabase database;

	@BeforeAll
	static void startDatabase() throws Exception {
		database = TestDatabase.start();
	}

	@AfterAll
	static void stopDatabase() throws Exception {
		database.close();
	}

	@Test
	void passwordChangedInPlaceReachesThePoolAndNoQueryFails(CapturedOutput output) throws Exception {
		String role = "app_in_place";
		String old = password();
		String rotated = password();
		database.createRole(role, old);
		InfisicalTestServer server = infisical.server();
		server.secret(PROJECT, "dev", "/", "DB_PASSWORD", old);
		// the password reaches spring.datasource.password only through a placeholder and
		// the relaxed name of DB_PASSWORD: its own key is never among the changed ones
		try (ConfigurableApplicationContext context = run(server, "--spring.datasource.username=" + role,
				"--spring.datasource.password=${db.password}");
				QueryLoad load = QueryLoad.start(context.getBean(JdbcTemplate.class), POOL_SIZE + 2)) {
			HikariPoolMXBean pool = awaitFullPool(context);
			Set<Integer> before = awaitSettled(pool, role);
			// Infisical's rotation: the database first (from now on only the new password
			// logs in; open connections live on), then the secret
			database.password(role, rotated);
			server.secret(PROJECT, "dev", "/", "DB_PASSWORD", rotated);
			awaitOnlyNewConnections(role, before);
			assertThat(database.canLogIn(role, old)).as("the old password is revoked").isFalse();
			// every new connection works
			Set<Integer> rotatedBackends = awaitSettled(pool, role);
			pool.softEvictConnections();
			awaitOnlyNewConnections(role, rotatedBackends);
			awaitMoreQueries(load);
			assertThat(load.failures()).isEmpty();
		}
		assertThat(output).containsOnlyOnce("Applied rotated database credentials to HikariCP pool");
		LeakScan.assertNoLeaks(output, server, old, rotated);
	}

	@Test
	void credentialsAreAppliedBeforeTheRefreshReturns(CapturedOutput output) {
		String role = "app_manual_refresh";
		String old = password();
		String rotated = password();
		database.createRole(role, old);
		InfisicalTestServer server = infisical.server();
		server.secret(PROJECT, "dev", "/", "DB_PASSWORD", old);
		try (ConfigurableApplicationContext context = TestApps.run(server,
				"--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=" + role,
				"--spring.datasource.password=${db.password}")) {
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo(role);
			Set<Integer> before = database.backends(role);
			database.password(role, rotated);
			server.secret(PROJECT, "dev", "/", "DB_PASSWORD", rotated);
			Set<String> changed = context.getBean(ContextRefresher.class).refresh();
			// the placeholder's own key is not among the changed ones, its value is
			assertThat(changed).contains("DB_PASSWORD").doesNotContain("spring.datasource.password");
			assertThat(context.getBean(HikariDataSource.class).getPassword()).isEqualTo(rotated);
			assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo(role);
			awaitOnlyNewConnections(role, before);
		}
		LeakScan.assertNoLeaks(output, server, old, rotated);
	}

	@Test
	void alternatingRolesRotateUsernameAndPasswordTogether(CapturedOutput output) throws Exception {
		String blue = "app_blue";
		String green = "app_green";
		String blue1 = password();
		String green1 = password();
		String blue2 = password();
		String greenRevoked = password();
		database.createRole(blue, blue1);
		database.createRole(green, password());
		InfisicalTestServer server = infisical.server();
		server.secrets(PROJECT, "dev", "/", Map.of("USERNAME", blue, "PASSWORD", blue1));
		// the secrets reach spring.datasource.* through the location's prefix
		try (ConfigurableApplicationContext context = run(server, "--infisical.prefix=spring.datasource.");
				QueryLoad load = QueryLoad.start(context.getBean(JdbcTemplate.class), POOL_SIZE + 2)) {
			HikariPoolMXBean pool = awaitFullPool(context);
			awaitSettled(pool, blue);
			assertThat(load.takeUsers()).containsOnly(blue);

			// rotation 1: the inactive role gets a new password, then the secret pair
			// switches to it; the previous pair stays valid
			database.password(green, green1);
			server.secrets(PROJECT, "dev", "/", Map.of("USERNAME", green, "PASSWORD", green1));
			awaitRoleGone(blue);
			awaitSettled(pool, green);
			load.takeUsers();
			awaitMoreQueries(load);
			assertThat(load.takeUsers()).containsOnly(green);
			assertThat(database.canLogIn(blue, blue1)).as("the previous pair overlaps").isTrue();

			// rotation 2 revokes the first pair by giving its role a new password
			database.password(blue, blue2);
			server.secrets(PROJECT, "dev", "/", Map.of("USERNAME", blue, "PASSWORD", blue2));
			awaitRoleGone(green);
			Set<Integer> current = awaitSettled(pool, blue);
			load.takeUsers();
			awaitMoreQueries(load);
			assertThat(load.takeUsers()).containsOnly(blue);
			assertThat(database.canLogIn(blue, blue1)).as("rotation 2 revoked the first pair").isFalse();

			// the next rotation would revoke the second pair: every new connection still
			// works
			database.password(green, greenRevoked);
			pool.softEvictConnections();
			awaitOnlyNewConnections(blue, current);
			awaitMoreQueries(load);
			assertThat(load.takeUsers()).containsOnly(blue);
			assertThat(load.failures()).isEmpty();
		}
		assertThat(output.getAll().split("Applied rotated database credentials to HikariCP pool", -1)).hasSize(3);
		LeakScan.assertNoLeaks(output, server, blue1, green1, blue2, greenRevoked);
	}

	@Test
	void optOutLeavesThePoolOnItsCredentials(CapturedOutput output) throws Exception {
		String first = "app_opt_out_1";
		String second = "app_opt_out_2";
		String firstPassword = password();
		String secondPassword = password();
		database.createRole(first, firstPassword);
		database.createRole(second, secondPassword);
		InfisicalTestServer server = infisical.server();
		server.secrets(PROJECT, "dev", "/", Map.of("USERNAME", first, "PASSWORD", firstPassword));
		try (ConfigurableApplicationContext context = run(server, "--infisical.prefix=spring.datasource.",
				"--infisical.datasource.rotation.enabled=false");
				QueryLoad load = QueryLoad.start(context.getBean(JdbcTemplate.class), 2)) {
			HikariPoolMXBean pool = awaitFullPool(context);
			assertThat(context.getBeanProvider(InfisicalDataSourceRotator.class).getIfAvailable()).isNull();
			server.secrets(PROJECT, "dev", "/", Map.of("USERNAME", second, "PASSWORD", secondPassword));
			await().atMost(WAIT)
				.until(() -> second.equals(context.getEnvironment().getProperty("spring.datasource.username")));
			pool.softEvictConnections();
			load.takeUsers();
			awaitMoreQueries(load);
			assertThat(load.takeUsers()).containsOnly(first);
			assertThat(load.failures()).isEmpty();
		}
		assertThat(output).doesNotContain("Applied rotated database credentials");
		LeakScan.assertNoLeaks(output, server, firstPassword, secondPassword);
	}

	@Test
	void dataSourceThatIsNotHikariGetsOneWarning(CapturedOutput output) throws Exception {
		String role = "app_driver_manager";
		String old = password();
		String rotated = password();
		database.createRole(role, old);
		InfisicalTestServer server = infisical.server();
		server.secret(PROJECT, "dev", "/", "DB_PASSWORD", old);
		List<String> args = new ArrayList<>(TestApps.credentials(server));
		args.removeIf((arg) -> arg.startsWith("--infisical.refresh.enabled="));
		args.addAll(List.of("--infisical.refresh.enabled=true", "--infisical.refresh.interval=200ms",
				"--infisical.refresh.jitter=0s", "--spring.datasource.url=" + database.jdbcUrl(),
				"--spring.datasource.username=" + role, "--spring.datasource.password=${db.password}"));
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SampleApp.class,
				DriverManagerConfiguration.class)
			.web(WebApplicationType.NONE)
			.run(args.toArray(String[]::new))) {
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo(role);
			server.secret(PROJECT, "dev", "/", "DB_PASSWORD", rotated);
			await().atMost(WAIT).until(() -> rotated.equals(context.getEnvironment().getProperty("db.password")));
			// each query opens a connection, still with the password it was built with
			assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo(role);
		}
		assertThat(output).containsOnlyOnce("Database credentials for DataSource bean 'dataSource' "
				+ "(spring.datasource.*) changed, but it is a DriverManagerDataSource, not a HikariCP pool");
		LeakScan.assertNoLeaks(output, server, old, rotated);
	}

	@Configuration(proxyBeanMethods = false)
	static class DriverManagerConfiguration {

		@Bean
		DataSource dataSource(Environment environment) {
			return new DriverManagerDataSource(environment.getRequiredProperty("spring.datasource.url"),
					environment.getRequiredProperty("spring.datasource.username"),
					environment.getRequiredProperty("spring.datasource.password"));
		}

	}

	private static ConfigurableApplicationContext run(InfisicalTestServer server, String... extra) {
		String[] common = { "--infisical.refresh.enabled=true", "--infisical.refresh.interval=200ms",
				"--infisical.refresh.jitter=0s", "--spring.datasource.url=" + database.jdbcUrl(),
				"--spring.datasource.hikari.maximum-pool-size=" + POOL_SIZE };
		String[] args = new String[common.length + extra.length];
		System.arraycopy(common, 0, args, 0, common.length);
		System.arraycopy(extra, 0, args, common.length, extra.length);
		return TestApps.run(server, args);
	}

	private static HikariPoolMXBean awaitFullPool(ConfigurableApplicationContext context) {
		HikariDataSource dataSource = context.getBean(HikariDataSource.class);
		await().atMost(WAIT)
			.until(() -> dataSource.getHikariPoolMXBean() != null
					&& dataSource.getHikariPoolMXBean().getTotalConnections() == POOL_SIZE);
		return dataSource.getHikariPoolMXBean();
	}

	/**
	 * Wait until the pool holds all its connections and none is being opened, so a soft
	 * eviction meets every one of them.
	 */
	private static Set<Integer> awaitSettled(HikariPoolMXBean pool, String role) {
		await().atMost(WAIT)
			.until(() -> pool.getTotalConnections() == POOL_SIZE && database.backends(role).size() == POOL_SIZE);
		return database.backends(role);
	}

	private static void awaitRoleGone(String role) {
		await().atMost(WAIT).untilAsserted(() -> assertThat(database.backends(role)).isEmpty());
	}

	private static void awaitOnlyNewConnections(String role, Set<Integer> old) {
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(database.backends(role)).isNotEmpty().doesNotContainAnyElementsOf(old));
	}

	private static void awaitMoreQueries(QueryLoad load) {
		long now = load.queries();
		await().atMost(WAIT).until(() -> load.queries() > now + 50);
	}

	private static String password() {
		return "pw-" + UUID.randomUUID();
	}

}
