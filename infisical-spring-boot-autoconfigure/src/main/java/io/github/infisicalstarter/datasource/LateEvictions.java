package io.github.infisicalstarter.datasource;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.jspecify.annotations.Nullable;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Runs second evictions off the refresh thread: each is asked every 100 ms whether it is
 * done. The one daemon thread is created at the first eviction, which most applications
 * never need.
 *
 * @since 0.1.0
 */
final class LateEvictions implements AutoCloseable {

	private static final Duration CHECK = Duration.ofMillis(100);

	private @Nullable ScheduledExecutorService executor;

	/**
	 * Ask an eviction every 100 ms until it answers {@code true}.
	 * @param eviction the eviction
	 */
	synchronized void schedule(BooleanSupplier eviction) {
		if (this.executor == null) {
			CustomizableThreadFactory threads = new CustomizableThreadFactory("infisical-datasource-");
			threads.setDaemon(true);
			this.executor = Executors.newSingleThreadScheduledExecutor(threads);
		}
		ScheduledExecutorService executor = this.executor;
		executor.schedule(new Runnable() {

			@Override
			public void run() {
				if (!eviction.getAsBoolean()) {
					executor.schedule(this, CHECK.toMillis(), TimeUnit.MILLISECONDS);
				}
			}

		}, CHECK.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void close() {
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
		}
	}

}
