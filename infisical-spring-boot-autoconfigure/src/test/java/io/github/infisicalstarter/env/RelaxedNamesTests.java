package io.github.infisicalstarter.env;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RelaxedNamesTests {

	@Test
	void envVarStyleKeysGetDottedLowerCaseAliases() {
		assertThat(RelaxedNames.alias("DB_PASSWORD")).isEqualTo("db.password");
		assertThat(RelaxedNames.alias("FOO")).isEqualTo("foo");
		assertThat(RelaxedNames.alias("db.PASSWORD")).isEqualTo("db.password");
		assertThat(RelaxedNames.alias("API2_KEY")).isEqualTo("api2.key");
	}

	@Test
	void otherKeysHaveNoAlias() {
		assertThat(RelaxedNames.alias("db.password")).isNull();
		assertThat(RelaxedNames.alias("Mixed_Case")).isNull();
		assertThat(RelaxedNames.alias("with-dash")).isNull();
		assertThat(RelaxedNames.alias("_LEADING")).isNull();
		assertThat(RelaxedNames.alias("DOUBLE__UNDERSCORE")).isNull();
		assertThat(RelaxedNames.alias("123")).isNull();
	}

}
