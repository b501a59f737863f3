package io.github.infisicalstarter.events;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.infisicalstarter.auth.AccessTokenManager;
import io.github.infisicalstarter.client.EventRegistration;
import io.github.infisicalstarter.client.InfisicalApiException;
import io.github.infisicalstarter.client.InfisicalEventsClient;
import io.github.infisicalstarter.events.EventPlaces.Place;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The one event stream of a project, held open by its own daemon thread: subscribe with
 * the starter's access token, read frames, tell the {@link Listener} of each change, and
 * reconnect with exponential back-off and full jitter when the stream breaks or stays
 * silent past three ping intervals (see {@link #closeIfSilent(Duration)}). A refusal that
 * retrying cannot cure (see {@link EventStreamRefusal}) ends the stream for good; a full
 * connection budget is retried rarely. A token re-issue ends the current connection and
 * subscribes again at once with the new token.
 *
 * @since 0.1.0
 */
final class ProjectEventStream implements Runnable {

	private static final Log logger = LogFactory.getLog(ProjectEventStream.class);

	private static final AtomicInteger THREADS = new AtomicInteger();

	static final Duration INITIAL_BACKOFF = Duration.ofSeconds(1);

	static final Duration MAX_BACKOFF = Duration.ofMinutes(2);

	private final String projectId;

	private final List<EventRegistration> registrations;

	private final InfisicalEventsClient client;

	private final AccessTokenManager tokens;

	private final Listener listener;

	private final Object monitor = new Object();

	private volatile boolean running;

	private volatile boolean resubscribe;

	private volatile @Nullable InputStream current;

	private volatile long lastHeard;

	private volatile boolean silent;

	private @Nullable Thread thread;

	ProjectEventStream(String projectId, List<EventRegistration> registrations, InfisicalEventsClient client,
			AccessTokenManager tokens, Listener listener) {
		this.projectId = projectId;
		this.registrations = registrations;
		this.client = client;
		this.tokens = tokens;
		this.listener = listener;
	}

	String projectId() {
		return this.projectId;
	}

	synchronized void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		Thread thread = new Thread(this, "infisical-events-" + THREADS.incrementAndGet());
		thread.setDaemon(true);
		this.thread = thread;
		thread.start();
	}

	void stop() {
		Thread thread;
		synchronized (this) {
			this.running = false;
			thread = this.thread;
			this.thread = null;
		}
		closeCurrent();
		synchronized (this.monitor) {
			this.monitor.notifyAll();
		}
		if (thread != null) {
			thread.interrupt();
			try {
				thread.join(2000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	boolean isRunning() {
		return this.running;
	}

	/**
	 * Subscribe again with the new token: at once, ending the current connection, or
	 * right away when waiting to reconnect.
	 */
	void tokenReissued() {
		if (!this.running) {
			return;
		}
		this.resubscribe = true;
		closeCurrent();
		synchronized (this.monitor) {
			this.monitor.notifyAll();
		}
	}

	/**
	 * Close the connection when nothing, not even a ping, arrived for longer than the
	 * limit: a stream through a dead proxy or a lost network path can stay open without
	 * an error.
	 * @param limit the longest silence of a live stream
	 */
	void closeIfSilent(Duration limit) {
		if (this.current != null && System.nanoTime() - this.lastHeard > limit.toNanos()) {
			this.silent = true;
			closeCurrent();
		}
	}

	@Override
	public void run() {
		int failures = 0;
		boolean outage = false;
		while (this.running) {
			this.resubscribe = false;
			this.silent = false;
			Duration delay;
			try {
				InputStream body = this.tokens
					.execute((token) -> this.client.subscribe(this.projectId, this.registrations, token));
				this.lastHeard = System.nanoTime();
				this.current = body;
				if (!this.running) {
					closeCurrent();
					break;
				}
				if (outage) {
					logger.info("Infisical event stream of project " + this.projectId + " is connected again");
					outage = false;
				}
				this.listener.connected(this);
				String lost = read(body);
				this.listener.disconnected(this);
				failures = (lost == null) ? 0 : failures;
				if (!this.running || this.resubscribe) {
					continue;
				}
				logger.info("Infisical event stream of project " + this.projectId + " was lost ("
						+ ((lost != null) ? lost : "closed by the server") + "); polling until it is back");
				outage = true;
				delay = backoff(failures);
				failures++;
			}
			catch (InfisicalApiException ex) {
				EventStreamRefusal refusal = EventStreamRefusal.of(ex);
				if (refusal != null && !refusal.retried()) {
					logger.warn(refusal.describe(this.projectId, ex));
					this.listener.refused(this);
					this.running = false;
					return;
				}
				if (refusal != null) {
					if (!outage) {
						logger.warn(refusal.describe(this.projectId, ex));
					}
					delay = jitter(longest(ex.getRetryAfter(), EventStreamRefusal.BUDGET_RETRY));
				}
				else {
					if (!outage) {
						logger.warn("Could not subscribe to Infisical events of project " + this.projectId
								+ "; polling and retrying: " + ex.getMessage());
					}
					else if (logger.isDebugEnabled()) {
						logger.debug("Subscribing to Infisical events failed again: " + ex.getMessage());
					}
					delay = backoff(failures);
					failures++;
				}
				outage = true;
			}
			catch (RuntimeException ex) {
				logger.warn("Could not subscribe to Infisical events of project " + this.projectId + ": "
						+ ex.getClass().getSimpleName());
				outage = true;
				delay = backoff(failures);
				failures++;
			}
			finally {
				closeCurrent();
			}
			pause(delay);
		}
	}

	/**
	 * Read frames until the stream ends.
	 * @return why the stream was lost, or {@code null} when at least one frame arrived
	 * before it ended (the server is there: reconnect soon)
	 */
	private @Nullable String read(InputStream body) {
		SseReader reader = new SseReader(body);
		boolean heard = false;
		try {
			for (SseFrame frame = reader.next(); frame != null; frame = reader.next()) {
				heard = true;
				this.lastHeard = System.nanoTime();
				if (frame.event().startsWith("secret:")) {
					changed(frame);
				}
				else if (frame.event().equals("error")) {
					// Infisical closes a stream whose permissions were revoked with an
					// error
					// event; its message names no secret
					return "Infisical ended it with an error event: the identity may have lost the "
							+ "'Secret Events' permission";
				}
			}
			return heard ? null : "closed by the server";
		}
		catch (IOException ex) {
			if (this.silent) {
				return "silent for longer than three ping intervals";
			}
			return heard ? null : ex.getClass().getSimpleName();
		}
	}

	private void changed(SseFrame frame) {
		java.util.Set<Place> places = EventPlaces.read(frame.data());
		if (places.isEmpty()) {
			this.listener.changed(this, new Place(null, null));
			return;
		}
		places.forEach((place) -> this.listener.changed(this, place));
	}

	private void closeCurrent() {
		InputStream body = this.current;
		this.current = null;
		if (body != null) {
			try {
				body.close();
			}
			catch (IOException ex) {
				// the connection is gone either way
			}
		}
	}

	private void pause(Duration delay) {
		long deadline = System.nanoTime() + delay.toNanos();
		synchronized (this.monitor) {
			while (this.running && !this.resubscribe) {
				long left = (deadline - System.nanoTime()) / 1_000_000;
				if (left <= 0) {
					return;
				}
				try {
					this.monitor.wait(left);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}
	}

	/**
	 * Exponential back-off with jitter: between half and all of
	 * {@code INITIAL_BACKOFF * 2^failures}, at most {@link #MAX_BACKOFF}.
	 */
	static Duration backoff(int failures) {
		long max = Math.min(MAX_BACKOFF.toMillis(), INITIAL_BACKOFF.toMillis() << Math.min(failures, 20));
		return jitter(Duration.ofMillis(max));
	}

	private static Duration jitter(Duration max) {
		long millis = max.toMillis();
		return Duration.ofMillis(millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
	}

	private static Duration longest(@Nullable Duration retryAfter, Duration floor) {
		return (retryAfter != null && retryAfter.compareTo(floor) > 0) ? retryAfter : floor;
	}

	@Override
	public String toString() {
		return "ProjectEventStream[" + this.projectId + "]";
	}

	/**
	 * What a stream reports.
	 */
	interface Listener {

		void connected(ProjectEventStream stream);

		void disconnected(ProjectEventStream stream);

		void refused(ProjectEventStream stream);

		void changed(ProjectEventStream stream, Place place);

	}

}
