package io.github.infisicalstarter.testserver;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Which folders an identity may not read. Every identity may read everything unless a
 * test denies a folder, which also denies the folders below it, like a {@code secretPath:
 * {$glob: "/path/**"}} rule in an Infisical role.
 */
final class AccessPolicy {

	private final Set<Denial> denials = new CopyOnWriteArraySet<>();

	void deny(String clientId, String projectId, String environment, String path) {
		this.denials.add(new Denial(clientId, projectId, environment, path));
	}

	boolean denied(Identity identity, String projectId, String environment, String path) {
		return this.denials.stream()
			.anyMatch((denial) -> denial.clientId.equals(identity.clientId()) && denial.projectId.equals(projectId)
					&& denial.environment.equals(environment) && SecretPaths.within(path, denial.path));
	}

	/**
	 * Throw Infisical's answer to a casl permission failure when the folder is denied.
	 * @param identity the caller
	 * @param projectId the project
	 * @param environment the environment slug
	 * @param path the folder path
	 */
	void check(Identity identity, String projectId, String environment, String path) {
		if (denied(identity, projectId, environment, path)) {
			List<Map<String, Object>> rules = this.denials.stream()
				.filter((denial) -> denial.clientId.equals(identity.clientId()) && denial.projectId.equals(projectId))
				.map(AccessPolicy::rule)
				.toList();
			throw ApiError.of(403, "PermissionDenied", "You are not allowed to describeSecret on secrets", rules);
		}
	}

	void clear() {
		this.denials.clear();
	}

	private static Map<String, Object> rule(Denial denial) {
		Map<String, Object> conditions = new LinkedHashMap<>();
		conditions.put("environment", denial.environment);
		String glob = SecretPaths.ROOT.equals(denial.path) ? "/**" : denial.path + "/**";
		conditions.put("secretPath", Map.of("$glob", glob));
		Map<String, Object> rule = new LinkedHashMap<>();
		rule.put("action", List.of("describeSecret", "readValue"));
		rule.put("inverted", true);
		rule.put("subject", "secrets");
		rule.put("conditions", conditions);
		return rule;
	}

	private record Denial(String clientId, String projectId, String environment, String path) {

	}

}
