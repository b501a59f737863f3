package io.github.infisicalstarter.testserver;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A project: environments, each a tree of folders keyed by path, and the project's tags.
 * Guarded by the {@link SecretStore} lock.
 */
final class Project {

	private static final String TAG_COLOR = "#6b7280";

	private final String id;

	private final Clock clock;

	private final Map<String, Map<String, Folder>> environments = new LinkedHashMap<>();

	private final Map<String, String> environmentIds = new LinkedHashMap<>();

	private final Map<String, StoredSecret.Tag> tags = new LinkedHashMap<>();

	Project(String id, Clock clock) {
		this.id = id;
		this.clock = clock;
	}

	String id() {
		return this.id;
	}

	void createEnvironment(String environment) {
		folder(environment, SecretPaths.ROOT, true);
	}

	boolean hasEnvironment(String environment) {
		return this.environments.containsKey(environment);
	}

	/**
	 * Return the id of an environment, as folders report it in {@code envId}.
	 * @param environment the environment slug
	 * @return the id
	 */
	String environmentId(String environment) {
		return this.environmentIds.computeIfAbsent(environment, (slug) -> UUID.randomUUID().toString());
	}

	/**
	 * Return the direct sub-folders of a folder, ordered by path.
	 * @param parent the parent folder
	 * @return the children
	 */
	List<Folder> children(Folder parent) {
		return this.environments.get(parent.environment())
			.values()
			.stream()
			.filter((folder) -> parent.path().equals(SecretPaths.parent(folder.path())))
			.toList();
	}

	/**
	 * Return every folder of every environment.
	 * @return the folders
	 */
	List<Folder> folders() {
		List<Folder> folders = new ArrayList<>();
		this.environments.values().forEach((byPath) -> folders.addAll(byPath.values()));
		return folders;
	}

	/**
	 * Find a tag by id.
	 * @param tagId the id
	 * @return the tag or {@code null}
	 */
	StoredSecret.@Nullable Tag tag(String tagId) {
		return this.tags.values().stream().filter((tag) -> tag.id().equals(tagId)).findFirst().orElse(null);
	}

	@Nullable Folder folder(String environment, String path) {
		Map<String, Folder> folders = this.environments.get(environment);
		return (folders != null) ? folders.get(path) : null;
	}

	/**
	 * Return a folder, creating it, its parents and its environment when needed.
	 * @param environment the environment slug
	 * @param path the normalized path
	 * @return the folder
	 */
	Folder createFolder(String environment, String path) {
		return folder(environment, path, true);
	}

	/**
	 * Return a folder and every folder below it, ordered by path.
	 * @param folder the top folder
	 * @return the folders
	 */
	List<Folder> subtree(Folder folder) {
		List<Folder> folders = new ArrayList<>();
		for (Folder candidate : this.environments.get(folder.environment()).values()) {
			if (SecretPaths.within(candidate.path(), folder.path())) {
				folders.add(candidate);
			}
		}
		return folders;
	}

	@Nullable StoredSecret secret(String environment, String path, String key) {
		Folder folder = folder(environment, path);
		return (folder != null) ? folder.secret(key) : null;
	}

	List<StoredSecret.Tag> tags(List<String> slugs) {
		List<StoredSecret.Tag> result = new ArrayList<>();
		for (String slug : slugs) {
			result.add(this.tags.computeIfAbsent(slug,
					(key) -> new StoredSecret.Tag(UUID.randomUUID().toString(), key, TAG_COLOR, key)));
		}
		return List.copyOf(result);
	}

	private Folder folder(String environment, String path, boolean create) {
		Map<String, Folder> folders = this.environments.computeIfAbsent(environment, (slug) -> new TreeMap<>());
		environmentId(environment);
		Folder folder = folders.get(path);
		if (folder == null && create) {
			String parent = SecretPaths.parent(path);
			if (parent != null) {
				folder(environment, parent, true);
			}
			folder = new Folder(environment, path, this.clock.instant());
			folders.put(path, folder);
		}
		return folder;
	}

}
