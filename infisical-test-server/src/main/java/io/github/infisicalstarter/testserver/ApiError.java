package io.github.infisicalstarter.testserver;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An error answered with Infisical's envelope {@code {reqId, statusCode, message, error[,
 * details]}}, or with Fastify's own 404 body for routes that do not exist. Thrown
 * anywhere while handling a request and turned into the response by the router.
 */
final class ApiError extends RuntimeException {

	static final String TOKEN_MALFORMED = "The provided access token is malformed. "
			+ "Please use a valid token or generate a new one and try again.";

	static final String TOKEN_EXPIRED = "Your token has expired. Please re-authenticate.";

	private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final int status;

	private final Object body;

	private ApiError(int status, String error, Object body) {
		super(error, null, false, false);
		this.status = status;
		this.body = body;
	}

	static ApiError of(int status, String error, Object message) {
		return of(status, error, message, null);
	}

	static ApiError of(int status, String error, Object message, @Nullable Object details) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("reqId", requestId());
		body.put("statusCode", status);
		body.put("message", message);
		body.put("error", error);
		if (details != null) {
			body.put("details", details);
		}
		return new ApiError(status, error, body);
	}

	static ApiError badRequest(String message) {
		return of(400, "BadRequest", message);
	}

	static ApiError unauthorized(String message) {
		return of(401, "UnauthorizedError", message);
	}

	static ApiError tokenError(String message) {
		return of(403, "TokenError", message);
	}

	static ApiError notFound(String error, String message) {
		return of(404, error, message);
	}

	static ApiError validation(List<Map<String, Object>> issues) {
		return of(422, "ValidationFailure", issues);
	}

	static ApiError internal() {
		return of(500, "InternalServerError", "Something went wrong");
	}

	/**
	 * Fastify's default answer for a route that does not exist (no {@code reqId}).
	 * @param method the request method
	 * @param url the request URL as sent, query string included
	 * @return the error
	 */
	static ApiError routeNotFound(String method, String url) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("message", "Route " + method + ":" + url + " not found");
		body.put("error", "Not Found");
		body.put("statusCode", 404);
		return new ApiError(404, "Not Found", body);
	}

	static String requestId() {
		StringBuilder id = new StringBuilder("req-");
		for (int i = 0; i < 14; i++) {
			id.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
		}
		return id.toString();
	}

	Response toResponse() {
		return Response.json(this.status, this.body);
	}

}
