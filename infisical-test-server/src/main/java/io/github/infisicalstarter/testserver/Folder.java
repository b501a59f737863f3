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

	private final Instant createdAt;

	private final Map<String, List<StoredSecret>> secrets = new LinkedHashMap<>();

	private final List<Import> imports = new ArrayList<>();

	Folder(String environment, String path, Instant createdAt) {
		this.environment = environment;
		this.path = path;
		this.createdAt = createdAt;
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

	/**
	 * Return the last segment of the path, {@code root} for {@code /} as Infisical names
	 * its root folders.
	 * @return the folder name
	 */
	String name() {
		return SecretPaths.ROOT.equals(this.path) ? "root" : this.path.substring(this.path.lastIndexOf('/') + 1);
	}

	Instant createdAt() {
		return this.createdAt;
	}

	List<StoredSecret> secrets() {
		return this.secrets.values().stream().map((versions) -> versions.get(versions.size() - 1)).toList();
	}

	@Nullable StoredSecret secret(String key) {
		List<StoredSecret> versions = this.secrets.get(key);
		return (versions != null) ? versions.get(versions.size() - 1) : null;
	}

	/**
	 * Find a version of the secret now called {@code key}; versions from before a rename
	 * carry the old key, as Infisical's version rows do.
	 */
	@Nullable StoredSecret secret(String key, int version) {
		List<StoredSecret> versions = this.secrets.getOrDefault(key, List.of());
		return versions.stream().filter((secret) -> secret.version() == version).findFirst().orElse(null);
	}

	List<StoredSecret> versions(String key) {
		return List.copyOf(this.secrets.getOrDefault(key, List.of()));
	}

	/**
	 * Create a secret or add a version with a new value and tags, keeping its comment and
	 * multi-line flag (the test API's way of changing a secret).
	 */
	void put(String key, String value, List<StoredSecret.Tag> tags, Instant now) {
		StoredSecret current = secret(key);
		if (current == null) {
			add(StoredSecret.first(key, value, "", false, tags, now));
		}
		else {
			add(current.next(key, value, current.comment(), current.skipMultilineEncoding(), tags, now));
		}
	}

	/**
	 * Store a new version; a version with another key than the current one renames the
	 * secret, carrying its history along.
	 * @param next the version to store
	 * @return the version
	 */
	StoredSecret add(StoredSecret next) {
		String currentKey = this.secrets.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().get(0).id().equals(next.id()))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElse(null);
		if (currentKey == null) {
			this.secrets.put(next.key(), new ArrayList<>(List.of(next)));
		}
		else if (currentKey.equals(next.key())) {
			this.secrets.get(currentKey).add(next);
		}
		else {
			// a rename keeps the secret's place in the folder
			Map<String, List<StoredSecret>> before = new LinkedHashMap<>(this.secrets);
			this.secrets.clear();
			before.forEach((key, versions) -> {
				if (key.equals(currentKey)) {
					versions.add(next);
					this.secrets.put(next.key(), versions);
				}
				else {
					this.secrets.put(key, versions);
				}
			});
		}
		return next;
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
