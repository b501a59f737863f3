package io.github.infisicalstarter.events;

import java.util.ArrayList;
import java.util.List;

import io.github.infisicalstarter.client.EventRegistration;
import io.github.infisicalstarter.config.SecretsLocation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registrations of a project's stream: a glob per location, import mutations for
 * locations that merge imports, and wider registrations within Infisical's limit of 10.
 */
class EventRegistrationsTests {

	@Test
	void aFolderWithImportsRegistersItsFolderAndImportMutations() {
		assertThat(EventRegistrations.of(List.of(SecretsLocation.of("p", "dev", "/app")))).containsExactly(
				new EventRegistration("secret:create", "dev", "/app"),
				new EventRegistration("secret:update", "dev", "/app"),
				new EventRegistration("secret:delete", "dev", "/app"),
				new EventRegistration("secret:import-mutation", "dev", "/app"));
	}

	@Test
	void aRecursiveLocationRegistersAGlobAndCoversTheFoldersBelow() {
		List<EventRegistration> registrations = EventRegistrations
			.of(List.of(location("dev", "/", true, false), location("dev", "/app", false, false)));
		assertThat(registrations).extracting(EventRegistration::secretPath).containsOnly("/**");
		assertThat(registrations).hasSize(3);
		assertThat(EventRegistrations.glob(location("dev", "/app", true, false))).isEqualTo("/app/**");
	}

	@Test
	void tooManyLocationsWidenToEveryFolderOfEachEnvironment() {
		List<SecretsLocation> locations = new ArrayList<>();
		for (String path : List.of("/a", "/b", "/c", "/d")) {
			locations.add(location("dev", path, false, false));
		}
		locations.add(location("prod", "/a", false, true));
		List<EventRegistration> registrations = EventRegistrations.of(locations);
		assertThat(registrations).hasSize(8);
		assertThat(registrations).extracting(EventRegistration::secretPath).containsOnly("/**");
		assertThat(registrations).extracting(EventRegistration::environment).containsOnly("dev", "prod");
	}

	@Test
	void tooManyEnvironmentsWidenToTheWholeProject() {
		List<SecretsLocation> locations = new ArrayList<>();
		for (String environment : List.of("dev", "test", "staging", "prod")) {
			locations.add(location(environment, "/", false, true));
		}
		assertThat(EventRegistrations.of(locations)).hasSize(4)
			.allSatisfy((registration) -> assertThat(registration.environment()).isNull())
			.allSatisfy((registration) -> assertThat(registration.secretPath()).isNull());
	}

	private static SecretsLocation location(String environment, String path, boolean recursive, boolean imports) {
		return new SecretsLocation("p", environment, path, recursive, imports, true, false, "", List.of(), List.of(),
				List.of());
	}

}
