package io.github.infisicalstarter.testserver;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A folder of one environment: its secrets with their version history, in creation order,
 * and its imports in position order. Guarded by the {@link SecretStore} lock.
 */
final class Folder {

	private final String id = UUID.randomUUID().toString();

	private final String environment;

	private final String path;

	private final Map<String, List<StoredSecret>> secrets = new LinkedHashMap<>();

	private final List<Import> imports = new ArrayList<>();

	Folder(String environment, String path) {
		this.environment = environment;
		this.path = path;
	}

	String id() {
		return this.id;
	}

	String environment() {
		return this.environment;
	}

	String path() {
		return this.path;
	}

	List<StoredSecret> secrets() {
		return this.secrets.values().stream().map((versions) -> versions.get(versions.size() - 1)).toList();
	}

	@Nullable StoredSecret secret(String key) {
		List<StoredSecret> versions = this.secrets.get(key);
		return (versions != null) ? versions.get(versions.size() - 1) : null;
	}

	@Nullable StoredSecret secret(String key, int version) {
		List<StoredSecret> versions = this.secrets.getOrDefault(key, List.of());
		return versions.stream().filter((secret) -> secret.version() == version).findFirst().orElse(null);
	}

	void put(String key, String value, List<StoredSecret.Tag> tags, Instant now) {
		StoredSecret current = secret(key);
		StoredSecret next = (current != null) ? current.next(value, tags, now)
				: new StoredSecret(UUID.randomUUID().toString(), key, value, 1, tags, now, now);
		this.secrets.computeIfAbsent(key, (name) -> new ArrayList<>()).add(next);
	}

	boolean remove(String key) {
		return this.secrets.remove(key) != null;
	}

	List<Import> imports() {
		return List.copyOf(this.imports);
	}

	void addImport(Import secretImport) {
		this.imports.add(secretImport);
	}

	/**
	 * A secret import: the folder whose secrets are imported, by environment and path.
	 *
	 * @param environment the environment slug
	 * @param path the folder path
	 */
	record Import(String environment, String path) {

	}

}
