package io.github.infisicalstarter.testserver;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Which folders an identity may not read, and where it may only read. Every identity may
 * read and write everything unless a test denies a folder or makes it read-only, which
 * also applies to the folders below it, like a {@code secretPath: {$glob: "/path/**"}}
 * rule in an Infisical role.
 */
final class AccessPolicy {

	private final Set<Denial> denials = new CopyOnWriteArraySet<>();

	private final Set<Denial> readOnly = new CopyOnWriteArraySet<>();

	void readOnly(String clientId, String projectId, String environment, String path) {
		this.readOnly.add(new Denial(clientId, projectId, environment, path));
	}

	/**
	 * Throw Infisical's answer to a casl permission failure when the identity may not
	 * write to the folder.
	 * @param identity the caller
	 * @param projectId the project
	 * @param environment the environment slug
	 * @param path the folder path
	 * @param action the casl action, e.g. {@code create} or {@code edit}
	 * @param subject the casl subject, {@code secrets} or {@code secret-folders}
	 */
	void checkWrite(Identity identity, String projectId, String environment, String path, String action,
			String subject) {
		boolean denied = this.readOnly.stream().anyMatch((rule) -> rule.matches(identity, projectId, environment, path))
				|| denied(identity, projectId, environment, path);
		if (denied) {
			List<Map<String, Object>> rules = this.readOnly.stream()
				.filter((rule) -> rule.clientId.equals(identity.clientId()) && rule.projectId.equals(projectId))
				.map((rule) -> rule(rule, List.of("create", "edit", "delete"), subject))
				.toList();
			throw ApiError.of(403, "PermissionDenied", "You are not allowed to " + action + " on " + subject, rules);
		}
	}

	void deny(String clientId, String projectId, String environment, String path) {
		this.denials.add(new Denial(clientId, projectId, environment, path));
	}

	boolean denied(Identity identity, String projectId, String environment, String path) {
		return this.denials.stream().anyMatch((denial) -> denial.matches(identity, projectId, environment, path));
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
				.map((denial) -> rule(denial, List.of("describeSecret", "readValue"), "secrets"))
				.toList();
			throw ApiError.of(403, "PermissionDenied", "You are not allowed to describeSecret on secrets", rules);
		}
	}

	void clear() {
		this.denials.clear();
		this.readOnly.clear();
	}

	private static Map<String, Object> rule(Denial denial, List<String> actions, String subject) {
		Map<String, Object> conditions = new LinkedHashMap<>();
		conditions.put("environment", denial.environment);
		String glob = SecretPaths.ROOT.equals(denial.path) ? "/**" : denial.path + "/**";
		conditions.put("secretPath", Map.of("$glob", glob));
		Map<String, Object> rule = new LinkedHashMap<>();
		rule.put("action", actions);
		rule.put("inverted", true);
		rule.put("subject", subject);
		rule.put("conditions", conditions);
		return rule;
	}

	private record Denial(String clientId, String projectId, String environment, String path) {

		boolean matches(Identity identity, String projectId, String environment, String path) {
			return this.clientId.equals(identity.clientId()) && this.projectId.equals(projectId)
					&& this.environment.equals(environment) && SecretPaths.within(path, this.path);
		}

	}

}
