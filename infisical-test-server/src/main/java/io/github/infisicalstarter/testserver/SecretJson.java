package io.github.infisicalstarter.testserver;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Secrets in the exact shape of Infisical's {@code secretRawSchema}: field names, empty
 * comment, legacy {@code _id}, and the reduced form used inside {@code imports[]}.
 */
final class SecretJson {

	private SecretJson() {
	}

	/**
	 * Render a secret of a list or single-secret answer.
	 * @param projectId the project, shown as {@code workspace}
	 * @param view the secret
	 * @return the JSON object
	 */
	static Map<String, Object> full(String projectId, SecretView view) {
		StoredSecret secret = view.secret();
		Map<String, Object> json = common(projectId, view);
		json.put("secretPath", view.path());
		json.put("skipMultilineEncoding", false);
		json.put("secretReminderNote", null);
		json.put("secretReminderRepeatDays", null);
		json.put("createdAt", Json.date(secret.createdAt()));
		json.put("updatedAt", Json.date(secret.updatedAt()));
		json.put("isRotatedSecret", false);
		json.put("rotationId", null);
		json.put("tags", secret.tags().stream().map(SecretJson::tag).toList());
		json.put("secretMetadata", List.of());
		return json;
	}

	/**
	 * Render a secret inside an {@code imports[]} entry: empty {@code workspace}, no
	 * dates, no path.
	 * @param view the secret
	 * @return the JSON object
	 */
	static Map<String, Object> imported(SecretView view) {
		Map<String, Object> json = common("", view);
		json.put("skipMultilineEncoding", false);
		json.put("secretMetadata", List.of());
		return json;
	}

	private static Map<String, Object> common(String workspace, SecretView view) {
		StoredSecret secret = view.secret();
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", secret.id());
		json.put("_id", secret.id());
		json.put("workspace", workspace);
		json.put("environment", view.environment());
		json.put("version", secret.version());
		json.put("type", "shared");
		json.put("secretKey", secret.key());
		json.put("secretValue", view.value());
		json.put("secretValueHidden", view.hidden());
		json.put("secretComment", "");
		return json;
	}

	private static Map<String, Object> tag(StoredSecret.Tag tag) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", tag.id());
		json.put("slug", tag.slug());
		json.put("color", tag.color());
		json.put("name", tag.name());
		return json;
	}

}
