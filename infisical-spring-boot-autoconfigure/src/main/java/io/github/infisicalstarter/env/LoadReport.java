package io.github.infisicalstarter.env;

import java.util.List;
import java.util.StringJoiner;

/**
 * The one INFO line a start-up logs about what it loaded from Infisical: how many
 * secrets, from which locations, in how long. Loading is otherwise silent at INFO, and a
 * user should see that the secrets arrived (and from where) without turning on DEBUG.
 * Names and counts only, never a value.
 *
 * @since 0.1.0
 */
public final class LoadReport {

	private LoadReport() {
	}

	/**
	 * Describe what was loaded.
	 * @param sources the property sources placed, one per location
	 * @param nanos how long loading took
	 * @return the line to log
	 */
	public static String describe(List<InfisicalPropertySource> sources, long nanos) {
		int secrets = 0;
		StringJoiner locations = new StringJoiner(", ");
		for (InfisicalPropertySource source : sources) {
			SecretsSnapshot snapshot = source.getSnapshot();
			secrets += snapshot.size();
			// an optional location that failed holds the shared empty snapshot
			locations.add(source.getName() + " (" + ((snapshot == SecretsSnapshot.EMPTY) ? "not loaded"
					: snapshot.size() + ((snapshot.size() == 1) ? " secret" : " secrets")) + ")");
		}
		return "Loaded " + secrets + ((secrets == 1) ? " Infisical secret" : " Infisical secrets") + " from "
				+ sources.size() + ((sources.size() == 1) ? " location" : " locations") + " in " + (nanos / 1_000_000)
				+ " ms: " + locations;
	}

}
