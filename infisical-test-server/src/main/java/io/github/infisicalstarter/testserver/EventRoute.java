package io.github.infisicalstarter.testserver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/events/subscribe/project-events}: checks a subscription in
 * Infisical's order (route, token, body, permission, plan, connection budget) and opens
 * its stream. Only the opening is checked; an open stream outlives its token, as on
 * Infisical.
 */
final class EventRoute {

	static final String PATH = "/api/v1/events/subscribe/project-events";

	static final String PLAN_MESSAGE = "Event subscriptions are not available on your current plan. "
			+ "Please upgrade to access this feature.";

	private static final Set<String> EVENTS = Set.of("secret:create", "secret:update", "secret:delete",
			ProjectEvent.IMPORT_MUTATION);

	private final EventStreams streams;

	private final TokenStore tokens;

	private final AccessPolicy access;

	EventRoute(EventStreams streams, TokenStore tokens, AccessPolicy access) {
		this.streams = streams;
		this.tokens = tokens;
		this.access = access;
	}

	static boolean handles(ApiRequest request) {
		return request.method().equals("POST") && request.routePath().equals(PATH);
	}

	/**
	 * Check a subscription and register its stream.
	 * @param request the request
	 * @return the admitted stream
	 * @throws ApiError when the subscription is refused
	 */
	EventStream open(ApiRequest request) {
		EventStreams.Answer answer = this.streams.answer();
		if (answer == EventStreams.Answer.NO_ROUTE) {
			throw ApiError.routeNotFound(request.method(), request.url());
		}
		String authorization = request.header("Authorization");
		Identity identity = this.tokens.authenticate(authorization);
		request.authorized(true);
		JsonNode body = request.body();
		String projectId = (body != null) ? text(body.get("projectId")) : null;
		JsonNode register = (body != null) ? body.get("register") : null;
		if (projectId == null || register == null || !register.isArray() || register.isEmpty()
				|| register.size() > EventStreams.MAX_REGISTRATIONS) {
			throw ApiError.validation(List.of(Map.of("message",
					"register must hold 1 to " + EventStreams.MAX_REGISTRATIONS + " entries and projectId is required",
					"path", List.of("body"))));
		}
		List<Map<String, String>> registrations = new ArrayList<>();
		for (JsonNode entry : register) {
			registrations.add(registration(entry));
		}
		for (Map<String, String> registration : registrations) {
			String environment = registration.get("environmentSlug");
			String base = base(registration.get("secretPath"));
			if (answer == EventStreams.Answer.FORBIDDEN
					|| (environment != null && this.access.denied(identity, projectId, environment, base))) {
				throw ApiError.of(403, "PermissionDenied", "You are not allowed to subscribe on secret events");
			}
		}
		if (answer == EventStreams.Answer.PLAN) {
			throw ApiError.badRequest(PLAN_MESSAGE);
		}
		EventStream stream = new EventStream(
				new EventStreams.Subscription(projectId, authorization.substring(7), List.copyOf(registrations)));
		if (answer == EventStreams.Answer.TOO_MANY || !this.streams.admit(stream)) {
			throw ApiError.of(429, "RateLimitError",
					"You have reached your maximum concurrent event subscriptions for this project. "
							+ "Your project supports " + EventStreams.DEFAULT_MAX_STREAMS_PER_PROJECT
							+ " concurrent event subscriptions.");
		}
		return stream;
	}

	private static Map<String, String> registration(JsonNode entry) {
		String event = text(entry.get("event"));
		if (event == null || !EVENTS.contains(event)) {
			throw ApiError
				.validation(List.of(Map.of("message", "Invalid enum value", "path", List.of("register", "event"))));
		}
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("event", event);
		JsonNode conditions = entry.get("conditions");
		if (conditions != null && conditions.isObject()) {
			String environment = text(conditions.get("environmentSlug"));
			String path = text(conditions.get("secretPath"));
			if (environment != null) {
				fields.put("environmentSlug", environment);
			}
			if (path != null) {
				fields.put("secretPath", path);
			}
		}
		return fields;
	}

	/** The folder a glob starts at, for the permission check. */
	private static String base(@Nullable String glob) {
		if (glob == null) {
			return "/";
		}
		int wildcard = glob.indexOf('*');
		String base = (wildcard >= 0) ? glob.substring(0, wildcard) : glob;
		if (base.length() > 1 && base.endsWith("/")) {
			base = base.substring(0, base.length() - 1);
		}
		return base.isEmpty() ? "/" : base;
	}

	private static @Nullable String text(@Nullable JsonNode node) {
		return (node != null && node.isString()) ? node.asString() : null;
	}

}
