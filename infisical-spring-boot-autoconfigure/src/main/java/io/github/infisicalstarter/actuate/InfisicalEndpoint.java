package io.github.infisicalstarter.actuate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.infisicalstarter.InfisicalException;
import io.github.infisicalstarter.config.InfisicalProperties;
import io.github.infisicalstarter.config.SecretsLocation;
import io.github.infisicalstarter.env.InfisicalPropertySource;
import io.github.infisicalstarter.env.InfisicalSecretsService;
import io.github.infisicalstarter.env.InfisicalStatus;
import io.github.infisicalstarter.env.InfisicalStatus.LocationStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * The {@code infisical} actuator endpoint ({@code /actuator/infisical} once exposed; like
 * every endpoint but health it is not exposed over HTTP by default). Reading it shows,
 * per location, its property source and position in the {@code Environment}, its options,
 * the key names it contributed (never values), its version (ETag), last read and last
 * change; the token's method, expiry and counts (never the token); and the refresh
 * settings. It reads the starter's state and never calls Infisical. Writing to it
 * re-reads every location, or the one named, and publishes one refresh, as a poll that
 * found a change would.
 *
 * @since 0.1.0
 */
@Endpoint(id = "infisical")
public class InfisicalEndpoint {

	private final @Nullable InfisicalSecretsService service;

	private final ConfigurableEnvironment environment;

	private final InfisicalRefreshTrigger refresh;

	/**
	 * Create a new endpoint.
	 * @param service the application's secrets service ({@code null} only in an
	 * AOT-processed application that runs without Infisical secrets)
	 * @param environment the environment its property sources are in
	 * @param refresh publishes a refresh after a re-read
	 */
	public InfisicalEndpoint(@Nullable InfisicalSecretsService service, ConfigurableEnvironment environment,
			InfisicalRefreshTrigger refresh) {
		this.service = service;
		this.environment = environment;
		this.refresh = refresh;
	}

	/**
	 * Describe what the starter loaded.
	 * @return the description
	 */
	@ReadOperation
	public InfisicalDescriptor infisical() {
		InfisicalSecretsService service = this.service;
		InfisicalStatus status = (service != null) ? service.status() : new InfisicalStatus(List.of(), null, null);
		List<String> order = this.environment.getPropertySources().stream().map(PropertySource::getName).toList();
		List<LocationDescriptor> locations = new ArrayList<>();
		for (LocationStatus location : status.locations()) {
			PropertySource<?> source = this.environment.getPropertySources().get(location.name());
			List<String> keys = (source instanceof InfisicalPropertySource infisical)
					? List.copyOf(infisical.getSnapshot().keys()) : List.of();
			SecretsLocation options = (source instanceof InfisicalPropertySource infisical) ? infisical.getSource()
					: null;
			locations.add(new LocationDescriptor(location.name(), order.indexOf(location.name()), options, keys,
					location.version(), location.loaded(), location.lastSuccess(), location.lastChange(),
					location.consecutiveFailures(), location.lastError()));
		}
		InfisicalProperties.Refresh settings = ((service != null) ? service.getProperties()
				: InfisicalProperties.defaults())
			.refresh();
		Duration interval = this.refresh.interval();
		RefreshDescriptor refresh = new RefreshDescriptor(this.refresh.mode(),
				(interval != null) ? interval : settings.interval(), settings.jitter(), this.refresh.nextPoll());
		return new InfisicalDescriptor(locations, status.token(), status.apiGeneration(), refresh);
	}

	/**
	 * Re-read every location, or the one named, and publish one refresh.
	 * @param location the property source name of one location (as the read operation
	 * shows it), or {@code null} for all
	 * @return per location {@code changed}, {@code unchanged} or the failure, and whether
	 * a refresh was published
	 */
	@WriteOperation
	public RereadDescriptor reread(@Nullable String location) {
		Map<String, String> results = new LinkedHashMap<>();
		InfisicalSecretsService service = this.service;
		List<SecretsLocation> loaded = (service != null) ? List.copyOf(service.getLocations()) : List.of();
		for (SecretsLocation candidate : loaded) {
			if (location != null && !candidate.name().equals(location)) {
				continue;
			}
			try {
				results.put(candidate.name(), (service.poll(candidate) != null) ? "changed" : "unchanged");
			}
			catch (InfisicalException ex) {
				results.put(candidate.name(), "failed: " + ex.getMessage());
			}
		}
		if (location != null && results.isEmpty()) {
			throw new InvalidEndpointRequestException("No Infisical location named '" + location + "' was loaded",
					"Unknown location");
		}
		boolean published = this.refresh.publish(List.copyOf(results.keySet()));
		return new RereadDescriptor(results, published);
	}

	/**
	 * What the read operation returns.
	 *
	 * @param locations the loaded locations
	 * @param token the token's state, or {@code null} before the first login
	 * @param api the secrets API generation in use, or {@code null} before the first call
	 * @param refresh the refresh settings
	 */
	public record InfisicalDescriptor(List<LocationDescriptor> locations, InfisicalStatus.@Nullable TokenStatus token,
			@Nullable String api, RefreshDescriptor refresh) implements OperationResponseBody {

	}

	/**
	 * One location.
	 *
	 * @param propertySource the property source name
	 * @param position its index in the environment's property sources (0 wins over every
	 * other), or -1 when it is not in the environment
	 * @param options the location (project, environment, path and options)
	 * @param keys the secret keys it contributed (names only)
	 * @param version the ETag of the last answer
	 * @param loaded whether it was ever read successfully
	 * @param lastRead the last successful read
	 * @param lastChange the last change
	 * @param consecutiveFailures failed reads since the last success
	 * @param lastError the last failure's message
	 */
	public record LocationDescriptor(String propertySource, int position, @Nullable SecretsLocation options,
			List<String> keys, @Nullable String version, boolean loaded, @Nullable Instant lastRead,
			@Nullable Instant lastChange, int consecutiveFailures, @Nullable String lastError) {

	}

	/**
	 * The refresh settings.
	 *
	 * @param mode {@code poll} when the watcher polls, {@code off} otherwise
	 * @param interval the poll interval now: {@code infisical.refresh.interval}, or the
	 * safety interval while an event subscription is connected
	 * @param jitter the random delay added to each interval
	 * @param nextPoll when the next poll is due, or {@code null}
	 */
	public record RefreshDescriptor(String mode, Duration interval, Duration jitter, @Nullable Instant nextPoll) {

	}

	/**
	 * What the write operation returns.
	 *
	 * @param locations per location, {@code changed}, {@code unchanged} or the failure
	 * @param refreshed whether a refresh was published
	 */
	public record RereadDescriptor(Map<String, String> locations, boolean refreshed) implements OperationResponseBody {

	}

}
