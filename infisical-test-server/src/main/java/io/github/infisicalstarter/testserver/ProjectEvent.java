package io.github.infisicalstarter.testserver;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A change of secrets as Infisical's project events service passes it to the streams.
 *
 * @param projectId the project
 * @param type the event name
 * @param environment the environment slug
 * @param secretPath the folder
 * @param secretKeys the changed keys (none for an import mutation)
 */
record ProjectEvent(String projectId, String type, String environment, String secretPath, List<String> secretKeys) {

	static final String IMPORT_MUTATION = "secret:import-mutation";

	/**
	 * The {@code data:} of the frame: for an import mutation one {@code {environment,
	 * secretPath}}, otherwise one entry per key.
	 */
	Map<String, Object> data() {
		Object payload;
		if (this.type.equals(IMPORT_MUTATION)) {
			payload = place(null);
		}
		else {
			payload = this.secretKeys.stream().map(this::place).toList();
		}
		Map<String, Object> inner = new LinkedHashMap<>();
		inner.put("eventType", this.type);
		inner.put("payload", payload);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("projectType", "secret-manager");
		data.put("data", inner);
		return data;
	}

	private Map<String, Object> place(@Nullable String key) {
		Map<String, Object> place = new LinkedHashMap<>();
		place.put("environment", this.environment);
		place.put("secretPath", this.secretPath);
		if (key != null) {
			place.put("secretKey", key);
		}
		return place;
	}

}
