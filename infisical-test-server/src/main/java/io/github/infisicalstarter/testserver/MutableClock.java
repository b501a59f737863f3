package io.github.infisicalstarter.testserver;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The server's clock. Token expiry, {@code updatedAt} and the journal follow it, so a
 * test can expire a token in a millisecond instead of waiting thirty days. It starts on
 * real time; {@link #advance(Duration)} and {@link #set(Instant)} freeze it at the
 * resulting instant until {@link #useRealTime()} is called. Hand it to the application
 * under test as well, so both sides agree on what time it is.
 *
 * @since 0.1.0
 */
public final class MutableClock extends Clock {

	private volatile @Nullable Instant fixed;

	MutableClock() {
	}

	@Override
	public Instant instant() {
		Instant instant = this.fixed;
		return (instant != null) ? instant : Instant.now();
	}

	/**
	 * Move the clock forward (or back, for a negative duration) and keep it there.
	 * @param duration how far to move
	 */
	public synchronized void advance(Duration duration) {
		Objects.requireNonNull(duration, "'duration' must not be null");
		this.fixed = instant().plus(duration);
	}

	/**
	 * Fix the clock at an instant.
	 * @param instant the instant the clock reports from now on
	 */
	public synchronized void set(Instant instant) {
		this.fixed = Objects.requireNonNull(instant, "'instant' must not be null");
	}

	/**
	 * Let the clock follow real time again.
	 */
	public synchronized void useRealTime() {
		this.fixed = null;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new ZonedView(this, zone);
	}

	/**
	 * The same instants in another zone, still following the server clock.
	 */
	private static final class ZonedView extends Clock {

		private final MutableClock clock;

		private final ZoneId zone;

		ZonedView(MutableClock clock, ZoneId zone) {
			this.clock = clock;
			this.zone = zone;
		}

		@Override
		public Instant instant() {
			return this.clock.instant();
		}

		@Override
		public ZoneId getZone() {
			return this.zone;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return new ZonedView(this.clock, zone);
		}

	}

}
