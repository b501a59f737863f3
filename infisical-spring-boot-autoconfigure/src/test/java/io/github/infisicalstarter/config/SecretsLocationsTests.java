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
	void unknownOptionReportListsTheDocumentedNamesOnly() {
		assertThatExceptionOfType(InfisicalConfigurationException.class)
			.isThrownBy(() -> SecretsLocations.fromImport("infisical:?x=y", properties()))
			.withMessage("Unknown option 'x' in Infisical location 'infisical:?x=y' in spring.config.import.")
			.satisfies((ex) -> assertThat(ex.getAction()).isEqualTo("Use only these options: project-id, environment, "
					+ "secret-path, recursive, include-imports, expand-references, path-as-prefix, prefix, tags, "
					+ "include, exclude."));
	}

	@Test
	void undocumentedAliasesAreRefused() {
		for (String alias : List.of("env=prod", "project=p", "path=/x")) {
			assertThatExceptionOfType(InfisicalConfigurationException.class)
				.isThrownBy(() -> SecretsLocations.fromImport("infisical:?" + alias, properties()))
				.withMessageContaining("Unknown option '" + alias.substring(0, alias.indexOf('=')) + "'");
		}
	}

	@Test
	void camelCaseSpellingsOfDocumentedOptionsAreRead() {
		SecretsLocation location = SecretsLocations.fromImport("infisical:?projectId=other&secretPath=/db",
				properties());
		assertThat(location.name()).isEqualTo("infisical:other/dev/db");
	}

	@Test
	void unresolvedPlaceholderInAnImportNamesTheOptionAndTheVariable() {
		assertThatExceptionOfType(InfisicalConfigurationException.class)
			.isThrownBy(() -> SecretsLocations.fromImport("infisical:/db?environment=${APP_ENV}", properties()))
			.withMessage("The environment of Infisical location 'infisical:/db?environment=${APP_ENV}' in "
					+ "spring.config.import refers to '${APP_ENV}', but nothing defines 'APP_ENV'.");
	}

	@Test
	void missingValueOfTheTopLevelLocationNamesTheProperty() {
		assertThatExceptionOfType(InfisicalConfigurationException.class)
			.isThrownBy(() -> SecretsLocations.fromProperties(bind(Map.of("infisical.environment", "dev"))))
			.withMessage("Infisical property 'infisical.project-id' is not set.");
	}

	@Test
	void missingValueOfAListedLocationNamesBothProperties() {
		InfisicalProperties properties = bind(
				Map.of("infisical.project-id", "proj", "infisical.locations[0].secret-path", "/a"));
		assertThatExceptionOfType(InfisicalConfigurationException.class)
			.isThrownBy(() -> SecretsLocations.fromProperties(properties))
			.withMessage("Infisical location infisical.locations[0] has no environment: neither "
					+ "infisical.locations[0].environment nor infisical.environment is set.");
	}

	@Test
	void missingValueOfAnImportNamesTheOptionAndTheProperty() {
		assertThatExceptionOfType(InfisicalConfigurationException.class)
			.isThrownBy(
					() -> SecretsLocations.fromImport("infisical:/db", bind(Map.of("infisical.environment", "dev"))))
			.withMessage("Infisical location 'infisical:/db' in spring.config.import has no project-id: neither "
					+ "the project-id option of 'infisical:/db' nor infisical.project-id is set.");
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
