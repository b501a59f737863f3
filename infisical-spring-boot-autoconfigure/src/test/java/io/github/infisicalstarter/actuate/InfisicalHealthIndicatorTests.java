package io.github.infisicalstarter.actuate;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.github.infisicalstarter.env.InfisicalStatus;
import io.github.infisicalstarter.env.InfisicalStatus.LocationStatus;
import io.github.infisicalstarter.env.InfisicalStatus.Rereads;
import io.github.infisicalstarter.env.InfisicalStatus.TokenStatus;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unit tests of {@link InfisicalHealthIndicator}: status rules and details.
 */
class InfisicalHealthIndicatorTests {

	private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

	private static final Rereads NONE = new Rereads(0, 0, 0);

	@Test
	void upWhenEveryLocationWasLoadedEvenIfPollsFail() {
		LocationStatus failing = new LocationStatus("infisical:p/dev/", true, 3, NOW.minusSeconds(600), NOW, 4,
				"Infisical answered 500", "etag", new Rereads(0, 0, 4));
		Health health = health(
				new InfisicalStatus(List.of(failing), new TokenStatus("universal", NOW.plusSeconds(120), 1, 2), "v4"));
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("api", "v4")
			.containsEntry("token",
					Map.of("method", "universal", "expiresAt", NOW.plusSeconds(120).toString(), "expiresIn", "PT2M"));
		assertThat(location(health, "infisical:p/dev/")).containsEntry("loaded", true)
			.containsEntry("secrets", 3)
			.containsEntry("consecutiveFailures", 4)
			.containsEntry("lastError", "Infisical answered 500")
			.containsEntry("lastSuccess", NOW.minusSeconds(600).toString());
	}

	@Test
	void downWhenALocationWasNeverLoaded() {
		LocationStatus loaded = new LocationStatus("infisical:p/dev/", true, 1, NOW, NOW, 0, null, null, NONE);
		LocationStatus never = new LocationStatus("infisical:p/dev/db", false, 0, null, null, 1, "refused", null, NONE);
		Health health = health(new InfisicalStatus(List.of(loaded, never), null, null));
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(location(health, "infisical:p/dev/db")).containsEntry("loaded", false)
			.doesNotContainKey("lastSuccess");
		assertThat(health.getDetails()).doesNotContainKeys("token", "api");
	}

	@Test
	void upWithoutLocations() {
		assertThat(health(new InfisicalStatus(List.of(), null, null)).getStatus()).isEqualTo(Status.UP);
	}

	private static Health health(InfisicalStatus status) {
		return new InfisicalHealthIndicator(() -> status, Clock.fixed(NOW, ZoneOffset.UTC)).health(true);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> location(Health health, String name) {
		return (Map<String, Object>) ((Map<String, Object>) health.getDetails().get("locations")).get(name);
	}

}
