package io.github.infisicalstarter.config;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SecretsLocation}'s written-out equality.
 */
class SecretsLocationTests {

	private static final SecretsLocation LOCATION = new SecretsLocation("p", "dev", "/db", false, true, true, false, "",
			List.of("t"), List.of("A*"), List.of("B*"));

	@Test
	void equalComponentsMakeEqualLocations() {
		SecretsLocation same = new SecretsLocation("p", "dev", "/db", false, true, true, false, "", List.of("t"),
				List.of("A*"), List.of("B*"));
		assertThat(same).isEqualTo(LOCATION).hasSameHashCodeAs(LOCATION);
		assertThat(LOCATION).isEqualTo(LOCATION).isNotEqualTo(null).isNotEqualTo("p/dev/db");
	}

	@Test
	void everyComponentTakesPart() {
		List<SecretsLocation> others = List.of(
				new SecretsLocation("q", "dev", "/db", false, true, true, false, "", List.of("t"), List.of("A*"),
						List.of("B*")),
				new SecretsLocation("p", "prod", "/db", false, true, true, false, "", List.of("t"), List.of("A*"),
						List.of("B*")),
				new SecretsLocation("p", "dev", "/", false, true, true, false, "", List.of("t"), List.of("A*"),
						List.of("B*")),
				new SecretsLocation("p", "dev", "/db", true, true, true, false, "", List.of("t"), List.of("A*"),
						List.of("B*")),
				new SecretsLocation("p", "dev", "/db", false, false, true, false, "", List.of("t"), List.of("A*"),
						List.of("B*")),
				new SecretsLocation("p", "dev", "/db", false, true, false, false, "", List.of("t"), List.of("A*"),
						List.of("B*")),
				new SecretsLocation("p", "dev", "/db", false, true, true, true, "", List.of("t"), List.of("A*"),
						List.of("B*")),
				new SecretsLocation("p", "dev", "/db", false, true, true, false, "X_", List.of("t"), List.of("A*"),
						List.of("B*")),
				new SecretsLocation("p", "dev", "/db", false, true, true, false, "", List.of(), List.of("A*"),
						List.of("B*")),
				new SecretsLocation("p", "dev", "/db", false, true, true, false, "", List.of("t"), List.of(),
						List.of("B*")),
				new SecretsLocation("p", "dev", "/db", false, true, true, false, "", List.of("t"), List.of("A*"),
						List.of()));
		assertThat(others).allSatisfy((other) -> assertThat(other).isNotEqualTo(LOCATION));
		assertThat(others).extracting(SecretsLocation::hashCode).doesNotHaveDuplicates();
	}

}
