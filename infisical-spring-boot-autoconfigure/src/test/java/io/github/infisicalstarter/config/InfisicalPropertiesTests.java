package io.github.infisicalstarter.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

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

	@Test
	void defaultsInTheIdeMetadataAreTheDefaultsApplied() throws IOException {
		// the metadata's defaults come from @DefaultValue and from
		// additional-spring-configuration-metadata.json: binding all of them explicitly
		// must give what binding nothing gives
		Map<String, String> metadataDefaults = new LinkedHashMap<>();
		for (Resource metadata : new PathMatchingResourcePatternResolver()
			.getResources("classpath*:META-INF/spring-configuration-metadata.json")) {
			try (InputStream in = metadata.getInputStream()) {
				JsonMapper.shared().readTree(in).get("properties").forEach((property) -> {
					String name = property.get("name").asString();
					if (name.startsWith("infisical.") && property.has("defaultValue")) {
						metadataDefaults.put(name, property.get("defaultValue").asString());
					}
				});
			}
		}
		assertThat(metadataDefaults).containsKeys("infisical.enabled", "infisical.site-url", "infisical.secret-path",
				"infisical.include-imports", "infisical.expand-references", "infisical.prefix",
				"infisical.relaxed-names", "infisical.fail-fast", "infisical.refresh.interval",
				"infisical.retry.deadline");
		assertThat(bind(metadataDefaults)).isEqualTo(bind(Map.of()));
	}

	@Test
	void siteUrlWithCredentialsIsRefusedWithoutRepeatingThem() {
		InfisicalProperties properties = bind(Map.of("infisical.site-url", "https://admin:hunter2@infisical.example"));
		assertThatExceptionOfType(InfisicalConfigurationException.class).isThrownBy(properties::resolvedSiteUrl)
			.withMessageContaining("infisical.site-url")
			.withMessageNotContaining("hunter2");
	}

	private static InfisicalProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values))
			.bind(InfisicalProperties.PREFIX, Bindable.of(InfisicalProperties.class))
			.orElseGet(InfisicalProperties::defaults);
	}

}
