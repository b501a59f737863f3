package io.github.infisicalstarter.testserver;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * The one HTTP handler: records the request, applies a fault if one matches, routes, adds
 * the strong {@code ETag} that {@code @fastify/etag} puts on every JSON answer (304 when
 * {@code If-None-Match} equals it) and writes the answer. Never logs anything.
 */
final class Dispatcher implements HttpHandler {

	private final Router router;

	private final Faults faults;

	private final Journal journal;

	private final Clock clock;

	private final EventRoute events;

	private final EventStreams streams;

	Dispatcher(Router router, Faults faults, Journal journal, Clock clock, EventRoute events, EventStreams streams) {
		this.router = router;
		this.faults = faults;
		this.journal = journal;
		this.clock = clock;
		this.events = events;
		this.streams = streams;
	}

	@Override
	public void handle(HttpExchange exchange) {
		try {
			ApiRequest request = ApiRequest.read(exchange);
			Journal.Entry entry = this.journal.arrived(request.method(), request.path(), request.queryForJournal(),
					request.header("If-None-Match"), this.clock.instant());
			Fault fault = this.faults.take(request.path());
			if (fault instanceof Fault.Latency latency) {
				Thread.sleep(latency.delay().toMillis());
			}
			if (fault instanceof Fault.Drop) {
				entry.complete(-1, false);
				return;
			}
			boolean faulty = fault instanceof Fault.Status || fault instanceof Fault.RateLimit
					|| fault instanceof Fault.Body;
			if (!faulty && EventRoute.handles(request)) {
				stream(exchange, request, entry);
				return;
			}
			Response response = faulty ? FaultResponses.of(fault) : conditional(request, this.router.route(request));
			entry.complete(response.status(), request.authorized());
			write(exchange, response, fault instanceof Fault.Truncate);
		}
		catch (IOException ex) {
			// the client went away; there is nobody to tell
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			// without a response this drops the connection, which is what Fault.drop()
			// wants
			exchange.close();
		}
	}

	/**
	 * Serve an event subscription: refused with an error answer, or streamed (chunked) on
	 * this thread until it closes.
	 */
	private void stream(HttpExchange exchange, ApiRequest request, Journal.Entry entry)
			throws IOException, InterruptedException {
		EventStream stream;
		try {
			stream = this.events.open(request);
		}
		catch (ApiError ex) {
			Response response = ex.toResponse();
			entry.complete(response.status(), request.authorized());
			write(exchange, response, false);
			return;
		}
		try {
			entry.complete(200, true);
			Headers headers = exchange.getResponseHeaders();
			headers.set("Content-Type", "text/event-stream");
			headers.set("Cache-Control", "no-cache");
			headers.set("X-Accel-Buffering", "no");
			exchange.sendResponseHeaders(200, 0);
			OutputStream out = exchange.getResponseBody();
			out.flush();
			stream.serve(out, this.streams);
		}
		finally {
			this.streams.closed(stream);
		}
	}

	private static Response conditional(ApiRequest request, Response response) {
		if (response.status() != 200 || !response.isJson()) {
			return response;
		}
		String etag = etag(response.body());
		Map<String, String> headers = new LinkedHashMap<>(response.headers());
		headers.put("ETag", etag);
		if (etag.equals(request.header("If-None-Match"))) {
			return new Response(304, "", headers, new byte[0]);
		}
		return response.withHeaders(headers);
	}

	private static String etag(byte[] body) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-1").digest(body);
			return "\"" + HexFormat.of().formatHex(hash) + "\"";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void write(HttpExchange exchange, Response response, boolean truncate) throws IOException {
		Headers headers = exchange.getResponseHeaders();
		if (!response.contentType().isEmpty()) {
			headers.set("Content-Type", response.contentType());
		}
		response.headers().forEach(headers::set);
		byte[] body = response.body();
		if (body.length == 0) {
			exchange.sendResponseHeaders(response.status(), -1);
			return;
		}
		exchange.sendResponseHeaders(response.status(), body.length);
		OutputStream out = exchange.getResponseBody();
		if (truncate) {
			out.write(body, 0, body.length / 2);
			out.flush();
			return;
		}
		out.write(body);
		out.close();
	}

}
