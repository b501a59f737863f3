package io.github.infisicalstarter.testserver;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A change request the server opened instead of writing a secret, because the environment
 * is under an approval policy (see
 * {@link InfisicalTestServer#approvalPolicy(String, String, boolean)}). The secret stays
 * as it was; a test asserts on these to see which writes were held back.
 *
 * @param id the request id
 * @param slug the request slug shown in Infisical's UI
 * @param projectId the project
 * @param environment the environment slug
 * @param path the folder path
 * @param secretKey the key the write named
 * @param operation {@code create}, {@code update} or {@code delete}
 * @param createdAt when the request was opened, by the server clock
 * @since 0.1.0
 */
public record ApprovalRequest(String id, String slug, String projectId, String environment, String path,
		String secretKey, String operation, Instant createdAt) {

	/**
	 * Render the {@code approval} object of the answer, in the fields of Infisical's
	 * {@code SecretApprovalRequestsSchema}.
	 */
	Map<String, Object> toJson(String policyId, String folderId, String committerId) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", this.id);
		json.put("policyId", policyId);
		json.put("hasMerged", false);
		json.put("status", "open");
		json.put("conflicts", List.of());
		json.put("slug", this.slug);
		json.put("folderId", folderId);
		json.put("bypassReason", null);
		json.put("createdAt", Json.date(this.createdAt));
		json.put("updatedAt", Json.date(this.createdAt));
		json.put("isReplicated", false);
		json.put("committerUserId", committerId);
		json.put("statusChangedByUserId", null);
		return json;
	}

}
