package io.github.infisicalstarter.webhook;

import java.time.Clock;

import io.github.infisicalstarter.config.InfisicalConfigurationException;
import io.github.infisicalstarter.refresh.SecretsChangeNotice;
import io.github.infisicalstarter.refresh.SecretsChangeNoticedEvent;
import io.github.infisicalstarter.webhook.WebhookSignature.Verdict;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;

/**
 * What the webhook endpoint does with a delivery, independent of the web stack: verify
 * the signature, read the event and, for {@code secrets.modified}, publish a
 * {@link SecretsChangeNoticedEvent}. The re-read itself happens later on the refresh
 * watcher's thread, so the web server's thread returns at once and Infisical (which waits
 * at most 15 seconds and never retries) gets a quick answer. A rejection logs one WARN
 * that names the cause but never the body or the signature.
 *
 * @since 0.1.0
 */
public final class InfisicalWebhookReceiver {

	private static final Log logger = LogFactory.getLog(InfisicalWebhookReceiver.class);

	/** The body is signed and read; nothing else to do. */
	public static final int OK = 200;

	/** A change was noticed; the re-read follows after the answer. */
	public static final int ACCEPTED = 202;

	/** A well-signed body that is not an Infisical webhook. */
	public static final int BAD_REQUEST = 400;

	/** Missing, malformed, wrong or stale signature. */
	public static final int UNAUTHORIZED = 401;

	/** The body is larger than {@code infisical.webhook.max-body-size}. */
	public static final int PAYLOAD_TOO_LARGE = 413;

	private final WebhookSignature signature;

	private final ApplicationEventPublisher publisher;

	private final InfisicalWebhookProperties properties;

	private final Clock clock;

	/**
	 * Create a receiver.
	 * @param properties the webhook settings, with a secret
	 * @param publisher where change notices go
	 * @param clock the clock timestamps are checked against
	 */
	public InfisicalWebhookReceiver(InfisicalWebhookProperties properties, ApplicationEventPublisher publisher,
			Clock clock) {
		String secret = properties.secret();
		if (secret == null || secret.isBlank()) {
			throw new InfisicalConfigurationException(InfisicalWebhookProperties.PREFIX + ".secret",
					"The Infisical webhook secret is blank.",
					"Set infisical.webhook.secret to the webhook's secret key, or remove it to turn the endpoint off.");
		}
		if (!properties.path().startsWith("/")) {
			throw new InfisicalConfigurationException(InfisicalWebhookProperties.PREFIX + ".path",
					"The Infisical webhook path '" + properties.path() + "' does not start with '/'.",
					"Set infisical.webhook.path to a path such as " + InfisicalWebhookProperties.DEFAULT_PATH + ".");
		}
		this.signature = new WebhookSignature(secret, properties.tolerance());
		this.publisher = publisher;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * The path the endpoint listens on.
	 * @return the path
	 */
	public String path() {
		return this.properties.path();
	}

	/**
	 * The largest body accepted, in bytes.
	 * @return the limit
	 */
	public int maxBodyBytes() {
		return (int) Math.min(Integer.MAX_VALUE - 1, this.properties.maxBodySize().toBytes());
	}

	/**
	 * Handle a delivery.
	 * @param body the raw request body
	 * @param signatureHeader the {@code x-infisical-signature} header, if any
	 * @return the HTTP status to answer with (the answer has no body)
	 */
	public int receive(byte[] body, @Nullable String signatureHeader) {
		Verdict verdict = this.signature.verify(body, signatureHeader, this.clock.instant());
		if (verdict != Verdict.VALID) {
			logger.warn("Refused an Infisical webhook on " + path() + ": " + verdict.reason());
			return UNAUTHORIZED;
		}
		WebhookPayload payload;
		try {
			payload = WebhookPayload.parse(body);
		}
		catch (IllegalArgumentException ex) {
			logger.warn("Refused an Infisical webhook on " + path() + ": " + ex.getMessage());
			return BAD_REQUEST;
		}
		if (!WebhookPayload.SECRETS_MODIFIED.equals(payload.event())) {
			if (logger.isDebugEnabled()) {
				logger.debug("Infisical webhook event '" + payload.event() + "' needs no work");
			}
			return OK;
		}
		if (payload.projectId() == null) {
			logger.warn("Refused an Infisical webhook on " + path() + ": it names no project");
			return BAD_REQUEST;
		}
		SecretsChangeNotice notice = new SecretsChangeNotice(payload.projectId(), payload.environment(),
				payload.secretPath(), SecretsChangeNotice.Origin.WEBHOOK);
		if (logger.isDebugEnabled()) {
			logger.debug("Infisical webhook: secrets changed in " + notice);
		}
		this.publisher.publishEvent(new SecretsChangeNoticedEvent(this, notice));
		return ACCEPTED;
	}

	/**
	 * Handle a body that exceeded the limit (it was not read to the end).
	 * @return the HTTP status to answer with
	 */
	public int tooLarge() {
		logger.warn("Refused an Infisical webhook on " + path() + ": the body is larger than "
				+ "infisical.webhook.max-body-size (" + this.properties.maxBodySize() + ")");
		return PAYLOAD_TOO_LARGE;
	}

	@Override
	public String toString() {
		return "InfisicalWebhookReceiver[path=" + path() + "]";
	}

}
