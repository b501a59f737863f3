package io.github.infisicalstarter.testserver;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * One open event stream: the events its registrations match are queued by the writers and
 * written, with pings in between, by the request's own thread until the client goes away
 * or the test drops the stream. Frames are Infisical's: {@code id}, {@code event} and
 * {@code data} lines, a ping is {@code event: ping} alone.
 */
final class EventStream {

	private static final Object CLOSE = new Object();

	private final EventStreams.Subscription subscription;

	private final List<Registration> registrations;

	private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();

	EventStream(EventStreams.Subscription subscription) {
		this.subscription = subscription;
		this.registrations = subscription.registrations().stream().map(Registration::of).toList();
	}

	String projectId() {
		return this.subscription.projectId();
	}

	EventStreams.Subscription subscription() {
		return this.subscription;
	}

	void offer(ProjectEvent event) {
		if (event.projectId().equals(projectId()) && this.registrations.stream().anyMatch((r) -> r.matches(event))) {
			this.queue.add(event);
		}
	}

	void close() {
		this.queue.add(CLOSE);
	}

	/**
	 * Write frames until the stream is closed.
	 * @param out the response body (chunked)
	 * @param settings ping interval and silence
	 * @throws IOException when the client went away
	 * @throws InterruptedException when the server stops
	 */
	void serve(OutputStream out, EventStreams settings) throws IOException, InterruptedException {
		long nextPing = System.nanoTime() + settings.pingInterval().toNanos();
		while (true) {
			long wait = Math.max(0, nextPing - System.nanoTime());
			Object item = this.queue.poll(wait, TimeUnit.NANOSECONDS);
			if (item == CLOSE) {
				return;
			}
			if (item == null) {
				nextPing = System.nanoTime() + settings.pingInterval().toNanos();
				if (!settings.silent()) {
					write(out, "event: ping\n\n");
				}
			}
			else if (item instanceof ProjectEvent event && !settings.silent()) {
				write(out, "id: " + System.currentTimeMillis() + "\nevent: " + event.type() + "\ndata: "
						+ new String(Json.write(event.data()), StandardCharsets.UTF_8) + "\n\n");
			}
		}
	}

	private static void write(OutputStream out, String frame) throws IOException {
		out.write(frame.getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	/**
	 * One registration: an event name and optional conditions, the path a picomatch glob
	 * matched with {@code strictSlashes: false} as Infisical does.
	 */
	private record Registration(String event, @Nullable String environment, @Nullable Pattern path) {

		static Registration of(Map<String, String> fields) {
			String glob = fields.get("secretPath");
			return new Registration(fields.get("event"), fields.get("environmentSlug"),
					(glob != null) ? Globs.picomatch(glob) : null);
		}

		boolean matches(ProjectEvent event) {
			return this.event.equals(event.type())
					&& (this.environment == null || this.environment.equals(event.environment()))
					&& (this.path == null || this.path.matcher(event.secretPath()).matches());
		}

	}

}
