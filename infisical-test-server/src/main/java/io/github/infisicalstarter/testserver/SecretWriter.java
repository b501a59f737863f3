package io.github.infisicalstarter.testserver;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Creates, updates and deletes secrets under the store's write lock, checking in
 * Infisical's order: project, folder, secret type, whether the key exists, tags,
 * permission, approval policy. Every change adds a version, so list answers (and their
 * ETags) change with every write.
 */
final class SecretWriter {

	private final SecretStore store;

	private final AccessPolicy access;

	private final Approvals approvals;

	private final Switches switches;

	private final Clock clock;

	private final Webhooks webhooks;

	private final EventStreams events;

	SecretWriter(SecretStore store, AccessPolicy access, Approvals approvals, Switches switches, Clock clock,
			Webhooks webhooks, EventStreams events) {
		this.webhooks = webhooks;
		this.events = events;
		this.store = store;
		this.access = access;
		this.approvals = approvals;
		this.switches = switches;
		this.clock = clock;
	}

	Map<String, Object> write(Identity identity, SecretWrite write) {
		Map<String, Object> result = change(identity, write);
		if (result.containsKey("secret")) {
			this.webhooks.changed(write.projectId(), write.environment(), java.util.Objects
				.requireNonNullElse(SecretPaths.normalize(write.secretPath()), write.secretPath()));
		}
		return result;
	}

	private Map<String, Object> change(Identity identity, SecretWrite write) {
		return this.store.change(() -> {
			Project project = this.store.project(write.projectId());
			if (project == null) {
				throw write.projectNotFound();
			}
			Folder folder = folder(project, write);
			if (write.personal()) {
				String verb = (write.kind() == SecretWrite.Kind.DELETE) ? "delete" : "create";
				throw ApiError.badRequest("Must be user to " + verb + " personal secret");
			}
			return switch (write.kind()) {
				case CREATE -> create(identity, project, folder, write);
				case UPDATE -> update(identity, project, folder, write);
				case DELETE -> delete(identity, project, folder, write);
			};
		});
	}

	private Map<String, Object> create(Identity identity, Project project, Folder folder, SecretWrite write) {
		if (folder.secret(write.secretName()) != null) {
			throw ApiError.badRequest("Secret already exist");
		}
		List<StoredSecret.Tag> tags = tags(project, write.tagIds());
		check(identity, project, folder, write);
		if (this.approvals.applies(project.id(), write.environment())) {
			return this.approvals.open(write, project.id(), folder, this.clock.instant());
		}
		StoredSecret created = folder.add(StoredSecret.first(write.secretName(), write.secretValue(),
				write.secretComment(), Boolean.TRUE.equals(write.skipMultilineEncoding()), tags, this.clock.instant()));
		this.events.secretsChanged(project, "secret:create", folder.environment(), folder.path(),
				List.of(created.key()));
		return Map.of("secret", SecretJson.written(project.id(), write.environment(), created, created.value(),
				created.comment(), false));
	}

	private Map<String, Object> update(Identity identity, Project project, Folder folder, SecretWrite write) {
		StoredSecret current = folder.secret(write.secretName());
		if (current == null) {
			throw ApiError.notFound("NotFound", "Secret with name " + write.secretName() + " not found");
		}
		check(identity, project, folder, write);
		List<StoredSecret.Tag> tags = (write.tagIds() != null) ? tags(project, write.tagIds()) : current.tags();
		String newName = write.newSecretName();
		if (newName != null && folder.secret(newName) != null) {
			throw ApiError.badRequest("Secret with the new name already exists");
		}
		if (this.approvals.applies(project.id(), write.environment())) {
			return this.approvals.open(write, project.id(), folder, this.clock.instant());
		}
		String value = (write.secretValue() != null) ? write.secretValue() : current.value();
		String comment = (write.secretComment() != null) ? write.secretComment() : current.comment();
		boolean skip = (write.skipMultilineEncoding() != null) ? write.skipMultilineEncoding()
				: current.skipMultilineEncoding();
		String key = (newName != null) ? newName : current.key();
		StoredSecret updated = folder.add(current.next(key, value, comment, skip, tags, this.clock.instant()));
		this.events.secretsChanged(project, "secret:update", folder.environment(), folder.path(), List.of(key));
		// Infisical answers with what the request sent, not with the stored secret
		String shownValue = (write.secretValue() != null) ? write.secretValue() : "";
		String shownComment = (write.secretComment() != null) ? write.secretComment() : "";
		return Map.of("secret",
				SecretJson.written(project.id(), write.environment(), updated, shownValue, shownComment, true));
	}

	private Map<String, Object> delete(Identity identity, Project project, Folder folder, SecretWrite write) {
		StoredSecret current = folder.secret(write.secretName());
		if (current == null && this.switches.legacyWriteErrors()) {
			// the error name of the 2024 generation is its NotFoundError's custom name
			throw ApiError.notFound("DeleteSecret", "Secret with name '" + write.secretName() + "' not found");
		}
		if (current == null) {
			throw ApiError.notFound("NotFound", "Secret not found");
		}
		check(identity, project, folder, write);
		if (this.approvals.applies(project.id(), write.environment())) {
			return this.approvals.open(write, project.id(), folder, this.clock.instant());
		}
		folder.remove(current.key());
		this.events.secretsChanged(project, "secret:delete", folder.environment(), folder.path(),
				List.of(current.key()));
		return Map.of("secret", SecretJson.written(project.id(), write.environment(), current, current.value(),
				current.comment(), true));
	}

	private static Folder folder(Project project, SecretWrite write) {
		String path = SecretPaths.normalize(write.secretPath());
		Folder folder = (path != null) ? project.folder(write.environment(), path) : null;
		if (folder == null) {
			String name = switch (write.kind()) {
				case CREATE -> "CreateSecret";
				case UPDATE -> "UpdateSecret";
				case DELETE -> "DeleteSecret";
			};
			throw ApiError.notFound(name, "Folder with path '" + write.secretPath() + "' in environment with slug '"
					+ write.environment() + "' not found");
		}
		return folder;
	}

	private void check(Identity identity, Project project, Folder folder, SecretWrite write) {
		this.access.checkWrite(identity, project.id(), folder.environment(), folder.path(), write.kind().action(),
				"secrets");
	}

	/**
	 * Resolve tag ids; an unknown one fails the write with the slugs that were found.
	 */
	private static List<StoredSecret.Tag> tags(Project project, @Nullable List<String> ids) {
		if (ids == null) {
			return List.of();
		}
		List<StoredSecret.Tag> tags = new ArrayList<>();
		for (String id : ids) {
			StoredSecret.Tag tag = project.tag(id);
			if (tag != null) {
				tags.add(tag);
			}
		}
		if (tags.size() != ids.size()) {
			throw ApiError.notFound("NotFound", "Tag not found. Found "
					+ tags.stream().map(StoredSecret.Tag::slug).collect(Collectors.joining(",")));
		}
		return tags;
	}

}
