package io.github.infisicalstarter.datasource;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DataSourceCredentialsTests {

	@Test
	void hikariValuesWinOverThePlainOnes() {
		StandardEnvironment environment = environment(
				Map.of("p.username", "plain", "p.password", "plain-secret", "p.hikari.password", "hikari-secret"));
		DataSourceCredentials credentials = DataSourceCredentials.read(environment, "p");
		assertThat(credentials.username()).isEqualTo("plain");
		assertThat(credentials.password()).isEqualTo("hikari-secret");
	}

	@Test
	void placeholdersAreResolvedStrictly() {
		assertThat(
				DataSourceCredentials.read(environment(Map.of("p.password", "${x}", "x", "resolved")), "p").password())
			.isEqualTo("resolved");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DataSourceCredentials.read(environment(Map.of("p.password", "${missing}")), "p"));
	}

	@Test
	void fingerprintTellsEveryPairApart() {
		assertThat(new DataSourceCredentials("ab", "c").fingerprint())
			.isNotEqualTo(new DataSourceCredentials("a", "bc").fingerprint());
		assertThat(new DataSourceCredentials(null, "x").fingerprint())
			.isNotEqualTo(new DataSourceCredentials("", "x").fingerprint());
		assertThat(new DataSourceCredentials("u", "p").fingerprint())
			.isEqualTo(new DataSourceCredentials("u", "p").fingerprint());
	}

	@Test
	void toStringShowsNoValues() {
		assertThat(new DataSourceCredentials("user", "hunter2"))
			.hasToString("DataSourceCredentials[username=******, password=******]");
		assertThat(new DataSourceCredentials(null, null))
			.hasToString("DataSourceCredentials[username=null, password=null]");
	}

	private static StandardEnvironment environment(Map<String, Object> values) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", values));
		return environment;
	}

}
