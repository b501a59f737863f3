package io.github.infisicalstarter.benchmarks.rotation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.github.infisicalstarter.testserver.InfisicalTestServer;
import io.github.infisicalstarter.testserver.RecordedRequest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Database credential rotation under load, against a real PostgreSQL (embedded, binaries
 * from Maven Central) and the test server in this JVM. Rotations as Infisical does them
 * for PostgreSQL: two roles alternate; each rotation gives the inactive role a new
 * password, then switches the username and password secrets to it in one step (which also
 * revokes nothing yet: the role before keeps working until the next rotation changes its
 * password). Measured per rotation: time from the secret change to the first connection
 * the pool opens as the new role ({@code backend_start} in {@code pg_stat_activity}, the
 * same clock), and until no connection of the old role is left; over the whole run,
 * failed queries of a steady load.
 * <p>
 * Environment: {@code ROTATIONS} (default 20), {@code REFRESH_INTERVAL_MS} (default
 * 1000), {@code LOAD_THREADS} (default 8), {@code POOL_SIZE} (default 10, Hikari's
 * default).
 */
public final class RotationBenchmark {

	private static final String HBA = """
			local all all trust
			host all postgres 127.0.0.1/32 trust
			host all postgres ::1/128 trust
			host all all 127.0.0.1/32 scram-sha-256
			host all all ::1/128 scram-sha-256
			""";

	private static final String[] ROLES = { "bench_blue", "bench_green" };

	private static final String PROJECT = InfisicalTestServer.DEFAULT_PROJECT_ID;

	private RotationBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int rotations = env("ROTATIONS", 20);
		int threads = env("LOAD_THREADS", 8);
		int poolSize = env("POOL_SIZE", 10);
		Duration interval = Duration.ofMillis(env("REFRESH_INTERVAL_MS", 1000));
		System.out.println();
		System.out.println("== Rotation benchmark: " + rotations + " rotations of a PostgreSQL username+password pair, "
				+ "interval " + interval.toMillis() + " ms, jitter 0; HikariCP pool of " + poolSize + ", " + threads
				+ " threads querying; app, test server and query load in one JVM, PostgreSQL embedded");
		System.out.println("   " + machine());
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
			.setErrorRedirector(ProcessBuilder.Redirect.DISCARD)
			.start(); InfisicalTestServer server = InfisicalTestServer.start()) {
			requirePasswords(postgres);
			String[] passwords = { password(), password() };
			for (int i = 0; i < ROLES.length; i++) {
				sql(postgres, "CREATE ROLE " + ROLES[i] + " LOGIN PASSWORD '" + passwords[i] + "'");
			}
			server.secrets(PROJECT, "dev", "/", Map.of("USERNAME", ROLES[0], "PASSWORD", passwords[0]));
			Map<String, Object> properties = new LinkedHashMap<>();
			properties.put("infisical.site-url", server.url());
			properties.put("infisical.client-id", InfisicalTestServer.DEFAULT_CLIENT_ID);
			properties.put("infisical.client-secret", InfisicalTestServer.DEFAULT_CLIENT_SECRET);
			properties.put("infisical.project-id", PROJECT);
			properties.put("infisical.environment", "dev");
			properties.put("infisical.prefix", "spring.datasource.");
			properties.put("infisical.refresh.enabled", "true");
			properties.put("infisical.refresh.interval", interval.toMillis() + "ms");
			properties.put("infisical.refresh.jitter", "0s");
			properties.put("infisical.token.revoke-on-shutdown", "false");
			properties.put("spring.datasource.url", "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres");
			properties.put("spring.datasource.hikari.maximum-pool-size", poolSize);
			properties.put("spring.main.banner-mode", "off");
			properties.put("logging.level.root", "WARN");
			try (ConfigurableApplicationContext context = new SpringApplicationBuilder(RotationApp.class)
				.web(WebApplicationType.NONE)
				.properties(properties)
				.run(); Load load = new Load(context.getBean(JdbcTemplate.class), threads)) {
				Thread.sleep(interval.multipliedBy(3).toMillis());
				rotate(postgres, server, load, rotations, interval);
			}
		}
		System.out.println("   machine after: " + loadAverage());
	}

	private static void rotate(EmbeddedPostgres postgres, InfisicalTestServer server, Load load, int rotations,
			Duration interval) throws Exception {
		Random random = new Random(11);
		List<Double> firstConnection = new ArrayList<>();
		List<Double> afterPoll = new ArrayList<>();
		List<Double> allReplaced = new ArrayList<>();
		long queriesBefore = load.queries.get();
		for (int i = 1; i <= rotations; i++) {
			String role = ROLES[i % 2];
			String old = ROLES[(i + 1) % 2];
			// the secret changes at a random moment of the polling cycle
			Thread.sleep(random.nextInt((int) interval.toMillis()));
			String password = password();
			sql(postgres, "ALTER ROLE " + role + " PASSWORD '" + password + "'");
			server.clearJournal();
			Instant changedAt = Instant.now();
			server.secrets(PROJECT, "dev", "/", Map.of("USERNAME", role, "PASSWORD", password));
			Instant first = awaitFirstConnection(postgres, role, changedAt, interval.multipliedBy(10));
			firstConnection.add(millis(changedAt, first));
			server.journal()
				.stream()
				.filter((request) -> request.path().startsWith("/api/v4/secrets") && request.status() == 200)
				.map(RecordedRequest::at)
				.filter((at) -> !at.isBefore(changedAt))
				.findFirst()
				.ifPresent((poll) -> afterPoll.add(millis(poll, first)));
			awaitNoConnections(postgres, old, interval.multipliedBy(10));
			allReplaced.add(millis(changedAt, Instant.now()));
		}
		long queries = load.queries.get() - queriesBefore;
		System.out.println("(a) secret change -> first new connection with the new credentials (ms), " + rotations
				+ " rotations at random moments: median " + f0(median(firstConnection)) + ", max "
				+ f0(max(firstConnection)) + "   (interval " + interval.toMillis() + ")");
		System.out.println("    of which poll arrival -> first new connection (fetch, refresh, apply, evict, "
				+ "connect): median " + f0(median(afterPoll)) + ", max " + f0(max(afterPoll)));
		System.out.println("    secret change -> no connection of the old role left: median " + f0(median(allReplaced))
				+ ", max " + f0(max(allReplaced)));
		System.out.println("(b) failed queries under load: " + load.failures.get() + " of "
				+ (queries + load.failures.get()) + "   target 0: " + ((load.failures.get() == 0) ? "OK" : "MISS"));
	}

	private static Instant awaitFirstConnection(EmbeddedPostgres postgres, String role, Instant after, Duration limit)
			throws SQLException, InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				PreparedStatement query = connection.prepareStatement(
						"SELECT min(backend_start) FROM pg_stat_activity WHERE usename = ? AND backend_start >= ?")) {
			query.setString(1, role);
			query.setTimestamp(2, Timestamp.from(after));
			while (System.nanoTime() < deadline) {
				try (ResultSet result = query.executeQuery()) {
					result.next();
					Timestamp first = result.getTimestamp(1);
					if (first != null) {
						return first.toInstant();
					}
				}
				Thread.sleep(2);
			}
		}
		throw new IllegalStateException("No connection as " + role + " within " + limit.toMillis() + " ms");
	}

	private static void awaitNoConnections(EmbeddedPostgres postgres, String role, Duration limit)
			throws SQLException, InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				PreparedStatement query = connection
					.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE usename = ?")) {
			query.setString(1, role);
			while (System.nanoTime() < deadline) {
				try (ResultSet result = query.executeQuery()) {
					result.next();
					if (result.getInt(1) == 0) {
						return;
					}
				}
				Thread.sleep(2);
			}
		}
		throw new IllegalStateException("Connections as " + role + " still open after " + limit.toMillis() + " ms");
	}

	private static void requirePasswords(EmbeddedPostgres postgres) throws Exception {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			ResultSet hbaFile = statement.executeQuery("SHOW hba_file");
			hbaFile.next();
			Files.writeString(Path.of(hbaFile.getString(1)), HBA);
			statement.execute("SELECT pg_reload_conf()");
		}
	}

	private static void sql(EmbeddedPostgres postgres, String sql) throws SQLException {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static double millis(Instant from, Instant to) {
		return Duration.between(from, to).toNanos() / 1e6;
	}

	private static String password() {
		return "pw-" + UUID.randomUUID();
	}

	private static int env(String name, int fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? Integer.parseInt(value.trim()) : fallback;
	}

	private static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int n = sorted.size();
		return (n % 2 == 1) ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}

	private static double max(List<Double> values) {
		return Collections.max(values);
	}

	private static String f0(double value) {
		return String.format(java.util.Locale.ROOT, "%.0f", value);
	}

	private static String machine() {
		return "JVM " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors()
				+ " cpus, " + loadAverage();
	}

	private static String loadAverage() {
		try {
			String[] load = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return "load average " + load[0] + " " + load[1] + " " + load[2];
		}
		catch (java.io.IOException | RuntimeException ex) {
			return "load average unknown";
		}
	}

	/** A steady query load: each thread runs {@code SELECT 1} every 2 ms. */
	private static final class Load implements AutoCloseable {

		private final AtomicLong queries = new AtomicLong();

		private final AtomicLong failures = new AtomicLong();

		private final List<Thread> threads = new ArrayList<>();

		private volatile boolean running = true;

		Load(JdbcTemplate jdbc, int count) {
			for (int i = 0; i < count; i++) {
				Thread thread = new Thread(() -> {
					while (this.running) {
						try {
							jdbc.queryForObject("SELECT 1", Integer.class);
							this.queries.incrementAndGet();
							Thread.sleep(2);
						}
						catch (InterruptedException ex) {
							return;
						}
						catch (RuntimeException ex) {
							this.failures.incrementAndGet();
						}
					}
				}, "query-load-" + i);
				thread.setDaemon(true);
				this.threads.add(thread);
				thread.start();
			}
		}

		@Override
		public void close() throws InterruptedException {
			this.running = false;
			for (Thread thread : this.threads) {
				thread.join(10_000);
			}
		}

	}

}
