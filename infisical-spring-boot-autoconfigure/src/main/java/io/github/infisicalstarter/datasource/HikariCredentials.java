package io.github.infisicalstarter.datasource;

import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.util.Credentials;
import org.jspecify.annotations.Nullable;

/**
 * Applies credentials to a running HikariCP pool through Hikari's own runtime
 * configuration API: {@code HikariConfigMXBean#setCredentials} swaps username and
 * password in one step (Hikari reads them for every new connection), then
 * {@code HikariPoolMXBean#softEvictConnections} retires the connections opened with the
 * old ones: idle connections at once, busy ones when they are returned, so in-flight work
 * is never interrupted. The only class of the starter that touches Hikari's types, loaded
 * only when Hikari is on the class path.
 *
 * @since 0.1.0
 */
final class HikariCredentials {

	private HikariCredentials() {
	}

	/**
	 * Apply credentials to the Hikari pool behind a DataSource (the DataSource itself, or
	 * the target of a JDBC wrapper such as a Spring proxy), if there is one and Hikari
	 * allows it.
	 * @param dataSource the DataSource
	 * @param credentials the credentials
	 * @return what happened
	 */
	static Result apply(DataSource dataSource, DataSourceCredentials credentials) {
		HikariDataSource pool = unwrap(dataSource);
		if (pool == null) {
			return new Result(null, null, null);
		}
		String refusal = refusal(pool, credentials);
		if (refusal != null) {
			return new Result(pool.getPoolName(), refusal, null);
		}
		pool.getHikariConfigMXBean().setCredentials(Credentials.of(credentials.username(), credentials.password()));
		HikariPoolMXBean running = pool.getHikariPoolMXBean();
		if (running == null) {
			// the pool has not started (lazy): its first connection uses the new values
			return new Result(pool.getPoolName(), null, null);
		}
		// Hikari opens one connection at a time, and only while the pool is below its
		// maximum; a connection being opened now may have read the old values before
		// they were replaced, and it joins the pool after this eviction, so when the pool
		// is not full it is evicted again once that connection has landed
		boolean full = running.getTotalConnections() >= pool.getMaximumPoolSize();
		running.softEvictConnections();
		return new Result(pool.getPoolName(), null, full ? null : new LateEviction(pool, running));
	}

	private static @Nullable HikariDataSource unwrap(DataSource dataSource) {
		if (dataSource instanceof HikariDataSource hikari) {
			return hikari;
		}
		try {
			return dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class) : null;
		}
		catch (SQLException | RuntimeException ex) {
			return null;
		}
	}

	private static @Nullable String refusal(HikariDataSource pool, DataSourceCredentials credentials) {
		if (pool.getCredentialsProvider() != null || pool.getCredentialsProviderClassName() != null) {
			return "it takes its credentials from a HikariCredentialsProvider";
		}
		if (credentials.username() == null) {
			return "no username is configured for it, and Hikari applies a new password only together with a username";
		}
		if (pool.isClosed()) {
			return "it is closed";
		}
		return null;
	}

	/**
	 * The outcome of {@link #apply}.
	 *
	 * @param pool the Hikari pool's name, {@code null} if the DataSource is not a Hikari
	 * pool
	 * @param refusal why the credentials were not applied, {@code null} if they were
	 * @param lateEviction a second eviction still to be done, {@code null} if none
	 */
	record Result(@Nullable String pool, @Nullable String refusal, @Nullable BooleanSupplier lateEviction) {

	}

	/**
	 * The second soft eviction of a pool that was not full when its credentials changed:
	 * done as soon as the pool is full again (no connection is being opened any more, so
	 * one opened with the old values has joined it), or when the pool's connection
	 * timeout has passed (no connection attempt lasts longer). Asked repeatedly until it
	 * answers {@code true}.
	 */
	static final class LateEviction implements BooleanSupplier {

		private final HikariDataSource pool;

		private final HikariPoolMXBean running;

		private final long deadline;

		LateEviction(HikariDataSource pool, HikariPoolMXBean running) {
			this.pool = pool;
			this.running = running;
			this.deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pool.getConnectionTimeout());
		}

		@Override
		public boolean getAsBoolean() {
			if (this.pool.isClosed()) {
				return true;
			}
			if (this.running.getTotalConnections() < this.pool.getMaximumPoolSize()
					&& System.nanoTime() - this.deadline < 0) {
				return false;
			}
			this.running.softEvictConnections();
			return true;
		}

	}

}
