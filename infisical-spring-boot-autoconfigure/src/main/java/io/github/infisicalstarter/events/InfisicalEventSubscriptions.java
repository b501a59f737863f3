package io.github.infisicalstarter.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.infisicalstarter.client.InfisicalEventsClient;
import io.github.infisicalstarter.config.InfisicalProperties;
import io.github.infisicalstarter.config.SecretsLocation;
import io.github.infisicalstarter.env.InfisicalSecretsService;
import io.github.infisicalstarter.events.EventPlaces.Place;
import io.github.infisicalstarter.refresh.InfisicalSecretsWatcher;
import io.github.infisicalstarter.refresh.SecretsChangeNotice;
import io.github.infisicalstarter.refresh.SecretsChangeNoticedEvent;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Holds one Infisical event stream per project of the loaded locations, for the whole
 * application, and turns what the streams report into refreshes:
 * <ul>
 * <li>each event is published as a {@link SecretsChangeNoticedEvent} (origin
 * {@link SecretsChangeNotice.Origin#EVENT}); the {@link InfisicalSecretsWatcher}
 * coalesces a burst into one re-read of the project's locations, and other listeners (the
 * Spring Cloud Bus fan-out) may pass it on;</li>
 * <li>while every stream is connected, polling slows to
 * {@code infisical.refresh.events.safety-interval}; when one is down, polling returns to
 * {@code infisical.refresh.interval};</li>
 * <li>Infisical keeps no events for a client that is away, so each (re)connection
 * triggers one re-read of the project's locations, which picks up what changed meanwhile
 * (an unchanged location costs one request answered 304). That re-read goes to the
 * watcher directly, not as an event: nothing changed that other instances need to hear
 * of.</li>
 * </ul>
 * The streams use the starter's access token and subscribe again after each re-issue.
 *
 * @since 0.1.0
 */
public final class InfisicalEventSubscriptions implements SmartLifecycle, ProjectEventStream.Listener {

	private final InfisicalSecretsWatcher watcher;

	private final ApplicationEventPublisher publisher;

	private final Duration safetyInterval;

	private final List<ProjectEventStream> streams = new ArrayList<>();

	private final Set<ProjectEventStream> connected = ConcurrentHashMap.newKeySet();

	private final Duration silenceLimit;

	private volatile boolean running;

	private @Nullable ScheduledExecutorService watchdog;

	/**
	 * Create the subscriptions for the projects of the service's loaded locations.
	 * @param service the service (locations, access token, transport)
	 * @param watcher the watcher to notify and to slow down
	 * @param publisher where change notices go
	 */
	public InfisicalEventSubscriptions(InfisicalSecretsService service, InfisicalSecretsWatcher watcher,
			ApplicationEventPublisher publisher) {
		this.watcher = watcher;
		this.publisher = publisher;
		InfisicalProperties.Events settings = service.getProperties().refresh().events();
		this.safetyInterval = settings.safetyInterval();
		this.silenceLimit = settings.pingInterval().multipliedBy(3);
		InfisicalEventsClient client = new InfisicalEventsClient(service.getClient().getTransport(), this.silenceLimit);
		Map<String, List<SecretsLocation>> byProject = new LinkedHashMap<>();
		for (SecretsLocation location : service.getLocations()) {
			byProject.computeIfAbsent(location.projectId(), (id) -> new ArrayList<>()).add(location);
		}
		byProject.forEach((projectId, locations) -> this.streams.add(new ProjectEventStream(projectId,
				EventRegistrations.of(locations), client, service.getTokens(), this)));
		service.getTokens().onReissue(this::tokenReissued);
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		this.streams.forEach(ProjectEventStream::start);
		CustomizableThreadFactory threads = new CustomizableThreadFactory("infisical-events-watchdog-");
		threads.setDaemon(true);
		ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(threads);
		long period = Math.max(10, this.silenceLimit.toMillis() / 6);
		watchdog.scheduleWithFixedDelay(() -> this.streams.forEach((stream) -> stream.closeIfSilent(this.silenceLimit)),
				period, period, TimeUnit.MILLISECONDS);
		this.watchdog = watchdog;
	}

	@Override
	public void stop() {
		synchronized (this) {
			this.running = false;
			if (this.watchdog != null) {
				this.watchdog.shutdownNow();
				this.watchdog = null;
			}
		}
		this.streams.forEach(ProjectEventStream::stop);
		this.connected.clear();
		this.watcher.pushConnected(null);
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Return the projects whose stream is connected now.
	 * @return the project ids
	 */
	public List<String> connectedProjects() {
		return this.connected.stream().map(ProjectEventStream::projectId).sorted().toList();
	}

	/**
	 * Return the projects whose stream still runs (connected or reconnecting); a refused
	 * stream has stopped.
	 * @return the project ids
	 */
	public List<String> activeProjects() {
		return this.streams.stream().filter(ProjectEventStream::isRunning).map(ProjectEventStream::projectId).toList();
	}

	private void tokenReissued() {
		if (this.running) {
			this.streams.forEach(ProjectEventStream::tokenReissued);
		}
	}

	@Override
	public void connected(ProjectEventStream stream) {
		this.connected.add(stream);
		updateWatcher();
		// no replay: re-read what may have changed while the stream was away
		this.watcher
			.changeNoticed(new SecretsChangeNotice(stream.projectId(), null, null, SecretsChangeNotice.Origin.EVENT));
	}

	@Override
	public void disconnected(ProjectEventStream stream) {
		this.connected.remove(stream);
		updateWatcher();
	}

	@Override
	public void refused(ProjectEventStream stream) {
		this.connected.remove(stream);
		updateWatcher();
	}

	@Override
	public void changed(ProjectEventStream stream, Place place) {
		this.publisher.publishEvent(new SecretsChangeNoticedEvent(this, new SecretsChangeNotice(stream.projectId(),
				place.environment(), place.secretPath(), SecretsChangeNotice.Origin.EVENT)));
	}

	private synchronized void updateWatcher() {
		boolean all = this.running && !this.streams.isEmpty() && this.connected.size() == this.streams.size();
		this.watcher.pushConnected(all ? this.safetyInterval : null);
	}

	@Override
	public String toString() {
		return "InfisicalEventSubscriptions[connected=" + connectedProjects() + "]";
	}

}
