package io.github.infisicalstarter.env;

import java.util.List;
import java.util.Map;

import io.github.infisicalstarter.config.SecretsLocation;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.origin.Origin;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link InfisicalPropertySource}.
 */
class InfisicalPropertySourceTests {

	private static final SecretsLocation LOCATION = new SecretsLocation("proj", "dev", "/", false, true, true, false,
			"", List.of(), List.of(), List.of());

	private final InfisicalPropertySource source = new InfisicalPropertySource(LOCATION,
			new SecretsSnapshot(Map.of("DB_PASSWORD", "s3cr3t-value"), true, null));

	@Test
	void keysAndRelaxedAliasesAreReadable() {
		assertThat(this.source.getProperty("DB_PASSWORD")).isEqualTo("s3cr3t-value");
		assertThat(this.source.getProperty("db.password")).isEqualTo("s3cr3t-value");
		assertThat(this.source.getPropertyNames()).containsExactly("DB_PASSWORD", "db.password");
	}

	@Test
	void originNamesTheSecretAndLocationButNotTheValue() {
		Origin origin = this.source.getOrigin("db.password");
		assertThat(origin).hasToString("Infisical secret 'DB_PASSWORD' from infisical:proj/dev/");
		assertThat(this.source.getOrigin("OTHER")).isNull();
	}

	@Test
	void immutableSoBootMapsItsNamesOnce() {
		assertThat(this.source.isImmutable()).isTrue();
		ConfigurationPropertySource adapted = ConfigurationPropertySource.from(this.source);
		assertThat(adapted.getConfigurationProperty(ConfigurationPropertyName.of("db.password")).getOrigin())
			.hasToString("Infisical secret 'DB_PASSWORD' from infisical:proj/dev/");
	}

	@Test
	void aliasFollowsAHigherDefinitionOfItsKey() {
		MutablePropertySources sources = new MutablePropertySources();
		sources.addLast(new MapPropertySource("commandLineArgs", Map.of("DB_PASSWORD", "local")));
		sources.addLast(this.source.attach(sources));
		sources.addLast(new MapPropertySource("application", Map.of("DB_PASSWORD", "from-file")));
		assertThat(this.source.getProperty("db.password")).isEqualTo("local");
		assertThat(this.source.getProperty("DB_PASSWORD")).as("the key itself is this source's")
			.isEqualTo("s3cr3t-value");
		// the origin is the overriding source's (a plain map has none), not the secret's
		assertThat(this.source.getOrigin("db.password") instanceof InfisicalPropertySource.SecretOrigin).isFalse();
	}

	@Test
	void aliasIgnoresLowerDefinitionsAndUnattachedEnvironments() {
		MutablePropertySources sources = new MutablePropertySources();
		sources.addLast(this.source.attach(sources));
		sources.addLast(new MapPropertySource("application", Map.of("DB_PASSWORD", "from-file")));
		assertThat(this.source.getProperty("db.password")).isEqualTo("s3cr3t-value");
		MutablePropertySources other = new MutablePropertySources();
		other.addLast(new MapPropertySource("commandLineArgs", Map.of("DB_PASSWORD", "local")));
		this.source.attach(other);
		assertThat(this.source.getProperty("db.password")).as("not among these sources").isEqualTo("s3cr3t-value");
	}

	@Test
	void toStringShowsNoValue() {
		assertThat(this.source.toString()).doesNotContain("s3cr3t-value").contains("secrets=1");
	}

}
