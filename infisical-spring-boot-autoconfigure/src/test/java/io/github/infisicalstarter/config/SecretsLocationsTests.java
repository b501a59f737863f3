package io.github.infisicalstarter.config;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SecretsLocationsTests {

	@Test
	void bareImportIsTheLocationOfTheProperties() {
		SecretsLocation location = SecretsLocations.fromImport("infisical:", properties());
		assertThat(location.name()).isEqualTo("infisical:proj/dev/");
		assertThat(location.includeImports()).isTrue();
		assertThat(location.expandReferences()).isTrue();
	}

	@Test
	void importOptionsOverrideAndInherit() {
		SecretsLocation location = SecretsLocations
			.fromImport("infisical:/db/?environment=prod&prefix=db.&recursive=true&tags=a;b", properties());
		assertThat(location.projectId()).isEqualTo("proj");
		assertThat(location.environment()).isEqualTo("prod");
		assertThat(location.secretPath()).isEqualTo("/db");
		assertThat(location.recursive()).isTrue();
		assertThat(location.tags()).containsExactly("a", "b");
		assertThat(location.name()).isEqualTo("infisical:proj/prod/db?recursive&prefix=db.&tags=a;b");
	}

	@Test
	void unknownOptionIsRejectedByName() {
		assertThatExceptionOfType(InfisicalConfigurationException.class)
			.isThrownBy(() -> SecretsLocations.fromImport("infisical:/x?enviroment=prod", properties()))
			.withMessageContaining("Unknown option 'enviroment'");
	}

	@Test
	void invalidPathIsRejected() {
		assertThatExceptionOfType(InfisicalConfigurationException.class)
			.isThrownBy(() -> SecretsLocations.fromImport("infisical:/a b", properties()))
			.withMessageContaining("folder names may only hold");
	}

	@Test
	void locationsListInheritsFromTheTopLevel() {
		InfisicalProperties properties = bind(Map.of("infisical.project-id", "proj", "infisical.environment", "dev",
				"infisical.locations[0].secret-path", "/a", "infisical.locations[1].environment", "prod",
				"infisical.locations[1].optional", "true"));
		List<SecretsLocations.OptionalLocation> locations = SecretsLocations.fromProperties(properties);
		assertThat(locations).extracting((l) -> l.location().name())
			.containsExactly("infisical:proj/dev/a", "infisical:proj/prod/");
		assertThat(locations).extracting(SecretsLocations.OptionalLocation::optional).containsExactly(false, true);
	}

	@Test
	void missingEnvironmentNamesTheProperty() {
		InfisicalProperties properties = bind(Map.of("infisical.project-id", "proj"));
		assertThatExceptionOfType(InfisicalConfigurationException.class)
			.isThrownBy(() -> SecretsLocations.fromProperties(properties))
			.satisfies((ex) -> assertThat(ex.getProperty()).isEqualTo("infisical.environment"));
	}

	@Test
	void siteUrlShortcuts() {
		assertThat(bind(Map.of("infisical.site-url", "eu")).resolvedSiteUrl()).isEqualTo("https://eu.infisical.com");
		assertThat(bind(Map.of("infisical.site-url", "US")).resolvedSiteUrl()).isEqualTo("https://app.infisical.com");
		assertThat(bind(Map.of("infisical.site-url", "https://vault.example.com/")).resolvedSiteUrl())
			.isEqualTo("https://vault.example.com");
		assertThat(bind(Map.of()).resolvedSiteUrl()).isEqualTo("https://app.infisical.com");
	}

	@Test
	void toStringMasksTheClientSecret() {
		assertThat(bind(Map.of("infisical.client-secret", "top-secret")).toString()).doesNotContain("top-secret");
	}

	private static InfisicalProperties properties() {
		return bind(Map.of("infisical.project-id", "proj", "infisical.environment", "dev"));
	}

	private static InfisicalProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values))
			.bind("infisical", Bindable.of(InfisicalProperties.class))
			.orElseGet(InfisicalProperties::defaults);
	}

}
