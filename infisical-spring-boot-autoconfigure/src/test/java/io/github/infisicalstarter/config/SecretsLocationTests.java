package io.github.infisicalstarter.config;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SecretsLocation}'s written-out equality.
 */
class SecretsLocationTests {

	/**
	 * Derived, so that a new component fails the test until {@link #changed} covers it.
	 */
	private static final int COMPONENTS = SecretsLocation.class.getRecordComponents().length;

	private static final SecretsLocation LOCATION = changed(-1);

	@Test
	void equalComponentsMakeEqualLocations() {
		assertThat(changed(-1)).isEqualTo(LOCATION).hasSameHashCodeAs(LOCATION);
		assertThat(LOCATION).isEqualTo(LOCATION).isNotEqualTo(null).isNotEqualTo(LOCATION.name());
	}

	@Test
	void everyComponentTakesPart() {
		List<SecretsLocation> others = IntStream.range(0, COMPONENTS).mapToObj(SecretsLocationTests::changed).toList();
		assertThat(others).allSatisfy((other) -> assertThat(other).isNotEqualTo(LOCATION));
		assertThat(others).extracting(SecretsLocation::hashCode).doesNotHaveDuplicates();
	}

	/**
	 * The location with one component (0 to 10, in declaration order) changed; any other
	 * number changes none.
	 */
	private static SecretsLocation changed(int component) {
		return new SecretsLocation((component == 0) ? "q" : "p", (component == 1) ? "prod" : "dev",
				(component == 2) ? "/" : "/db", component == 3, component != 4, component != 5, component == 6,
				(component == 7) ? "X_" : "", (component == 8) ? List.of() : List.of("t"),
				(component == 9) ? List.of() : List.of("A*"), (component == 10) ? List.of() : List.of("B*"));
	}

}
