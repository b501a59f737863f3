package io.github.infisicalstarter.refresh;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import io.github.infisicalstarter.InfisicalException;
import io.github.infisicalstarter.client.InfisicalApiException;
import io.github.infisicalstarter.config.InfisicalProperties;
import io.github.infisicalstarter.client.SecretsPath;
import io.github.infisicalstarter.config.SecretsLocation;
import io.github.infisicalstarter.core.InfisicalWriteListener;
import io.github.infisicalstarter.env.InfisicalSecretsService;
import io.github.infisicalstarter.env.SecretsSnapshot;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.cloud.endpoint.event.RefreshEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Polls every loaded location at {@code infisical.refresh.interval} (plus random jitter
 * so a fleet does not poll in step), and right after the access token was renewed or
 * replaced. Polls send the last ETag, so an unchanged location costs one request answered
 * 304 and no work. When anything changed, one {@link RefreshEvent} is published for the
 * whole cycle; Spring Cloud then re-imports (reusing the snapshot this poll fetched),
 * rebinds {@code @ConfigurationProperties} and rebuilds {@code @RefreshScope} beans. A
 * failing server logs one WARN when the outage starts and one INFO when it ends, the last
 * good values stay, and polls back off (honouring {@code Retry-After}).
 * <p>
 * Push channels (webhooks, event subscriptions, Spring Cloud Bus) publish a
 * {@link SecretsChangeNoticedEvent} or call {@link #changeNoticed(SecretsChangeNotice)}:
 * a burst of notices leads to one re-read of the project's locations shortly after the
 * first one, on the watcher's thread. While a channel that sees every change is
 * connected, {@link #pushConnected(Duration)} slows polling to a safety interval.
 *
 * @since 0.1.0
 */
public final class InfisicalSecretsWatcher
		implements SmartLifecycle, InfisicalWriteListener, ApplicationListener<SecretsChangeNoticedEvent> {

	private static final Log logger = LogFactory.getLog(InfisicalSecretsWatcher.class);

	/** During an outage the interval doubles per failed poll, up to 2^3 = 8 times. */
	private static final int MAX_BACKOFF_DOUBLINGS = 3;

	/** How long a push notice waits for others of the same burst, by default. */
	private static final Duration DEFAULT_NOTICE_WINDOW = Duration.ofMillis(100);

	private final InfisicalSecretsService service;

	private final ApplicationEventPublisher publisher;

	private final InfisicalProperties.Refresh settings;

	private @Nullable ScheduledExecutorService scheduler;

	private @Nullable ScheduledFuture<?> next;

	private volatile boolean running;

	private final Object pollLock = new Object();

	private volatile int failures;

	private volatile @Nullable Duration lastRetryAfter;

	private volatile @Nullable Duration pushInterval;

	private volatile @Nullable Instant nextPoll;

	private final Set<String> noticedProjects = ConcurrentHashMap.newKeySet();

	private final AtomicBoolean noticeReadPending = new AtomicBoolean();

	private volatile Duration noticeWindow = DEFAULT_NOTICE_WINDOW;

	/**
	 * Create a new watcher.
	 * @param service the service whose locations are polled
	 * @param publisher where refresh events go
	 * @param settings the refresh settings
	 */
	public InfisicalSecretsWatcher(InfisicalSecretsService service, ApplicationEventPublisher publisher,
			InfisicalProperties.Refresh settings) {
		this.service = service;
		this.publisher = publisher;
		this.settings = settings;
		service.getTokens().onReissue(this::pollSoon);
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		CustomizableThreadFactory threads = new CustomizableThreadFactory("infisical-refresh-");
		threads.setDaemon(true);
		this.scheduler = Executors.newSingleThreadScheduledExecutor(threads);
		this.running = true;
		schedule(delay(null));
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
			this.scheduler = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Poll every location now, on the watcher's thread, then go on with the schedule.
	 */
	public synchronized void pollSoon() {
		schedule(Duration.ZERO);
	}

	/**
	 * Poll every location once, on the caller's thread.
	 * @return whether anything changed (and a refresh event was published)
	 */
	public boolean pollNow() {
		synchronized (this.pollLock) {
			return poll((location) -> true);
		}
	}

	/**
	 * Read the locations a write through a template may have changed, on the caller's
	 * thread, and publish a refresh when they changed: the writer then sees the new value
	 * in the {@code Environment} as soon as the write returns. A location is affected
	 * when it lists the written folder (itself, or a parent when recursive); one that
	 * merges imports may show the write as well, so it is read too (an unchanged location
	 * costs one request answered 304).
	 * @param path the folder written to
	 */
	@Override
	public void secretsWritten(SecretsPath path) {
		synchronized (this.pollLock) {
			poll((location) -> isAffected(location, path));
		}
	}

	/**
	 * Re-read every loaded location of the notice's project (imports make a change in one
	 * environment or folder visible in others; an unaffected location costs one request
	 * answered 304) shortly after, on the watcher's thread, and publish one refresh if
	 * anything changed. Notices arriving before that re-read starts join it; a notice for
	 * a project this application does not load costs nothing. Returns at once.
	 * @param notice the news
	 * @return whether the notice concerns a loaded project
	 */
	public boolean changeNoticed(SecretsChangeNotice notice) {
		if (this.service.getLocations().stream().noneMatch((l) -> l.projectId().equals(notice.projectId()))) {
			return false;
		}
		this.noticedProjects.add(notice.projectId());
		if (this.noticeReadPending.compareAndSet(false, true)) {
			ScheduledExecutorService scheduler = this.scheduler;
			if (scheduler == null) {
				this.noticeReadPending.set(false);
				return true;
			}
			scheduler.schedule(this::readNoticed, this.noticeWindow.toMillis(), TimeUnit.MILLISECONDS);
		}
		return true;
	}

	/**
	 * Set how long the first notice of a burst waits for the others before the re-read
	 * (100 ms by default): longer windows merge more notices into one re-read, shorter
	 * ones deliver a change sooner.
	 * @param window the window, zero or more
	 */
	public void setNoticeWindow(Duration window) {
		this.noticeWindow = window.isNegative() ? Duration.ZERO : window;
	}

	@Override
	public void onApplicationEvent(SecretsChangeNoticedEvent event) {
		changeNoticed(event.getNotice());
	}

	/**
	 * Tell the watcher whether a push channel that reports every change is connected.
	 * While it is, polls run at the given safety interval instead of
	 * {@code infisical.refresh.interval}; {@code null} returns to the normal interval.
	 * @param safetyInterval the interval while connected, or {@code null} when the
	 * channel is down
	 */
	public synchronized void pushConnected(@Nullable Duration safetyInterval) {
		Duration previous = this.pushInterval;
		this.pushInterval = safetyInterval;
		if (previous == null ? safetyInterval != null : !previous.equals(safetyInterval)) {
			schedule(delay(null));
		}
	}

	/**
	 * The time between two polls now: the safety interval while a push channel is
	 * connected, otherwise {@code infisical.refresh.interval} (before back-off and
	 * jitter).
	 * @return the interval
	 */
	public Duration currentInterval() {
		Duration push = this.pushInterval;
		return (push != null) ? push : this.settings.interval();
	}

	/**
	 * When the next scheduled poll is due.
	 * @return the time, or {@code null} when the watcher is not running
	 */
	public @Nullable Instant nextPoll() {
		return this.running ? this.nextPoll : null;
	}

	private void readNoticed() {
		this.noticeReadPending.set(false);
		Set<String> projects = new LinkedHashSet<>(this.noticedProjects);
		this.noticedProjects.removeAll(projects);
		try {
			synchronized (this.pollLock) {
				poll((location) -> projects.contains(location.projectId()));
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Infisical refresh failed: " + ex.getMessage());
		}
	}

	private static boolean isAffected(SecretsLocation location, SecretsPath path) {
		if (!location.projectId().equals(path.projectId())) {
			return false;
		}
		if (location.includeImports()) {
			return true;
		}
		if (!location.environment().equals(path.environment())) {
			return false;
		}
		String folder = location.secretPath();
		return folder.equals(path.path()) || (location.recursive()
				&& (folder.equals("/") || path.path().startsWith(folder.endsWith("/") ? folder : folder + "/")));
	}

	private boolean poll(Predicate<SecretsLocation> which) {
		Set<String> changed = new LinkedHashSet<>();
		Duration retryAfter = null;
		boolean failed = false;
		for (SecretsLocation location : this.service.getLocations()) {
			if (!which.test(location)) {
				continue;
			}
			try {
				SecretsSnapshot snapshot = this.service.poll(location);
				if (snapshot != null) {
					changed.add(location.name());
				}
			}
			catch (InfisicalException ex) {
				failed = true;
				if (ex instanceof InfisicalApiException api && api.getRetryAfter() != null) {
					retryAfter = api.getRetryAfter();
				}
				if (this.failures == 0) {
					logger.warn("Could not refresh Infisical secrets; keeping the last good values until the server "
							+ "answers again: " + ex.getMessage());
				}
			}
		}
		if (failed) {
			this.failures++;
			this.lastRetryAfter = retryAfter;
		}
		else if (this.failures > 0) {
			logger.info("Infisical answers again after " + this.failures + " failed poll(s); secrets refresh resumed");
			this.failures = 0;
		}
		if (!changed.isEmpty()) {
			logger.info("Infisical secrets changed in " + changed + "; refreshing the environment");
			this.publisher.publishEvent(new RefreshEvent(this, changed, "Infisical secrets changed"));
			return true;
		}
		return false;
	}

	private void cycle() {
		try {
			pollNow();
		}
		catch (RuntimeException ex) {
			logger.warn("Infisical refresh failed: " + ex.getMessage());
		}
		synchronized (this) {
			schedule(delay(this.lastRetryAfter));
			this.lastRetryAfter = null;
		}
	}

	private Duration delay(@Nullable Duration retryAfter) {
		Duration interval = currentInterval();
		if (this.failures > 0) {
			interval = interval.multipliedBy(1L << Math.min(this.failures - 1, MAX_BACKOFF_DOUBLINGS));
		}
		if (retryAfter != null && retryAfter.compareTo(interval) > 0) {
			interval = retryAfter;
		}
		long jitter = this.settings.jitter().toMillis();
		return (jitter > 0) ? interval.plusMillis(ThreadLocalRandom.current().nextLong(jitter + 1)) : interval;
	}

	private void schedule(Duration delay) {
		ScheduledExecutorService scheduler = this.scheduler;
		if (!this.running || scheduler == null) {
			return;
		}
		if (this.next != null) {
			this.next.cancel(false);
		}
		this.nextPoll = Instant.now().plus(delay);
		this.next = scheduler.schedule(this::cycle, delay.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public String toString() {
		return "InfisicalSecretsWatcher[interval=" + this.settings.interval() + "]";
	}

}
