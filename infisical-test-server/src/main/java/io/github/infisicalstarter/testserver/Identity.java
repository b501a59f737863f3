package io.github.infisicalstarter.testserver;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A machine identity with Universal Auth, configured the way an Infisical administrator
 * would: token TTL, max TTL, period and usage limits. Settings apply to tokens issued by
 * later logins; a token keeps the settings it was issued with, as Infisical's do.
 *
 * @since 0.1.0
 */
public final class Identity {

	/** Infisical's default access token TTL and max TTL: 30 days. */
	public static final Duration DEFAULT_TTL = Duration.ofDays(30);

	private final String clientId;

	private volatile String clientSecret;

	private volatile Duration tokenTtl = DEFAULT_TTL;

	private volatile Duration maxTtl = DEFAULT_TTL;

	private volatile Duration period = Duration.ZERO;

	private volatile int numUsesLimit;

	private volatile int clientSecretUsesLimit;

	private final AtomicInteger clientSecretUses = new AtomicInteger();

	Identity(String clientId, String clientSecret) {
		this.clientId = Objects.requireNonNull(clientId, "'clientId' must not be null");
		this.clientSecret = Objects.requireNonNull(clientSecret, "'clientSecret' must not be null");
	}

	/**
	 * Set the access token TTL ({@code accessTokenTTL}); zero means "no TTL", which the
	 * newest Infisical caps at 90 days.
	 * @param ttl the TTL, whole seconds
	 * @return this identity
	 */
	public Identity tokenTtl(Duration ttl) {
		this.tokenTtl = nonNegative(ttl, "ttl");
		return this;
	}

	/**
	 * Set the access token max TTL ({@code accessTokenMaxTTL}): the renewal budget
	 * counted from the login. Zero means no budget.
	 * @param maxTtl the max TTL, whole seconds
	 * @return this identity
	 */
	public Identity maxTtl(Duration maxTtl) {
		this.maxTtl = nonNegative(maxTtl, "maxTtl");
		return this;
	}

	/**
	 * Make tokens periodic ({@code accessTokenPeriod}): each lives for the period and can
	 * be renewed forever. Zero turns periodic tokens off.
	 * @param period the period, whole seconds
	 * @return this identity
	 */
	public Identity period(Duration period) {
		this.period = nonNegative(period, "period");
		return this;
	}

	/**
	 * Limit how many authenticated requests each token may make
	 * ({@code accessTokenNumUsesLimit}); zero means unlimited.
	 * @param limit the number of uses
	 * @return this identity
	 */
	public Identity numUsesLimit(int limit) {
		this.numUsesLimit = nonNegative(limit, "limit");
		return this;
	}

	/**
	 * Limit how many logins the client secret allows ({@code numUsesLimit} of the client
	 * secret); zero means unlimited. Logins already made count.
	 * @param limit the number of logins
	 * @return this identity
	 */
	public Identity clientSecretUsesLimit(int limit) {
		this.clientSecretUsesLimit = nonNegative(limit, "limit");
		return this;
	}

	/**
	 * Return the client id used to log in.
	 * @return the client id
	 */
	public String clientId() {
		return this.clientId;
	}

	/**
	 * Return the client secret used to log in.
	 * @return the client secret
	 */
	public String clientSecret() {
		return this.clientSecret;
	}

	/**
	 * Return how many successful logins this identity has made since the last reset.
	 * @return the number of logins
	 */
	public int logins() {
		return this.clientSecretUses.get();
	}

	@Override
	public String toString() {
		return "Identity[" + this.clientId + "]";
	}

	void clientSecret(String clientSecret) {
		this.clientSecret = clientSecret;
	}

	Duration tokenTtl() {
		return this.tokenTtl;
	}

	Duration maxTtl() {
		return this.maxTtl;
	}

	Duration period() {
		return this.period;
	}

	int numUsesLimit() {
		return this.numUsesLimit;
	}

	/**
	 * Count a login against the client secret's usage limit.
	 * @return {@code false} when the limit was already reached
	 */
	boolean useClientSecret() {
		int limit = this.clientSecretUsesLimit;
		while (true) {
			int uses = this.clientSecretUses.get();
			if (limit > 0 && uses >= limit) {
				return false;
			}
			if (this.clientSecretUses.compareAndSet(uses, uses + 1)) {
				return true;
			}
		}
	}

	void restoreDefaults() {
		this.tokenTtl = DEFAULT_TTL;
		this.maxTtl = DEFAULT_TTL;
		this.period = Duration.ZERO;
		this.numUsesLimit = 0;
		this.clientSecretUsesLimit = 0;
		this.clientSecretUses.set(0);
	}

	private static Duration nonNegative(Duration duration, String name) {
		Objects.requireNonNull(duration, () -> "'" + name + "' must not be null");
		if (duration.isNegative()) {
			throw new IllegalArgumentException("'" + name + "' must not be negative");
		}
		return duration;
	}

	private static int nonNegative(int value, String name) {
		if (value < 0) {
			throw new IllegalArgumentException("'" + name + "' must not be negative");
		}
		return value;
	}

}
