package io.github.infisicalstarter.testserver;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Approval policies by environment, and the change requests writes under them opened. A
 * policy's id stays the same while it is on, as a real policy's does.
 */
final class Approvals {

	private final Map<String, String> policies = new ConcurrentHashMap<>();

	private final List<ApprovalRequest> requests = new CopyOnWriteArrayList<>();

	private final String committerId = UUID.randomUUID().toString();

	void policy(String projectId, String environment, boolean enabled) {
		String key = projectId + "\n" + environment;
		if (enabled) {
			this.policies.computeIfAbsent(key, (ignored) -> UUID.randomUUID().toString());
		}
		else {
			this.policies.remove(key);
		}
	}

	boolean applies(String projectId, String environment) {
		return this.policies.containsKey(projectId + "\n" + environment);
	}

	/**
	 * Open a change request for a write and return the answer's body.
	 * @param write the write held back
	 * @param projectId the resolved project id
	 * @param folder the folder written to
	 * @param now the time
	 * @return {@code {approval: {...}}}
	 */
	Map<String, Object> open(SecretWrite write, String projectId, Folder folder, Instant now) {
		String operation = switch (write.kind()) {
			case CREATE -> "create";
			case UPDATE -> "update";
			case DELETE -> "delete";
		};
		ApprovalRequest request = new ApprovalRequest(UUID.randomUUID().toString(), slug(), projectId,
				write.environment(), folder.path(), write.secretName(), operation, now);
		this.requests.add(request);
		String policyId = this.policies.get(projectId + "\n" + write.environment());
		return Map.of("approval", request.toJson(policyId, folder.id(), this.committerId));
	}

	List<ApprovalRequest> requests() {
		return List.copyOf(this.requests);
	}

	void clear() {
		this.policies.clear();
		this.requests.clear();
	}

	private static String slug() {
		return ApiError.requestId().substring(4).toLowerCase(Locale.ROOT);
	}

}
