package io.github.infisicalstarter.webhook;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The webhook endpoint of a Spring MVC application: a functional route, so its path comes
 * from {@code infisical.webhook.path}. The body is read raw (the signature covers its
 * exact bytes) and never beyond the size limit.
 *
 * @since 0.1.0
 */
public final class WebMvcWebhookRoute {

	private WebMvcWebhookRoute() {
	}

	/**
	 * The route of a receiver.
	 * @param receiver the receiver
	 * @return the route, for {@code POST} on the receiver's path
	 */
	public static RouterFunction<ServerResponse> of(InfisicalWebhookReceiver receiver) {
		return RouterFunctions.route().POST(receiver.path(), (request) -> handle(receiver, request)).build();
	}

	private static ServerResponse handle(InfisicalWebhookReceiver receiver, ServerRequest request) throws IOException {
		HttpServletRequest servletRequest = request.servletRequest();
		int max = receiver.maxBodyBytes();
		if (servletRequest.getContentLengthLong() > max) {
			return ServerResponse.status(receiver.tooLarge()).build();
		}
		byte[] body;
		try (InputStream in = servletRequest.getInputStream()) {
			body = in.readNBytes(max + 1);
		}
		if (body.length > max) {
			return ServerResponse.status(receiver.tooLarge()).build();
		}
		String signature = request.headers().firstHeader(WebhookSignature.HEADER);
		return ServerResponse.status(receiver.receive(body, signature)).build();
	}

}
