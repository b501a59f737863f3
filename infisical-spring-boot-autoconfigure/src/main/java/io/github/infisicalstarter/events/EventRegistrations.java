package io.github.infisicalstarter.events;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.infisicalstarter.client.EventRegistration;
import io.github.infisicalstarter.config.SecretsLocation;

/**
 * Builds the registrations of one project's stream from the locations the application
 * loads. Each location registers its environment and folder as a picomatch glob: the
 * folder itself, or {@code <folder>/**} (which also matches the folder) when recursive;
 * folders covered by a recursive one of the same environment are merged into it.
 * <p>
 * Imports: when secrets of an imported folder change, Infisical emits
 * {@code secret:import-mutation} for every folder that imports it (its secret queue walks
 * the importers), and the same event when a folder's imports change. So a location that
 * merges imports registers {@code secret:import-mutation} on its own folder and hears of
 * changes wherever the imported secrets live, without subscribing to folders it does not
 * load, which a project-wide registration would (every change of the project would then
 * cost a re-read).
 * <p>
 * Infisical takes at most 10 registrations per stream. When the locations need more, the
 * registrations widen: first to every folder ({@code /**}) of each environment, then to
 * the whole project without conditions. Wider registrations only cost extra re-reads,
 * which an unchanged location answers with 304.
 *
 * @since 0.1.0
 */
final class EventRegistrations {

	/** Infisical's limit of registrations per stream. */
	static final int MAX = 10;

	static final String IMPORT_MUTATION = "secret:import-mutation";

	static final List<String> SECRET_EVENTS = List.of("secret:create", "secret:update", "secret:delete");

	private EventRegistrations() {
	}

	/**
	 * Build the registrations for the locations of one project.
	 * @param locations the project's locations
	 * @return 1 to {@value #MAX} registrations
	 */
	static List<EventRegistration> of(Collection<SecretsLocation> locations) {
		Set<Scope> scopes = new LinkedHashSet<>();
		Set<Scope> importScopes = new LinkedHashSet<>();
		boolean imports = false;
		for (SecretsLocation location : locations) {
			Scope scope = new Scope(location.environment(), glob(location));
			scopes.add(scope);
			if (location.includeImports()) {
				importScopes.add(scope);
				imports = true;
			}
		}
		List<EventRegistration> registrations = new ArrayList<>();
		List<Scope> merged = merge(scopes);
		for (Scope scope : merged) {
			for (String event : SECRET_EVENTS) {
				registrations.add(new EventRegistration(event, scope.environment(), scope.glob()));
			}
		}
		for (Scope scope : merge(importScopes)) {
			registrations.add(new EventRegistration(IMPORT_MUTATION, scope.environment(), scope.glob()));
		}
		if (registrations.size() <= MAX) {
			return registrations;
		}
		List<String> events = new ArrayList<>(SECRET_EVENTS);
		if (imports) {
			events.add(IMPORT_MUTATION);
		}
		Set<String> environments = new LinkedHashSet<>();
		merged.forEach((scope) -> environments.add(scope.environment()));
		if (environments.size() * events.size() <= MAX) {
			registrations.clear();
			for (String environment : environments) {
				events.forEach((event) -> registrations.add(new EventRegistration(event, environment, "/**")));
			}
			return registrations;
		}
		return events.stream().map((event) -> new EventRegistration(event, null, null)).toList();
	}

	/**
	 * Return the glob of a location's folders.
	 * @param location the location
	 * @return the folder, or {@code <folder>/**} when recursive
	 */
	static String glob(SecretsLocation location) {
		String path = location.secretPath();
		if (!location.recursive()) {
			return path;
		}
		return path.endsWith("/") ? path + "**" : path + "/**";
	}

	/**
	 * Drop the scopes that a recursive scope of the same environment covers.
	 */
	private static List<Scope> merge(Set<Scope> scopes) {
		List<Scope> merged = new ArrayList<>();
		for (Scope scope : scopes) {
			boolean covered = scopes.stream().anyMatch((other) -> !other.equals(scope) && other.covers(scope));
			if (!covered) {
				merged.add(scope);
			}
		}
		return merged;
	}

	/**
	 * The folders of one environment a registration matches.
	 */
	private record Scope(String environment, String glob) {

		boolean covers(Scope other) {
			if (!this.environment.equals(other.environment) || !this.glob.endsWith("/**")) {
				return false;
			}
			String base = this.glob.substring(0, this.glob.length() - 3);
			String folder = other.glob.endsWith("/**") ? other.glob.substring(0, other.glob.length() - 3) : other.glob;
			return base.isEmpty() || folder.equals(base) || folder.startsWith(base + "/");
		}

	}

}
