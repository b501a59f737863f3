package io.github.infisicalstarter.observation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.github.infisicalstarter.client.HttpCallObserver.RecordedCall;
import io.github.infisicalstarter.env.InfisicalStatus;
import io.github.infisicalstarter.env.InfisicalStatus.LocationStatus;
import io.github.infisicalstarter.env.InfisicalStatus.Rereads;
import io.github.infisicalstarter.env.InfisicalStatus.TokenStatus;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unit tests of {@link InfisicalMeterBinder}: meters read the status when scraped.
 */
class InfisicalMeterBinderTests {

	private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

	private final AtomicReference<InfisicalStatus> status = new AtomicReference<>(
			new InfisicalStatus(List.of(), null, null));

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	// meters hold their object weakly, as a bean would be held by the context
	private final InfisicalMeterBinder binder = new InfisicalMeterBinder(this.status::get, () -> List
		.of(new RecordedCall("login", 200, Duration.ofMillis(40)), new RecordedCall("list", 0, Duration.ofMillis(5))),
			Clock.fixed(NOW, ZoneOffset.UTC));

	InfisicalMeterBinderTests() {
		this.binder.bindTo(this.registry);
	}

	@Test
	void metersFollowTheStatus() {
		assertThat(this.registry.get("infisical.refresh.age").timeGauge().value(TimeUnit.SECONDS)).isNaN();
		this.status.set(new InfisicalStatus(List.of(
				new LocationStatus("infisical:p/dev/", true, 3, NOW.minusSeconds(30), NOW, 0, null, null,
						new Rereads(2, 5, 1)),
				new LocationStatus("infisical:p/prod/", true, 4, NOW.minusSeconds(90), NOW, 2, "x", null,
						new Rereads(1, 0, 3)),
				new LocationStatus("infisical:p/dev/db", false, 0, null, null, 1, "x", null, new Rereads(0, 0, 0))),
				new TokenStatus("universal", NOW.plusSeconds(600), 1, 0), "v4"));
		assertThat(this.registry.get("infisical.refresh.age").timeGauge().value(TimeUnit.SECONDS)).isEqualTo(90);
		assertThat(this.registry.get("infisical.token.expiry").timeGauge().value(TimeUnit.SECONDS)).isEqualTo(600);
		assertThat(this.registry.get("infisical.refresh").tag("result", "changed").functionCounter().count())
			.isEqualTo(3);
		assertThat(this.registry.get("infisical.refresh").tag("result", "unchanged").functionCounter().count())
			.isEqualTo(5);
		assertThat(this.registry.get("infisical.refresh").tag("result", "failed").functionCounter().count())
			.isEqualTo(4);
		assertThat(this.registry.get("infisical.locations").gauge().value()).isEqualTo(3);
		assertThat(this.registry.get("infisical.locations.unloaded").gauge().value()).isEqualTo(1);
		assertThat(this.registry.get("infisical.secrets").gauge().value()).isEqualTo(7);
	}

	@Test
	void startupCallsAreRecordedOnceTheRegistryIsThere() {
		assertThat(this.registry.get("infisical.startup.requests")
			.tags("operation", "login", "outcome", "SUCCESS", "status", "200")
			.timer()
			.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(40);
		assertThat(this.registry.get("infisical.startup.requests")
			.tags("operation", "list", "outcome", "IO_ERROR", "status", "NONE")
			.timer()
			.count()).isOne();
	}

	@Test
	void tagsCarryNoLocationOrProject() {
		assertThat(this.registry.getMeters()).flatMap((meter) -> meter.getId().getTags())
			.allSatisfy((tag) -> assertThat(tag.getKey()).isIn("result", "operation", "outcome", "status"));
		assertThat(this.registry.getMeters()).extracting((Meter meter) -> meter.getId().getName())
			.allSatisfy((name) -> assertThat(name).startsWith("infisical."));
	}

}
