package io.github.infisicalstarter.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import io.github.infisicalstarter.InfisicalException;
import io.github.infisicalstarter.client.InfisicalApiException;
import io.github.infisicalstarter.client.InfisicalLoginClient;
import io.github.infisicalstarter.client.TokenResponse;
import io.github.infisicalstarter.config.InfisicalProperties;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.metrics.ApplicationStartup;
import org.springframework.core.metrics.StartupStep;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Owns the one access token of an application, shared by every location, entry point and
 * refresh. It logs in on first use, renews the token at a share of its lifetime, logs in
 * again when renewal is refused or the max-TTL budget is spent, and replaces a token the
 * server rejects (403 {@code TokenError} when expired, 401 when revoked) before retrying
 * the call once. Concurrent callers that need a new token wait for a single login.
 *
 * @since 0.1.0
 */
public final class AccessTokenManager implements AutoCloseable {

	/** Lifetime assumed when the server reports none: never "forever". */
	static final Duration UNKNOWN_LIFETIME = Duration.ofMinutes(10);

	/** Delay before renewal is tried again after a transient failure. */
	static final Duration RENEWAL_RETRY = Duration.ofSeconds(30);

	/** Upper bound of a max TTL taken at face value (older servers report 30 years). */
	private static final long MAX_TTL_LIMIT = Duration.ofDays(3650).toSeconds();

	private static final Log logger = LogFactory.getLog(AccessTokenManager.class);

	private final InfisicalAuthentication authentication;

	private final InfisicalLoginClient client;

	private final InfisicalProperties.Token settings;

	private final Clock clock;

	private final ReentrantLock lock = new ReentrantLock();

	private final List<Runnable> reissueListeners = new CopyOnWriteArrayList<>();

	private final AtomicLong logins = new AtomicLong();

	private final AtomicLong renewals = new AtomicLong();

	private final ScheduledExecutorService scheduler;

	private volatile @Nullable AccessToken current;

	private @Nullable ScheduledFuture<?> renewal;

	private volatile boolean closed;

	private volatile ApplicationStartup startup = ApplicationStartup.DEFAULT;

	/**
	 * Create a new manager.
	 * @param authentication how to log in
	 * @param client the client used to renew and revoke
	 * @param settings the lifecycle settings
	 * @param clock the clock that decides when tokens expire
	 */
	public AccessTokenManager(InfisicalAuthentication authentication, InfisicalLoginClient client,
			InfisicalProperties.Token settings, Clock clock) {
		this.authentication = authentication;
		this.client = client;
		this.settings = settings;
		this.clock = clock;
		CustomizableThreadFactory threads = new CustomizableThreadFactory("infisical-token-");
		threads.setDaemon(true);
		this.scheduler = Executors.newSingleThreadScheduledExecutor(threads);
	}

	/**
	 * Register a callback run (on a background thread) whenever the token was renewed or
	 * replaced, so that secrets can be re-read with it.
	 * @param listener the callback
	 */
	public void onReissue(Runnable listener) {
		this.reissueListeners.add(listener);
	}

	/**
	 * Run a call with a valid token. When the server rejects the token, one new token is
	 * obtained and the call is retried once.
	 * @param <T> the result type
	 * @param call the call, given the bearer token
	 * @return the result of the call
	 */
	public <T> T execute(Function<String, T> call) {
		String token = token();
		try {
			return call.apply(token);
		}
		catch (InfisicalApiException ex) {
			if (!ex.isTokenRejected()) {
				throw ex;
			}
			logger.info("Infisical rejected the access token (HTTP " + ex.getStatus() + "); logging in again");
			return call.apply(replace(token));
		}
	}

	/**
	 * Return a token that is valid now, logging in when there is none.
	 * @return the bearer token
	 */
	public String token() {
		AccessToken token = this.current;
		if (token != null && token.isValidAt(this.clock.instant())) {
			return token.value();
		}
		return replace((token != null) ? token.value() : null);
	}

	/**
	 * Return a token without blocking the caller: at once when the current token is
	 * valid, else from a login run on the manager's own thread, which concurrent callers
	 * share. For reactive callers, whose event-loop threads must never wait for a login.
	 * @return the bearer token, when it is there
	 */
	public CompletableFuture<String> tokenAsync() {
		AccessToken token = this.current;
		if (token != null && token.isValidAt(this.clock.instant())) {
			return CompletableFuture.completedFuture(token.value());
		}
		return CompletableFuture.supplyAsync(this::token, this.scheduler);
	}

	/**
	 * Obtain a new token, on the manager's own thread, after the server rejected the
	 * given one; see {@link #tokenAsync()}.
	 * @param rejected the token the server rejected
	 * @return the new bearer token, when it is there
	 */
	public CompletableFuture<String> replaceAsync(String rejected) {
		return CompletableFuture.supplyAsync(() -> {
			logger.info("Infisical rejected the access token; logging in again");
			return replace(rejected);
		}, this.scheduler);
	}

	/**
	 * Return when the current token expires, for health and gauges.
	 * @return the expiry, or {@code null} before the first login
	 */
	public @Nullable Instant getExpiresAt() {
		AccessToken token = this.current;
		return (token != null) ? token.expiresAt() : null;
	}

	/**
	 * Return how many logins this manager made.
	 * @return the logins so far
	 */
	public long getLogins() {
		return this.logins.get();
	}

	/**
	 * Return how many times this manager renewed its token.
	 * @return the renewals so far
	 */
	public long getRenewals() {
		return this.renewals.get();
	}

	/**
	 * Record each login as an {@code infisical.login} step of the given start-up
	 * ({@code /actuator/startup} then shows its cost apart from the reads); pass
	 * {@link ApplicationStartup#DEFAULT} when start-up is over.
	 * @param startup the application's start-up recorder
	 */
	public void recordLoginsIn(ApplicationStartup startup) {
		this.startup = startup;
	}

	private TokenResponse login() {
		StartupStep step = this.startup.start("infisical.login");
		try {
			TokenResponse response = this.authentication.login();
			this.logins.incrementAndGet();
			step.tag("outcome", "success");
			return response;
		}
		catch (RuntimeException ex) {
			step.tag("outcome", "failure");
			throw ex;
		}
		finally {
			step.end();
		}
	}

	private String replace(@Nullable String stale) {
		boolean reissued;
		String value;
		this.lock.lock();
		try {
			if (this.closed) {
				throw new InfisicalException("The Infisical access-token manager is closed.",
						"Do not use Infisical secrets after the application context was closed.", null);
			}
			AccessToken token = this.current;
			if (token != null && !token.value().equals(stale) && token.isValidAt(this.clock.instant())) {
				return token.value();
			}
			reissued = token != null;
			value = install(login(), null).value();
		}
		finally {
			this.lock.unlock();
		}
		if (reissued) {
			notifyReissue();
		}
		return value;
	}

	private AccessToken install(TokenResponse response, @Nullable Instant maxExpiresAt) {
		Instant now = this.clock.instant();
		Duration lifetime = (response.expiresIn() > 0) ? Duration.ofSeconds(response.expiresIn()) : UNKNOWN_LIFETIME;
		Instant max = maxExpiresAt;
		if (max == null && response.accessTokenMaxTtl() > 0 && response.accessTokenMaxTtl() <= MAX_TTL_LIMIT) {
			max = now.plusSeconds(response.accessTokenMaxTtl());
		}
		AccessToken token = new AccessToken(response.accessToken(), now, now.plus(lifetime), max);
		this.current = token;
		scheduleRenewal(token);
		if (logger.isDebugEnabled()) {
			logger.debug("Infisical access token valid for " + lifetime.toSeconds() + "s"
					+ ((max != null) ? ", renewable until " + max : ""));
		}
		return token;
	}

	private void scheduleRenewal(AccessToken token) {
		if (this.renewal != null) {
			this.renewal.cancel(false);
		}
		if (this.closed) {
			return;
		}
		long delay = Math.max(0,
				Duration.between(this.clock.instant(), token.renewAt(this.settings.renewAt())).toMillis());
		this.renewal = this.scheduler.schedule(this::renew, delay, TimeUnit.MILLISECONDS);
	}

	private void renew() {
		if (this.closed) {
			return;
		}
		this.lock.lock();
		try {
			AccessToken token = this.current;
			if (token == null) {
				return;
			}
			Instant now = this.clock.instant();
			if (token.maxExpiresAt() != null && !now.isBefore(token.maxExpiresAt())) {
				logger.debug("Infisical access token reached its max TTL; logging in again");
				install(login(), null);
			}
			else {
				renewOrLogin(token);
			}
		}
		catch (InfisicalApiException ex) {
			if (ex.isTransient()) {
				Duration wait = (ex.getRetryAfter() != null) ? ex.getRetryAfter() : RENEWAL_RETRY;
				logger.warn("Could not renew the Infisical access token, trying again in " + wait.toSeconds() + "s: "
						+ ex.getMessage());
				this.renewal = this.scheduler.schedule(this::renew, wait.toMillis(), TimeUnit.MILLISECONDS);
			}
			else {
				logger.warn("Could not renew the Infisical access token or log in again; the next call will try to "
						+ "log in: " + ex.getMessage());
			}
			return;
		}
		catch (RuntimeException ex) {
			logger.warn("Could not renew the Infisical access token: " + ex.getMessage());
			return;
		}
		finally {
			this.lock.unlock();
		}
		notifyReissue();
	}

	private void renewOrLogin(AccessToken token) {
		try {
			install(this.client.renew(token.value()), token.maxExpiresAt());
			this.renewals.incrementAndGet();
			logger.debug("Renewed the Infisical access token");
		}
		catch (InfisicalApiException ex) {
			if (ex.isTransient()) {
				throw ex;
			}
			logger.debug("Infisical refused to renew the access token (HTTP " + ex.getStatus() + "); logging in again");
			install(login(), null);
		}
	}

	private void notifyReissue() {
		if (this.closed) {
			return;
		}
		for (Runnable listener : this.reissueListeners) {
			try {
				this.scheduler.execute(() -> {
					try {
						listener.run();
					}
					catch (RuntimeException ex) {
						logger.debug("Token re-issue listener failed: " + ex.getMessage());
					}
				});
			}
			catch (RejectedExecutionException ex) {
				// closed meanwhile: nothing is refreshed any more
				return;
			}
		}
	}

	/**
	 * Stop renewing and, unless switched off, revoke the token.
	 */
	@Override
	public void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		this.lock.lock();
		try {
			if (this.renewal != null) {
				this.renewal.cancel(false);
			}
			AccessToken token = this.current;
			this.current = null;
			if (token != null && this.settings.revokeOnShutdown() && this.authentication.revokeOnShutdown()
					&& token.isValidAt(this.clock.instant())) {
				this.client.revoke(token.value());
				logger.debug("Revoked the Infisical access token");
			}
		}
		catch (RuntimeException ex) {
			logger.debug("Could not revoke the Infisical access token: " + ex.getMessage());
		}
		finally {
			this.lock.unlock();
			this.scheduler.shutdownNow();
		}
	}

	@Override
	public String toString() {
		return "AccessTokenManager[" + this.authentication + "]";
	}

}
