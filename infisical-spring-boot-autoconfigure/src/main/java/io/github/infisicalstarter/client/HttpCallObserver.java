package io.github.infisicalstarter.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.infisicalstarter.client.InfisicalHttpTransport.ResponseReader;
import org.jspecify.annotations.Nullable;

/**
 * Observes every call of an {@link InfisicalHttpTransport}: through the application's
 * {@link CallObservations} (Micrometer) once they are set, and before that, during
 * start-up when no registry exists yet, by keeping the duration and status of the first
 * calls, so their cost can be recorded once a registry is there. Without Micrometer this
 * costs two clock reads per call and a short list; no observation class is loaded.
 *
 * @since 0.1.0
 */
public final class HttpCallObserver {

	/** Calls kept before observations are set; later ones are not kept. */
	static final int MAX_RECORDED = 64;

	private volatile @Nullable CallObservations observations;

	private final List<RecordedCall> recorded = new ArrayList<>();

	/**
	 * Observe every later call through the given observations.
	 * @param observations the observations
	 */
	public void observeWith(CallObservations observations) {
		this.observations = observations;
	}

	/**
	 * Return and forget the calls made before observations were set.
	 * @return the calls, oldest first
	 */
	public List<RecordedCall> drainRecorded() {
		synchronized (this.recorded) {
			List<RecordedCall> calls = List.copyOf(this.recorded);
			this.recorded.clear();
			return calls;
		}
	}

	<T> T observe(ApiRequest request, ResponseReader<T> reader, Sender sender) {
		String operation = operation(request);
		CallObservations observations = this.observations;
		if (observations == null) {
			long start = System.nanoTime();
			int[] status = new int[1];
			try {
				return sender.send(request, (code, headers, body) -> {
					status[0] = code;
					return reader.read(code, headers, body);
				});
			}
			catch (InfisicalApiException ex) {
				status[0] = ex.getStatus();
				throw ex;
			}
			finally {
				record(new RecordedCall(operation, status[0], Duration.ofNanos(System.nanoTime() - start)));
			}
		}
		CallObservations.Handle handle = observations.start(operation);
		try {
			return sender.send(request, (code, headers, body) -> {
				handle.status(code);
				return reader.read(code, headers, body);
			});
		}
		catch (RuntimeException ex) {
			if (ex instanceof InfisicalApiException api && api.getStatus() > 0) {
				handle.status(api.getStatus());
			}
			handle.error(ex);
			throw ex;
		}
		finally {
			handle.stop();
		}
	}

	/**
	 * Start observing a call that does not go through {@link #observe} (the reactive
	 * client's): the caller reports status, error and end to the handle.
	 * @param request the request
	 * @return the handle, or {@code null} before observations are set
	 */
	CallObservations.@Nullable Handle start(ApiRequest request) {
		CallObservations observations = this.observations;
		return (observations != null) ? observations.start(operation(request)) : null;
	}

	private void record(RecordedCall call) {
		synchronized (this.recorded) {
			if (this.recorded.size() < MAX_RECORDED) {
				this.recorded.add(call);
			}
		}
	}

	/**
	 * Name the operation of a request, a bounded set fit for metric tags.
	 * @param request the request
	 * @return {@code login}, {@code renew}, {@code revoke}, {@code list}, {@code poll} (a
	 * list with an ETag), {@code get}, {@code create}, {@code update}, {@code delete},
	 * {@code folders}, {@code subscribe} or {@code other}
	 */
	static String operation(ApiRequest request) {
		String path = request.path();
		if (path.endsWith("/login")) {
			return "login";
		}
		if (path.endsWith("/token/renew")) {
			return "renew";
		}
		if (path.endsWith("/token/revoke")) {
			return "revoke";
		}
		if (path.startsWith("/api/v1/folders")) {
			return "folders";
		}
		if (path.startsWith("/api/v1/events/")) {
			return "subscribe";
		}
		boolean list = path.equals("/api/v4/secrets") || path.equals("/api/v3/secrets/raw");
		return switch (request.method().name()) {
			case "GET" -> list ? ((request.ifNoneMatch() != null) ? "poll" : "list") : "get";
			case "POST" -> "create";
			case "PATCH" -> "update";
			case "DELETE" -> "delete";
			default -> "other";
		};
	}

	@FunctionalInterface
	interface Sender {

		<T> T send(ApiRequest request, ResponseReader<T> reader);

	}

	/**
	 * A call made before observations were set.
	 *
	 * @param operation the operation, as {@link CallObservations#start} names it
	 * @param status the HTTP status, or 0 when no answer came
	 * @param duration how long it took
	 */
	public record RecordedCall(String operation, int status, Duration duration) {

	}

}
