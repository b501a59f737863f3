package io.github.infisicalstarter.observation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import io.github.infisicalstarter.client.HttpCallObserver.RecordedCall;
import io.github.infisicalstarter.env.InfisicalStatus;
import io.github.infisicalstarter.env.InfisicalStatus.LocationStatus;
import io.github.infisicalstarter.env.InfisicalStatus.Rereads;
import io.github.infisicalstarter.env.InfisicalStatus.TokenStatus;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Meters read from the starter's {@link InfisicalStatus} when they are scraped (nothing
 * is counted twice and nothing calls Infisical): how stale the secrets are, when the
 * token expires, how re-reads ended, and how many locations and secrets are loaded. Tags
 * carry no project ids or keys.
 *
 * @since 0.1.0
 */
public class InfisicalMeterBinder implements MeterBinder {

	/** Timer of the calls made during start-up, before any registry existed. */
	public static final String STARTUP_REQUESTS = "infisical.startup.requests";

	private final Supplier<InfisicalStatus> status;

	private final Supplier<List<RecordedCall>> startupCalls;

	private final Clock clock;

	/**
	 * Create a binder.
	 * @param status supplies the current status
	 * @param startupCalls supplies, once, the calls made before the registry existed
	 * @param clock the clock ages and expiry are measured with
	 */
	public InfisicalMeterBinder(Supplier<InfisicalStatus> status, Supplier<List<RecordedCall>> startupCalls,
			Clock clock) {
		this.status = status;
		this.startupCalls = startupCalls;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (RecordedCall call : this.startupCalls.get()) {
			InfisicalObservationContext context = new InfisicalObservationContext(call.operation(), null);
			if (call.status() > 0) {
				context.setStatus(call.status());
			}
			Timer.builder(STARTUP_REQUESTS)
				.description("HTTP calls to Infisical made during start-up, before the registry existed")
				.tag("operation", call.operation())
				.tag("outcome", DefaultInfisicalObservationConvention.outcome(context))
				.tag("status", (call.status() > 0) ? Integer.toString(call.status()) : "NONE")
				.register(registry)
				.record(call.duration());
		}
		TimeGauge.builder("infisical.refresh.age", this, TimeUnit.SECONDS, InfisicalMeterBinder::oldestSuccessAge)
			.description("Time since the least recently read location was last read successfully")
			.register(registry);
		TimeGauge.builder("infisical.token.expiry", this, TimeUnit.SECONDS, InfisicalMeterBinder::tokenExpiresIn)
			.description("Time until the access token expires")
			.register(registry);
		rereads(registry, "changed", Rereads::changed);
		rereads(registry, "unchanged", Rereads::unchanged);
		rereads(registry, "failed", Rereads::failed);
		Gauge.builder("infisical.locations", this, (binder) -> binder.status.get().locations().size())
			.description("Locations loaded or tried")
			.register(registry);
		Gauge.builder("infisical.locations.unloaded", this,
				(binder) -> binder.status.get().locations().stream().filter((location) -> !location.loaded()).count())
			.description("Locations never loaded (the application runs without them)")
			.register(registry);
		Gauge
			.builder("infisical.secrets", this,
					(binder) -> binder.status.get().locations().stream().mapToInt(LocationStatus::secretCount).sum())
			.description("Secrets held, over all locations")
			.register(registry);
	}

	private void rereads(MeterRegistry registry, String result, ToLongFunction<Rereads> count) {
		FunctionCounter
			.builder("infisical.refresh", this,
					(binder) -> binder.status.get()
						.locations()
						.stream()
						.mapToLong((location) -> count.applyAsLong(location.rereads()))
						.sum())
			.description("Re-reads of loaded locations (polls and refreshes) by result")
			.tag("result", result)
			.register(registry);
	}

	private double oldestSuccessAge() {
		Instant oldest = this.status.get()
			.locations()
			.stream()
			.map(LocationStatus::lastSuccess)
			.filter((instant) -> instant != null)
			.min(Instant::compareTo)
			.orElse(null);
		return (oldest != null) ? seconds(Duration.between(oldest, this.clock.instant())) : Double.NaN;
	}

	private double tokenExpiresIn() {
		TokenStatus token = this.status.get().token();
		Instant expiresAt = (token != null) ? token.expiresAt() : null;
		return (expiresAt != null) ? seconds(Duration.between(this.clock.instant(), expiresAt)) : Double.NaN;
	}

	private static double seconds(Duration duration) {
		return duration.toMillis() / 1000.0;
	}

}
