package io.github.infisicalstarter.testserver;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the server answers for a {@link Fault.Status}, {@link Fault.RateLimit} or
 * {@link Fault.Body}: Infisical's envelope with the error names its handler uses,
 * rate-limit headers as {@code @fastify/rate-limit} sets them, or the raw body.
 */
final class FaultResponses {

	private FaultResponses() {
	}

	static Response of(Fault fault) {
		if (fault instanceof Fault.RateLimit rateLimit) {
			return rateLimit(rateLimit);
		}
		if (fault instanceof Fault.Body body) {
			return Response.raw(body.status(), body.contentType(), body.body());
		}
		if (fault instanceof Fault.Status status) {
			return status(status.status());
		}
		throw new IllegalArgumentException("No response for " + fault);
	}

	private static Response status(int status) {
		return switch (status) {
			case 400 -> ApiError.badRequest("Bad request").toResponse();
			case 401 -> ApiError.unauthorized("Failed to authorize: token has been revoked").toResponse();
			case 403 -> ApiError.of(403, "ForbiddenError", "You are not allowed to access this resource").toResponse();
			case 404 -> ApiError.notFound("NotFound", "Not found").toResponse();
			case 422 ->
				ApiError.validation(List.of(Map.of("code", "custom", "path", List.of(), "message", "Invalid input")))
					.toResponse();
			case 429 -> rateLimit(new Fault.RateLimit(null));
			case 500 -> ApiError.internal().toResponse();
			case 502 -> ApiError.of(502, "BadGateway", "Bad gateway").toResponse();
			case 503 -> ApiError.of(503, "ServiceUnavailable", "Service unavailable").toResponse();
			case 504 -> ApiError.of(504, "GatewayTimeoutError", "Gateway timeout").toResponse();
			default ->
				ApiError
					.of(status, (status < 500) ? "BadRequest" : "InternalServerError",
							"Request failed with status " + status)
					.toResponse();
		};
	}

	private static Response rateLimit(Fault.RateLimit rateLimit) {
		int seconds = rateLimit.seconds();
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("x-ratelimit-limit", "60");
		headers.put("x-ratelimit-remaining", "0");
		headers.put("x-ratelimit-reset", String.valueOf(seconds));
		if (rateLimit.retryAfterSeconds() != null) {
			headers.put("retry-after", String.valueOf(rateLimit.retryAfterSeconds()));
		}
		return ApiError.of(429, "RateLimitExceeded", "Rate limit exceeded. Please try again in " + seconds + " seconds")
			.toResponse()
			.withHeaders(headers);
	}

}
