package io.github.infisicalstarter.config;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link InfisicalProperties#validate()}: unresolved placeholders and values
 * out of range are reported by property name, never by value.
 */
class InfisicalPropertiesValidationTests {

	@Test
	void defaultsAreValid() {
		assertThatNoException().isThrownBy(() -> InfisicalProperties.defaults().validate());
		assertThatNoException().isThrownBy(() -> bind(Map.of("infisical.refresh.jitter", "0s",
				"infisical.retry.max-attempts", "1", "infisical.retry.multiplier", "1"))
			.validate());
	}

	@Test
	void unresolvedPlaceholderNamesThePropertyAndTheVariableOnly() {
		InfisicalProperties properties = bind(
				Map.of("infisical.client-id", "${INFISICAL_CLIENT_ID}", "infisical.client-secret", "the-real-secret"));
		assertThatExceptionOfType(InfisicalConfigurationException.class).isThrownBy(properties::validate)
			.withMessage("Infisical property 'infisical.client-id' refers to '${INFISICAL_CLIENT_ID}', "
					+ "but nothing defines 'INFISICAL_CLIENT_ID'.")
			.withMessageNotContaining("the-real-secret")
			.satisfies((ex) -> assertThat(ex.getAction()).doesNotContain("the-real-secret"));
	}

	@Test
	void placeholderInsideASecretNamesOnlyTheVariable() {
		InfisicalProperties properties = bind(Map.of("infisical.client-secret", "prefix-part${SECRET_TAIL}"));
		assertThatExceptionOfType(InfisicalConfigurationException.class).isThrownBy(properties::validate)
			.withMessageContaining("'infisical.client-secret'")
			.withMessageContaining("'SECRET_TAIL'")
			.withMessageNotContaining("prefix-part")
			.satisfies((ex) -> assertThat(ex.getProperty()).isEqualTo("infisical.client-secret"));
	}

	@Test
	void placeholderInALocationNamesTheLocationProperty() {
		InfisicalProperties properties = bind(Map.of("infisical.locations[0].environment", "${APP_ENV}"));
		assertThatExceptionOfType(InfisicalConfigurationException.class).isThrownBy(properties::validate)
			.withMessageContaining("'infisical.locations[0].environment' refers to '${APP_ENV}'");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"',
			textBlock = """
					infisical.refresh.interval       | 0s   | 'infisical.refresh.interval' is 0s but must be a positive duration; to switch polling off set infisical.refresh.enabled=false.
					infisical.refresh.interval       | -5s  | 'infisical.refresh.interval' is -5s but must be a positive duration
					infisical.refresh.jitter         | -1ms | 'infisical.refresh.jitter' is -1ms but must be zero or a positive duration
					infisical.token.renew-at         | 1.5  | 'infisical.token.renew-at' is 1.5 but must lie between 0 and 1 (exclusive)
					infisical.token.renew-at         | 0    | 'infisical.token.renew-at' is 0.0 but must lie between 0 and 1 (exclusive)
					infisical.token.renew-at         | 1    | 'infisical.token.renew-at' is 1.0 but must lie between 0 and 1 (exclusive)
					infisical.http.connect-timeout   | 0s   | 'infisical.http.connect-timeout' is 0s but must be a positive duration
					infisical.http.read-timeout      | -1s  | 'infisical.http.read-timeout' is -1s but must be a positive duration
					infisical.retry.max-attempts     | 0    | 'infisical.retry.max-attempts' is 0 but must be at least 1
					infisical.retry.initial-interval | 0ms  | 'infisical.retry.initial-interval' is 0s but must be a positive duration
					infisical.retry.multiplier       | 0.5  | 'infisical.retry.multiplier' is 0.5 but must be at least 1
					infisical.retry.max-interval     | 0s   | 'infisical.retry.max-interval' is 0s but must be a positive duration
					infisical.retry.deadline         | -30s | 'infisical.retry.deadline' is -30s but must be a positive duration
					""")
	void outOfRangeValuesNameThePropertyAndTheRange(String property, String value, String message) {
		InfisicalProperties properties = bind(Map.of(property, value));
		assertThatExceptionOfType(InfisicalConfigurationException.class).isThrownBy(properties::validate)
			.withMessageContaining(message)
			.satisfies((ex) -> assertThat(ex.getProperty()).isEqualTo(property))
			.satisfies((ex) -> assertThat(ex.getAction()).contains(property));
	}

	private static InfisicalProperties bind(Map<String, String> values) {
		Map<String, String> all = new HashMap<>(values);
		return new Binder(new MapConfigurationPropertySource(all))
			.bind(InfisicalProperties.PREFIX, Bindable.of(InfisicalProperties.class))
			.orElseGet(InfisicalProperties::defaults);
	}

}
