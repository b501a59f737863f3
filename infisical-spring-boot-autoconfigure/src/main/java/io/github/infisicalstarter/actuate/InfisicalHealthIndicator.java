package io.github.infisicalstarter.actuate;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.github.infisicalstarter.env.InfisicalStatus;
import io.github.infisicalstarter.env.InfisicalStatus.LocationStatus;
import io.github.infisicalstarter.env.InfisicalStatus.TokenStatus;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code infisical} health contributor. It reads the starter's own
 * {@link InfisicalStatus} and never calls Infisical, so a probe costs nothing and an
 * Infisical outage never makes a serving application unhealthy: the application keeps its
 * last good values, and failing polls show up in the details while the status stays UP.
 * It is DOWN only when a location was never loaded (an application started with
 * {@code infisical.fail-fast=false} or an {@code optional:} import while Infisical was
 * unreachable runs without configuration it asked for). Details hold names, counts,
 * instants and error messages, never values or tokens.
 *
 * @since 0.1.0
 */
public class InfisicalHealthIndicator extends AbstractHealthIndicator {

	private final Supplier<InfisicalStatus> status;

	private final Clock clock;

	/**
	 * Create a new indicator.
	 * @param status supplies the current status
	 * @param clock the clock for the token's time to expiry
	 */
	public InfisicalHealthIndicator(Supplier<InfisicalStatus> status, Clock clock) {
		super("Infisical health check failed");
		this.status = status;
		this.clock = clock;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		InfisicalStatus status = this.status.get();
		builder.status(status.allLoaded() ? Status.UP : Status.DOWN);
		Map<String, Object> locations = new LinkedHashMap<>();
		for (LocationStatus location : status.locations()) {
			locations.put(location.name(), details(location));
		}
		builder.withDetail("locations", locations);
		TokenStatus token = status.token();
		if (token != null) {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("method", token.method());
			if (token.expiresAt() != null) {
				details.put("expiresAt", token.expiresAt().toString());
				details.put("expiresIn", Duration.between(this.clock.instant(), token.expiresAt()).toString());
			}
			builder.withDetail("token", details);
		}
		if (status.apiGeneration() != null) {
			builder.withDetail("api", status.apiGeneration());
		}
	}

	private static Map<String, Object> details(LocationStatus location) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("loaded", location.loaded());
		details.put("secrets", location.secretCount());
		if (location.lastSuccess() != null) {
			details.put("lastSuccess", location.lastSuccess().toString());
		}
		details.put("consecutiveFailures", location.consecutiveFailures());
		if (location.lastError() != null) {
			details.put("lastError", location.lastError());
		}
		return details;
	}

}
