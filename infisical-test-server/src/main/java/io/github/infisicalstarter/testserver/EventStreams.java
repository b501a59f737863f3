package io.github.infisicalstarter.testserver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Infisical's project event subscriptions ({@code POST
 * /api/v1/events/subscribe/project-events}, Server-Sent Events): the open streams, the
 * events every secret change emits to them, and switches for the ways a real server
 * refuses or loses a stream. Pings come every 15 seconds as on Infisical unless a test
 * shortens the interval.
 */
public final class EventStreams {

	/** Infisical's limit of concurrent streams per project. */
	public static final int DEFAULT_MAX_STREAMS_PER_PROJECT = 100;

	/** Infisical's limit of registrations per stream. */
	static final int MAX_REGISTRATIONS = 10;

	/**
	 * How the server answers a new subscription.
	 */
	public enum Answer {

		/** Streams events (Enterprise plan). */
		STREAM,

		/** 404 {@code Route POST:… not found}: an Infisical without the route. */
		NO_ROUTE,

		/** 400 "Event subscriptions are not available on your current plan…". */
		PLAN,

		/** 429 {@code RateLimitError}: the project's connection budget is used up. */
		TOO_MANY,

		/**
		 * 403 {@code PermissionDenied}: the identity lacks the "Secret Events"
		 * permission.
		 */
		FORBIDDEN

	}

	private final List<EventStream> open = new CopyOnWriteArrayList<>();

	private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

	private volatile Duration pingInterval = Duration.ofSeconds(15);

	private volatile Answer answer = Answer.STREAM;

	private volatile boolean silent;

	private volatile int maxStreamsPerProject = DEFAULT_MAX_STREAMS_PER_PROJECT;

	EventStreams() {
	}

	/**
	 * Set the time between two pings on every stream.
	 * @param interval the interval
	 * @return this
	 */
	public EventStreams pingInterval(Duration interval) {
		this.pingInterval = interval;
		return this;
	}

	Duration pingInterval() {
		return this.pingInterval;
	}

	/**
	 * Set how new subscriptions are answered; open streams stay open.
	 * @param answer the answer
	 * @return this
	 */
	public EventStreams answer(Answer answer) {
		this.answer = answer;
		return this;
	}

	Answer answer() {
		return this.answer;
	}

	/**
	 * Stop or resume pings and events on every stream, as a connection that hangs without
	 * closing (a dead proxy, a lost network path) does.
	 * @param silent whether streams stay silent
	 * @return this
	 */
	public EventStreams silent(boolean silent) {
		this.silent = silent;
		return this;
	}

	boolean silent() {
		return this.silent;
	}

	/**
	 * Set how many streams a project may have open at once; more are answered 429.
	 * @param max the limit
	 * @return this
	 */
	public EventStreams maxStreamsPerProject(int max) {
		this.maxStreamsPerProject = max;
		return this;
	}

	/**
	 * Close every open stream, as a restarting Infisical or a proxy's idle timeout does.
	 * @return how many streams were closed
	 */
	public int dropAll() {
		List<EventStream> streams = new ArrayList<>(this.open);
		streams.forEach(EventStream::close);
		return streams.size();
	}

	/**
	 * Return how many streams of a project are open.
	 * @param projectId the project
	 * @return the number of open streams
	 */
	public int openStreams(String projectId) {
		return (int) this.open.stream().filter((stream) -> stream.projectId().equals(projectId)).count();
	}

	/**
	 * Return every accepted subscription, oldest first.
	 * @return the subscriptions
	 */
	public List<Subscription> subscriptions() {
		return List.copyOf(this.subscriptions);
	}

	/**
	 * Open a stream unless the project's budget is used up.
	 * @param stream the stream
	 * @return whether it may be served
	 */
	synchronized boolean admit(EventStream stream) {
		if (openStreams(stream.projectId()) >= this.maxStreamsPerProject) {
			return false;
		}
		this.open.add(stream);
		this.subscriptions.add(stream.subscription());
		return true;
	}

	void closed(EventStream stream) {
		this.open.remove(stream);
	}

	/**
	 * Emit the events of a change of secrets in a folder: one of {@code type} with the
	 * keys, and one {@code secret:import-mutation} for every folder that imports the
	 * changed one (directly or through other imports), as Infisical's secret queue does.
	 * Call under the store's lock.
	 * @param project the project
	 * @param type {@code secret:create}, {@code secret:update} or {@code secret:delete}
	 * @param environment the environment of the folder
	 * @param path the folder
	 * @param keys the changed keys
	 */
	void secretsChanged(Project project, String type, String environment, String path, List<String> keys) {
		if (this.open.isEmpty()) {
			return;
		}
		emit(project.id(), type, environment, path, keys);
		importsChanged(project, environment, path);
	}

	/**
	 * Emit {@code secret:import-mutation} for a folder whose imports changed, and for the
	 * folders that import it. Call under the store's lock.
	 * @param project the project
	 * @param environment the environment of the importing folder
	 * @param path the importing folder
	 */
	void importMutated(Project project, String environment, String path) {
		if (this.open.isEmpty()) {
			return;
		}
		emit(project.id(), ProjectEvent.IMPORT_MUTATION, environment, path, List.of());
		importsChanged(project, environment, path);
	}

	private void importsChanged(Project project, String environment, String path) {
		Set<Folder> importers = new LinkedHashSet<>();
		collectImporters(project, environment, path, importers);
		for (Folder importer : importers) {
			emit(project.id(), ProjectEvent.IMPORT_MUTATION, importer.environment(), importer.path(), List.of());
		}
	}

	private static void collectImporters(Project project, String environment, String path, Set<Folder> into) {
		for (Folder folder : project.folders()) {
			boolean imports = folder.imports()
				.stream()
				.anyMatch((i) -> i.environment().equals(environment) && i.path().equals(path));
			if (imports && into.add(folder)) {
				collectImporters(project, folder.environment(), folder.path(), into);
			}
		}
	}

	private void emit(String projectId, String type, String environment, String path, List<String> keys) {
		ProjectEvent event = new ProjectEvent(projectId, type, environment, path, keys);
		for (EventStream stream : this.open) {
			stream.offer(event);
		}
	}

	synchronized void reset() {
		dropAll();
		this.subscriptions.clear();
		this.pingInterval = Duration.ofSeconds(15);
		this.answer = Answer.STREAM;
		this.silent = false;
		this.maxStreamsPerProject = DEFAULT_MAX_STREAMS_PER_PROJECT;
	}

	/**
	 * An accepted subscription, as the client sent it.
	 *
	 * @param projectId the project
	 * @param token the bearer token it was opened with
	 * @param registrations the registrations: {@code event}, and {@code environmentSlug}
	 * and {@code secretPath} when given
	 */
	public record Subscription(String projectId, String token, List<Map<String, String>> registrations) {

		@Override
		public String toString() {
			return "Subscription[" + this.projectId + " " + this.registrations + "]";
		}

	}

}
