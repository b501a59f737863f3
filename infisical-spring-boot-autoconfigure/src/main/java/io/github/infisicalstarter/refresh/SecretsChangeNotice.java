package io.github.infisicalstarter.refresh;

import org.jspecify.annotations.Nullable;

/**
 * News that secrets of a project changed, from a push channel (an Infisical webhook, an
 * event subscription, or another instance over Spring Cloud Bus). It carries where the
 * change happened, never keys or values, so it may travel between instances and appear in
 * logs.
 *
 * @param projectId the project (workspace) id
 * @param environment the environment slug, if known
 * @param secretPath the folder, if known
 * @param origin the channel the notice came through
 * @since 0.1.0
 */
public record SecretsChangeNotice(String projectId, @Nullable String environment, @Nullable String secretPath,
		Origin origin) {

	/**
	 * The channel a notice came through.
	 */
	public enum Origin {

		/** An Infisical webhook received by this instance. */
		WEBHOOK,

		/** An event of an Infisical event subscription held by this instance. */
		EVENT,

		/** Another instance, over Spring Cloud Bus. */
		BUS

	}

}
