package io.github.infisicalstarter.env;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What {@link InfisicalSecretsService} knows about one location: its last good snapshot,
 * whether a poll fetched a change the next load should take, and the status fields of
 * {@link InfisicalStatus.LocationStatus}.
 *
 * @since 0.1.0
 */
final class LocationState {

	volatile SecretsSnapshot snapshot;

	volatile boolean fresh;

	private boolean loaded;

	private @Nullable Instant lastSuccess;

	private @Nullable Instant lastChange;

	private int consecutiveFailures;

	private @Nullable String lastError;

	private long changed;

	private long unchanged;

	private long failed;

	private LocationState(SecretsSnapshot snapshot) {
		this.snapshot = snapshot;
	}

	static LocationState loaded(SecretsSnapshot snapshot, Instant now) {
		LocationState state = new LocationState(snapshot);
		state.record(snapshot, true, now);
		return state;
	}

	static LocationState notLoaded(String error) {
		LocationState state = new LocationState(SecretsSnapshot.EMPTY);
		state.consecutiveFailures = 1;
		state.lastError = error;
		return state;
	}

	/**
	 * Record a successful re-read.
	 * @param current what was read
	 * @param changed whether it differs from what was there
	 * @param now the time
	 */
	synchronized void succeeded(SecretsSnapshot current, boolean changed, Instant now) {
		if (changed) {
			this.changed++;
		}
		else {
			this.unchanged++;
		}
		record(current, changed, now);
	}

	private void record(SecretsSnapshot current, boolean changed, Instant now) {
		this.snapshot = current;
		this.loaded = true;
		this.lastSuccess = now;
		if (changed) {
			this.lastChange = now;
		}
		this.consecutiveFailures = 0;
	}

	synchronized void failed(String error) {
		this.failed++;
		this.consecutiveFailures++;
		this.lastError = error;
	}

	synchronized InfisicalStatus.LocationStatus status(String name) {
		return new InfisicalStatus.LocationStatus(name, this.loaded, this.snapshot.size(), this.lastSuccess,
				this.lastChange, this.consecutiveFailures, this.lastError, this.snapshot.etag(),
				new InfisicalStatus.Rereads(this.changed, this.unchanged, this.failed));
	}

}
