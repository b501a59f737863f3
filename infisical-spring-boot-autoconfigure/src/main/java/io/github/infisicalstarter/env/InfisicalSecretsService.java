package io.github.infisicalstarter.env;

import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.infisicalstarter.InfisicalException;
import io.github.infisicalstarter.auth.AccessTokenManager;
import io.github.infisicalstarter.auth.InfisicalAuthentication;
import io.github.infisicalstarter.auth.InfisicalAuthenticationProvider;
import io.github.infisicalstarter.auth.InfisicalAuthentications;
import io.github.infisicalstarter.client.CallObservations;
import io.github.infisicalstarter.client.HttpCallObserver;
import io.github.infisicalstarter.client.InfisicalClient;
import io.github.infisicalstarter.client.InfisicalClients;
import io.github.infisicalstarter.client.SecretsResponse;
import io.github.infisicalstarter.config.InfisicalAuthProperties;
import io.github.infisicalstarter.config.InfisicalConfigurationException;
import io.github.infisicalstarter.config.InfisicalProperties;
import io.github.infisicalstarter.config.SecretsLocation;
import io.github.infisicalstarter.config.SecretsLocations.OptionalLocation;
import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The single core behind every entry point: one client and one access token per
 * application, and the last good secrets of every location it loaded. The ConfigData
 * loader, the zero-configuration post-processor and the bootstrap locator all call
 * {@link #load(SecretsLocation, boolean)}; the refresh watcher calls
 * {@link #poll(SecretsLocation)}. A location that a poll found changed is handed to the
 * next load without fetching it again, and a load that fails after start-up keeps the
 * last good values.
 *
 * @since 0.1.0
 */
public final class InfisicalSecretsService implements AutoCloseable {

	private final InfisicalProperties properties;

	private final InfisicalClient client;

	private final AccessTokenManager tokens;

	private final Log logger;

	private final SecretsAssembler assembler;

	private final StartupRetry retry;

	/**
	 * How the identity logs in ({@code infisical.auth.method}, or {@code custom}), for
	 * status.
	 */
	private final String loginMethod;

	private final Clock clock;

	private final Map<SecretsLocation, LocationState> states = new ConcurrentHashMap<>();

	private final Map<SecretsLocation, CompletableFuture<SecretsSnapshot>> prefetches = new ConcurrentHashMap<>();

	private volatile @Nullable ExecutorService prefetcher;

	private final AtomicBoolean closed = new AtomicBoolean();

	InfisicalSecretsService(InfisicalProperties properties, InfisicalClient client, AccessTokenManager tokens,
			String loginMethod, Log logger, Clock clock) {
		this.clock = clock;
		this.loginMethod = loginMethod;
		this.properties = properties;
		this.client = client;
		this.tokens = tokens;
		this.logger = logger;
		this.assembler = new SecretsAssembler(logger, properties.relaxedNames());
		this.retry = new StartupRetry(properties.retry(), logger);
	}

	/**
	 * Create the service for the given properties, logging in with Universal Auth.
	 * @param properties the bound properties; credentials are checked here
	 * @param sslBundle the SSL bundle named by {@code infisical.ssl.bundle}, or
	 * {@code null}
	 * @param logger the log to report through (a deferred one during start-up)
	 * @param clock the clock that decides when tokens expire
	 * @return a new service
	 * @throws InfisicalConfigurationException when a required property is missing
	 */
	public static InfisicalSecretsService create(InfisicalProperties properties, @Nullable SslBundle sslBundle,
			Log logger, Clock clock) {
		return create(properties, null, sslBundle, logger, clock);
	}

	/**
	 * Create the service for the given properties.
	 * @param properties the bound properties; credentials are checked here
	 * @param auth the {@code infisical.auth.*} properties, or {@code null} for Universal
	 * Auth
	 * @param sslBundle the SSL bundle named by {@code infisical.ssl.bundle}, or
	 * {@code null}
	 * @param logger the log to report through (a deferred one during start-up)
	 * @param clock the clock that decides when tokens expire
	 * @return a new service
	 * @throws InfisicalConfigurationException when a required property is missing
	 */
	public static InfisicalSecretsService create(InfisicalProperties properties, @Nullable InfisicalAuthProperties auth,
			@Nullable SslBundle sslBundle, Log logger, Clock clock) {
		return create(properties, auth, null, sslBundle, logger, clock);
	}

	/**
	 * Create the service for the given properties.
	 * @param properties the bound properties; credentials are checked here
	 * @param auth the {@code infisical.auth.*} properties, or {@code null} for Universal
	 * Auth
	 * @param provider the application's own login (from the bootstrap registry), which
	 * replaces {@code infisical.auth.method}, or {@code null}
	 * @param sslBundle the SSL bundle named by {@code infisical.ssl.bundle}, or
	 * {@code null}
	 * @param logger the log to report through (a deferred one during start-up)
	 * @param clock the clock that decides when tokens expire
	 * @return a new service
	 * @throws InfisicalConfigurationException when a required property is missing
	 */
	public static InfisicalSecretsService create(InfisicalProperties properties, @Nullable InfisicalAuthProperties auth,
			@Nullable InfisicalAuthenticationProvider provider, @Nullable SslBundle sslBundle, Log logger,
			Clock clock) {
		if (auth == null && provider == null) {
			properties.validateCredentials();
		}
		InfisicalClient client = InfisicalClients.create(properties, sslBundle, logger);
		InfisicalAuthentication authentication = (provider != null) ? provider.create(client.getLoginClient())
				: InfisicalAuthentications.create(properties, auth, client.getLoginClient());
		AccessTokenManager tokens = new AccessTokenManager(authentication, client.getLoginClient(), properties.token(),
				clock);
		String method = (provider != null) ? "custom" : InfisicalAuthentications.method(auth);
		return new InfisicalSecretsService(properties, client, tokens, method, logger, clock);
	}

	/**
	 * Return the properties this service was created with.
	 * @return the properties
	 */
	public InfisicalProperties getProperties() {
		return this.properties;
	}

	/**
	 * Return the client of the Infisical API, shared with the templates.
	 * @return the client
	 */
	public InfisicalClient getClient() {
		return this.client;
	}

	/**
	 * Return the access-token manager shared by all calls.
	 * @return the token manager
	 */
	public AccessTokenManager getTokens() {
		return this.tokens;
	}

	/**
	 * Start fetching locations in parallel, so that several locations cost the time of
	 * one. A later {@link #load} picks up the result. Locations already loaded are
	 * skipped.
	 * @param locations the locations about to be loaded, with whether each is optional
	 */
	public void prefetch(List<OptionalLocation> locations) {
		Map<SecretsLocation, Boolean> pending = new LinkedHashMap<>();
		for (OptionalLocation location : locations) {
			if (!this.states.containsKey(location.location()) && !this.prefetches.containsKey(location.location())) {
				pending.merge(location.location(), location.optional(), Boolean::logicalAnd);
			}
		}
		if (pending.isEmpty() || this.closed.get()) {
			return;
		}
		pending.forEach((location, optional) -> this.prefetches.computeIfAbsent(location,
				(key) -> CompletableFuture.supplyAsync(() -> fetchFirst(key, optional), prefetcher())));
	}

	/**
	 * Load a location into a new property source. The first load of a location fetches
	 * it, retrying transient failures; a failure then fails start-up. When the location
	 * is optional or fail-fast is off, a failure would not stop start-up, so it does not
	 * hold start-up either: one attempt, then one warning and an empty source that later
	 * polls fill in. Later loads (Spring Cloud refreshes) reuse a change a poll already
	 * fetched, or fetch again, and keep the last good values when that fails.
	 * @param location the location
	 * @param optional whether failing to load is only a warning
	 * @return the property source
	 */
	public InfisicalPropertySource load(SecretsLocation location, boolean optional) {
		LocationState state = this.states.get(location);
		if (state != null) {
			return new InfisicalPropertySource(location, reload(location, state));
		}
		long start = System.nanoTime();
		try {
			SecretsSnapshot snapshot = awaitFirst(location, optional);
			if (snapshot.size() == 0) {
				this.logger.warn("Infisical returned no secrets for " + location.describe() + " at "
						+ this.client.getSiteUrl() + ". Check infisical.environment and infisical.secret-path "
						+ "(older servers answer an unknown environment or path with an empty list).");
			}
			this.states.put(location, LocationState.loaded(snapshot, this.clock.instant()));
			if (this.logger.isDebugEnabled()) {
				this.logger.debug("Loaded " + snapshot.size() + " Infisical secrets for " + location.describe() + " in "
						+ (System.nanoTime() - start) / 1_000_000 + " ms");
			}
			return new InfisicalPropertySource(location, snapshot);
		}
		catch (InfisicalException ex) {
			InfisicalException failure = InfisicalLoadException.of(location, this.client.getSiteUrl(), ex);
			if (!optional && this.properties.failFast()) {
				throw failure;
			}
			this.logger.warn(failure.getMessage() + " Starting without these secrets ("
					+ (optional ? "the location is optional" : "infisical.fail-fast=false") + ").");
			this.states.put(location, LocationState.notLoaded(failure.getMessage()));
			return new InfisicalPropertySource(location, SecretsSnapshot.EMPTY);
		}
	}

	/**
	 * Return every location loaded so far.
	 * @return the locations
	 */
	public Set<SecretsLocation> getLocations() {
		return Set.copyOf(this.states.keySet());
	}

	/**
	 * Return the service's state, for health, the actuator endpoint and gauges: built
	 * from what the service already knows, never by calling Infisical.
	 * @return the current status
	 */
	public InfisicalStatus status() {
		List<InfisicalStatus.LocationStatus> locations = this.states.entrySet()
			.stream()
			.map((entry) -> entry.getValue().status(entry.getKey().name()))
			.sorted(Comparator.comparing(InfisicalStatus.LocationStatus::name))
			.toList();
		InfisicalStatus.TokenStatus token = (this.tokens.getLogins() > 0)
				? new InfisicalStatus.TokenStatus(this.loginMethod, this.tokens.getExpiresAt(), this.tokens.getLogins(),
						this.tokens.getRenewals())
				: null;
		return new InfisicalStatus(locations, token, this.client.getGeneration().toString());
	}

	/**
	 * Observe every later HTTP call of this service (its own and its templates') through
	 * the given observations.
	 * @param observations the application's observations
	 */
	public void observeWith(CallObservations observations) {
		this.client.getTransport().getObserver().observeWith(observations);
	}

	/**
	 * Return, once, the HTTP calls made before observations were set (during start-up,
	 * before the application's registry existed), so their cost can be recorded.
	 * @return the calls, oldest first
	 */
	public List<HttpCallObserver.RecordedCall> startupCalls() {
		return this.client.getTransport().getObserver().drainRecorded();
	}

	/**
	 * Fetch a location again, sending the last ETag, and remember the result for the next
	 * {@link #load}. Nothing is retried here: the caller polls again later.
	 * @param location a loaded location
	 * @return the new snapshot when the secrets changed, or {@code null} when they did
	 * not
	 */
	public @Nullable SecretsSnapshot poll(SecretsLocation location) {
		LocationState state = this.states.get(location);
		if (state == null) {
			return null;
		}
		SecretsSnapshot previous = state.snapshot;
		SecretsSnapshot current;
		try {
			current = fetch(location, previous);
		}
		catch (InfisicalException ex) {
			state.failed(ex.getMessage());
			throw ex;
		}
		boolean changed = !current.equals(previous);
		state.succeeded(current, changed, this.clock.instant());
		if (!changed) {
			return null;
		}
		state.fresh = true;
		return current;
	}

	private SecretsSnapshot reload(SecretsLocation location, LocationState state) {
		if (state.fresh) {
			state.fresh = false;
			return state.snapshot;
		}
		try {
			SecretsSnapshot current = fetch(location, state.snapshot);
			state.succeeded(current, !current.equals(state.snapshot), this.clock.instant());
		}
		catch (InfisicalException ex) {
			state.failed(ex.getMessage());
			this.logger.warn("Could not refresh Infisical secrets for " + location.describe()
					+ "; keeping the last good values: " + ex.getMessage());
		}
		return state.snapshot;
	}

	private SecretsSnapshot awaitFirst(SecretsLocation location, boolean optional) {
		CompletableFuture<SecretsSnapshot> prefetch = this.prefetches.remove(location);
		if (prefetch == null) {
			return fetchFirst(location, optional);
		}
		try {
			return prefetch.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw ex;
		}
	}

	private SecretsSnapshot fetchFirst(SecretsLocation location, boolean optional) {
		if (optional || !this.properties.failFast()) {
			return fetch(location, null);
		}
		return this.retry.call(() -> fetch(location, null));
	}

	private SecretsSnapshot fetch(SecretsLocation location, @Nullable SecretsSnapshot previous) {
		String etag = (previous != null) ? previous.etag() : null;
		SecretsResponse response = this.tokens.execute((token) -> this.client.listSecrets(location, token, etag));
		if (response.notModified() && previous != null) {
			return previous;
		}
		return this.assembler.assemble(location, response);
	}

	private ExecutorService prefetcher() {
		ExecutorService executor = this.prefetcher;
		if (executor == null) {
			synchronized (this) {
				executor = this.prefetcher;
				if (executor == null) {
					CustomizableThreadFactory threads = new CustomizableThreadFactory("infisical-fetch-");
					threads.setDaemon(true);
					executor = Executors.newFixedThreadPool(4, threads);
					this.prefetcher = executor;
				}
			}
		}
		return executor;
	}

	/**
	 * Stop background work and revoke the access token (unless switched off).
	 */
	@Override
	public void close() {
		if (!this.closed.compareAndSet(false, true)) {
			return;
		}
		this.prefetches.values().forEach((future) -> future.cancel(true));
		this.prefetches.clear();
		ExecutorService executor = this.prefetcher;
		if (executor != null) {
			executor.shutdownNow();
		}
		this.tokens.close();
	}

	/**
	 * Whether {@link #close()} was called.
	 * @return {@code true} once closed
	 */
	public boolean isClosed() {
		return this.closed.get();
	}

	@Override
	public String toString() {
		return "InfisicalSecretsService[" + this.client + ", locations=" + this.states.size() + "]";
	}

}
