package io.github.infisicalstarter.events;

import java.time.Duration;

import io.github.infisicalstarter.client.InfisicalApiException;
import org.jspecify.annotations.Nullable;

/**
 * The answers with which Infisical refuses an event subscription for a reason that
 * retrying soon cannot cure; each leads to one WARN and plain polling, never to a failed
 * start-up.
 * <ul>
 * <li>404: the server has no event route (an Infisical older than the feature). Not
 * retried.</li>
 * <li>400 with "not available on your current plan": the plan lacks the feature; 400 is
 * also the answer to a request the server finds invalid. Not retried.</li>
 * <li>403: the identity lacks the "Secret Events" permission. Not retried: granting it is
 * a change an operator makes, and a restart picks it up.</li>
 * <li>429: the project's budget of 100 concurrent streams is used up by other instances.
 * Retried every {@link #BUDGET_RETRY} (or after {@code Retry-After} if longer), since
 * slots free up as instances stop, and one request per five minutes is no load; polling
 * covers the application meanwhile.</li>
 * </ul>
 *
 * @since 0.1.0
 */
enum EventStreamRefusal {

	/** 404: no event route. */
	NO_ROUTE(false),

	/** 400: the plan lacks event subscriptions, or the request was refused as invalid. */
	PLAN(false),

	/** 403: missing permission. */
	FORBIDDEN(false),

	/** 429: the connection budget is used up. */
	BUDGET(true);

	/** How long a refusal for a full connection budget waits before trying again. */
	static final Duration BUDGET_RETRY = Duration.ofMinutes(5);

	private static final String PLAN_MESSAGE = "not available on your current plan";

	private final boolean retried;

	EventStreamRefusal(boolean retried) {
		this.retried = retried;
	}

	boolean retried() {
		return this.retried;
	}

	static @Nullable EventStreamRefusal of(InfisicalApiException ex) {
		return switch (ex.getStatus()) {
			case 404 -> NO_ROUTE;
			case 400, 422 -> PLAN;
			case 403 -> ex.isTokenRejected() ? null : FORBIDDEN;
			case 429 -> BUDGET;
			default -> null;
		};
	}

	/**
	 * Describe the refusal in one sentence, naming the cause and what happens now.
	 * @param projectId the project
	 * @param ex the failure
	 * @return the message
	 */
	String describe(String projectId, InfisicalApiException ex) {
		String subject = "Infisical event subscriptions for project " + projectId + " are off";
		String polling = "; refreshing by polling (infisical.refresh.interval) instead.";
		return switch (this) {
			case NO_ROUTE -> subject + ": the server has no event route (HTTP 404; event subscriptions need a "
					+ "recent Infisical)" + polling;
			case PLAN -> {
				String message = ex.getMessage();
				yield (message != null && message.contains(PLAN_MESSAGE))
						? subject + ": they are not available on the organisation's Infisical plan (HTTP 400; "
								+ "an Enterprise feature)" + polling
						: subject + ": Infisical refused the subscription as invalid (HTTP " + ex.getStatus() + ": "
								+ message + ")" + polling;
			}
			case FORBIDDEN -> subject + ": the machine identity lacks the 'Secret Events' permission in the "
					+ "project (HTTP 403)" + polling;
			case BUDGET -> "Infisical refused an event stream for project " + projectId
					+ ": the project's concurrent event subscriptions are used up (HTTP 429); polling, and trying "
					+ "again every " + BUDGET_RETRY.toMinutes() + " minutes.";
		};
	}

}
