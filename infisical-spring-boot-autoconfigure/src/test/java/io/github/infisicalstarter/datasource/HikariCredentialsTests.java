package io.github.infisicalstarter.datasource;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The second eviction of a pool that was not full when its credentials changed, with a
 * stand-in for the running pool's MXBean.
 */
class HikariCredentialsTests {

	@Test
	void lateEvictionWaitsUntilThePoolIsFull() {
		StubPool running = new StubPool(3);
		HikariCredentials.LateEviction eviction = new HikariCredentials.LateEviction(pool(60_000), running);
		assertThat(eviction.getAsBoolean()).isFalse();
		assertThat(running.evictions).isZero();
		running.total = 4;
		assertThat(eviction.getAsBoolean()).isTrue();
		assertThat(running.evictions).isOne();
	}

	@Test
	void lateEvictionGivesUpWaitingAfterTheConnectionTimeout() throws InterruptedException {
		StubPool running = new StubPool(1);
		HikariCredentials.LateEviction eviction = new HikariCredentials.LateEviction(pool(250), running);
		Thread.sleep(300);
		assertThat(eviction.getAsBoolean()).isTrue();
		assertThat(running.evictions).isOne();
	}

	@Test
	void lateEvictionsAreAskedUntilDone() throws InterruptedException {
		CountDownLatch done = new CountDownLatch(1);
		AtomicInteger asked = new AtomicInteger();
		try (LateEvictions evictions = new LateEvictions()) {
			evictions.schedule(() -> {
				if (asked.incrementAndGet() < 3) {
					return false;
				}
				done.countDown();
				return true;
			});
			assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
		}
		assertThat(asked).hasValue(3);
	}

	private static HikariDataSource pool(long connectionTimeout) {
		HikariDataSource pool = new HikariDataSource();
		pool.setMaximumPoolSize(4);
		pool.setConnectionTimeout(connectionTimeout);
		return pool;
	}

	static final class StubPool implements HikariPoolMXBean {

		volatile int total;

		volatile int evictions;

		StubPool(int total) {
			this.total = total;
		}

		@Override
		public int getIdleConnections() {
			return 0;
		}

		@Override
		public int getActiveConnections() {
			return this.total;
		}

		@Override
		public int getTotalConnections() {
			return this.total;
		}

		@Override
		public int getThreadsAwaitingConnection() {
			return 0;
		}

		@Override
		public void softEvictConnections() {
			this.evictions++;
		}

		@Override
		public void suspendPool() {
		}

		@Override
		public void resumePool() {
		}

	}

}
