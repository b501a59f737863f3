package io.github.infisicalstarter.webhook;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the endpoint that receives Infisical webhooks. Infisical calls a project
 * webhook on every secret change, so an application that receives it learns of a change
 * at once instead of at its next poll.
 *
 * @param secret Secret key of the Infisical webhook, which signs every delivery. The
 * endpoint is only registered when it is set.
 * @param path Path of the endpoint that receives the webhook.
 * @param tolerance How far the signed timestamp of a delivery may lie in the past or the
 * future; an older delivery is refused as a possible replay.
 * @param maxBodySize Largest request body accepted; a larger one is refused with 413.
 * @since 0.1.0
 */
@ConfigurationProperties(InfisicalWebhookProperties.PREFIX)
public record InfisicalWebhookProperties(@Nullable String secret, @DefaultValue(DEFAULT_PATH) String path,
		@DefaultValue("5m") Duration tolerance, @DefaultValue("16KB") DataSize maxBodySize) {

	/** The prefix of the properties. */
	public static final String PREFIX = "infisical.webhook";

	/** The default path of the endpoint. */
	public static final String DEFAULT_PATH = "/infisical/webhook";

	@Override
	public String toString() {
		return "InfisicalWebhookProperties[secret=" + ((this.secret != null) ? "******" : "null") + ", path="
				+ this.path + ", tolerance=" + this.tolerance + ", maxBodySize=" + this.maxBodySize + "]";
	}

}
