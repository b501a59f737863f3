package io.github.infisicalstarter.webhook;

import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The webhook endpoint of a WebFlux application: a functional route, so its path comes
 * from {@code infisical.webhook.path}. The body is joined raw (the signature covers its
 * exact bytes) up to the size limit; verifying it and publishing the notice take
 * microseconds and never block, so they run on the event loop.
 *
 * @since 0.1.0
 */
public final class WebFluxWebhookRoute {

	private WebFluxWebhookRoute() {
	}

	/**
	 * The route of a receiver.
	 * @param receiver the receiver
	 * @return the route, for {@code POST} on the receiver's path
	 */
	public static RouterFunction<ServerResponse> of(InfisicalWebhookReceiver receiver) {
		return RouterFunctions.route().POST(receiver.path(), (request) -> handle(receiver, request)).build();
	}

	private static Mono<ServerResponse> handle(InfisicalWebhookReceiver receiver, ServerRequest request) {
		int max = receiver.maxBodyBytes();
		if (request.headers().contentLength().orElse(0) > max) {
			return ServerResponse.status(receiver.tooLarge()).build();
		}
		String signature = request.headers().firstHeader(WebhookSignature.HEADER);
		return DataBufferUtils.join(request.exchange().getRequest().getBody(), max)
			.map(WebFluxWebhookRoute::bytes)
			.defaultIfEmpty(new byte[0])
			.map((body) -> receiver.receive(body, signature))
			.onErrorResume(DataBufferLimitException.class, (ex) -> Mono.fromSupplier(receiver::tooLarge))
			.flatMap((status) -> ServerResponse.status(status).build());
	}

	private static byte[] bytes(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

}
