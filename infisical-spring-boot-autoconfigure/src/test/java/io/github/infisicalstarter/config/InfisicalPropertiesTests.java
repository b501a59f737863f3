package io.github.infisicalstarter.config;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link InfisicalProperties}: a group with nothing set gets its Java
 * {@code defaults()}, a group with one property set gets the other defaults from
 * {@code @DefaultValue}; both must be the same values.
 */
class InfisicalPropertiesTests {

	@Test
	void emptyGroupsGetTheirDefaults() {
		InfisicalProperties properties = bind(Map.of("infisical.client-id", "id"));
		InfisicalProperties defaults = InfisicalProperties.defaults();
		assertThat(properties.http()).isEqualTo(defaults.http());
		assertThat(properties.ssl()).isEqualTo(defaults.ssl());
		assertThat(properties.token()).isEqualTo(defaults.token());
		assertThat(properties.refresh()).isEqualTo(defaults.refresh());
		assertThat(properties.retry()).isEqualTo(defaults.retry());
		assertThat(properties.enabled()).isTrue();
		assertThat(properties.siteUrl()).isEqualTo(defaults.siteUrl());
	}

	@Test
	void annotatedDefaultsMatchTheJavaDefaults() {
		// one leaf of each group set (to its default) makes the binder fill the others
		// from @DefaultValue; between the two binds every leaf comes from an annotation
		InfisicalProperties defaults = InfisicalProperties.defaults();
		for (Map<String, String> values : List.of(
				Map.of("infisical.http.connect-timeout", "5s", "infisical.token.renew-at", "0.66",
						"infisical.refresh.enabled", "true", "infisical.retry.max-attempts", "10"),
				Map.of("infisical.http.read-timeout", "15s", "infisical.token.revoke-on-shutdown", "true",
						"infisical.refresh.interval", "60s", "infisical.retry.deadline", "30s"))) {
			InfisicalProperties properties = bind(values);
			assertThat(properties.http()).isEqualTo(defaults.http());
			assertThat(properties.token()).isEqualTo(defaults.token());
			assertThat(properties.refresh()).isEqualTo(defaults.refresh());
			assertThat(properties.retry()).isEqualTo(defaults.retry());
		}
	}

	@Test
	void oneValueInAGroupKeepsTheOtherDefaults() {
		InfisicalProperties properties = bind(Map.of("infisical.refresh.interval", "5m"));
		assertThat(properties.refresh().interval()).hasMinutes(5);
		assertThat(properties.refresh().jitter()).isEqualTo(InfisicalProperties.defaults().refresh().jitter());
		assertThat(properties.refresh().enabled()).isTrue();
	}

	private static InfisicalProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values))
			.bind(InfisicalProperties.PREFIX, Bindable.of(InfisicalProperties.class))
			.get();
	}

}
