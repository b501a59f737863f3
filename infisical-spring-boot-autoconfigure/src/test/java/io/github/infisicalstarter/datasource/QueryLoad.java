package io.github.infisicalstarter.datasource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A steady query load on several threads: each runs {@code SELECT current_user} in a loop
 * and records successes, failures and the users it ran as, until closed.
 */
public final class QueryLoad implements AutoCloseable {

	private final JdbcTemplate jdbc;

	private final List<Thread> threads = new ArrayList<>();

	private final AtomicLong queries = new AtomicLong();

	private final List<String> failures = new CopyOnWriteArrayList<>();

	private final Set<String> users = ConcurrentHashMap.newKeySet();

	private volatile boolean running = true;

	private QueryLoad(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Start the load.
	 * @param jdbc the template to query with
	 * @param threads how many threads
	 * @return the running load
	 */
	public static QueryLoad start(JdbcTemplate jdbc, int threads) {
		QueryLoad load = new QueryLoad(jdbc);
		for (int i = 0; i < threads; i++) {
			Thread thread = new Thread(load::loop, "query-load-" + i);
			thread.setDaemon(true);
			load.threads.add(thread);
			thread.start();
		}
		return load;
	}

	private void loop() {
		while (this.running) {
			try {
				this.users.add(this.jdbc.queryForObject("SELECT current_user", String.class));
				this.queries.incrementAndGet();
				Thread.sleep(2);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				this.failures.add(ex.getClass().getSimpleName() + ": " + ex.getMessage());
			}
		}
	}

	/**
	 * Return the number of successful queries so far.
	 * @return the count
	 */
	public long queries() {
		return this.queries.get();
	}

	/**
	 * Return the failures so far.
	 * @return one line per failed query
	 */
	public List<String> failures() {
		return List.copyOf(this.failures);
	}

	/**
	 * Return the users the queries ran as, and forget them.
	 * @return the users seen since the last call
	 */
	public Set<String> takeUsers() {
		Set<String> seen = Set.copyOf(this.users);
		this.users.removeAll(seen);
		return seen;
	}

	@Override
	public void close() throws InterruptedException {
		this.running = false;
		for (Thread thread : this.threads) {
			thread.join(10_000);
		}
	}

}
