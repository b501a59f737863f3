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
		json.put("skipMultilineEncoding", secret.skipMultilineEncoding());
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
		json.put("skipMultilineEncoding", view.secret().skipMultilineEncoding());
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
		json.put("secretComment", secret.comment());
		return json;
	}

	/**
	 * Render the secret of a write answer in {@code secretRawSchema}'s fields: the value
	 * and comment are what the request sent (an update that sends no value answers an
	 * empty one, as Infisical does), and {@code secretValueHidden} comes last when the
	 * route declares it.
	 * @param projectId the project, shown as {@code workspace}
	 * @param environment the environment slug
	 * @param secret the stored version
	 * @param value the value to show
	 * @param comment the comment to show
	 * @param withHiddenFlag whether to add {@code secretValueHidden}
	 * @return the JSON object
	 */
	static Map<String, Object> written(String projectId, String environment, StoredSecret secret, String value,
			String comment, boolean withHiddenFlag) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", secret.id());
		json.put("_id", secret.id());
		json.put("workspace", projectId);
		json.put("environment", environment);
		json.put("version", secret.version());
		json.put("type", "shared");
		json.put("secretKey", secret.key());
		json.put("secretValue", value);
		json.put("secretComment", comment);
		json.put("secretReminderNote", null);
		json.put("secretReminderRepeatDays", null);
		json.put("skipMultilineEncoding", secret.skipMultilineEncoding());
		json.put("createdAt", Json.date(secret.createdAt()));
		json.put("updatedAt", Json.date(secret.updatedAt()));
		json.put("isRotatedSecret", false);
		json.put("rotationId", null);
		if (withHiddenFlag) {
			json.put("secretValueHidden", false);
		}
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
