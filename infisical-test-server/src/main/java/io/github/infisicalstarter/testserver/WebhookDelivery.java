package io.github.infisicalstarter.testserver;

import org.jspecify.annotations.Nullable;

/**
 * One webhook POST the server made, as Infisical records it ({@code lastStatus},
 * {@code lastRunErrorMessage}).
 *
 * @param url the target URL
 * @param event the event name
 * @param projectId the project
 * @param environment the environment slug of the change
 * @param secretPath the folder of the change
 * @param status the HTTP status of the answer, or {@code -1} when there was none
 * @param error why there was no answer, if so
 */
public record WebhookDelivery(String url, String event, String projectId, String environment, String secretPath,
		int status, @Nullable String error) {

}
