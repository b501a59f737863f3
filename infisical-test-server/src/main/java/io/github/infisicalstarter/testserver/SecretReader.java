package io.github.infisicalstarter.testserver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

/**
 * Answers the list and single-secret reads under the store's read lock: folder lookup,
 * permissions, sub-folders, tag filter, imports, reference expansion and hidden values.
 */
final class SecretReader {

	private final SecretStore store;

	private final AccessPolicy access;

	private final Switches switches;

	SecretReader(SecretStore store, AccessPolicy access, Switches switches) {
		this.store = store;
		this.access = access;
		this.switches = switches;
	}

	Map<String, Object> list(Identity identity, SecretQuery query) {
		return this.store.read(() -> {
			Project project = project(query);
			this.access.check(identity, project.id(), query.environment(), query.secretPath());
			Folder folder = project.folder(query.environment(), query.secretPath());
			if (folder == null) {
				if (this.switches.emptyForUnknownPaths()) {
					return body(List.of(), List.of());
				}
				throw ApiError.notFound("SecretPathNotFound",
						"Folder with path '" + query.secretPath() + "' in environment '" + query.environment()
								+ "' was not found. Please ensure the environment slug and secret path is correct.");
			}
			Predicate<Folder> readable = readable(identity, project);
			List<Folder> folders = query.recursive() ? project.subtree(folder).stream().filter(readable).toList()
					: List.of(folder);
			ReferenceExpander expander = new ReferenceExpander(project, identity, this.access);
			UnaryOperator<SecretView> finish = finisher(query, expander);
			List<Object> secrets = new ArrayList<>();
			List<Object> imports = new ArrayList<>();
			ImportResolver resolver = new ImportResolver(project, readable);
			for (Folder each : folders) {
				each.secrets()
					.stream()
					.filter((secret) -> query.tagSlugs().isEmpty() || secret.taggedWithAny(query.tagSlugs()))
					.map((secret) -> finish.apply(SecretView.of(secret, each.environment(), each.path())))
					.forEach((view) -> secrets.add(SecretJson.full(project.id(), view)));
				if (query.includeImports()) {
					resolver.entries(each).forEach((entry) -> imports.add(importEntry(entry, finish)));
				}
			}
			expander.throwIfForbidden();
			return body(secrets, imports);
		});
	}

	Map<String, Object> single(Identity identity, SecretQuery query, String name) {
		return this.store.read(() -> {
			Project project = project(query);
			this.access.check(identity, project.id(), query.environment(), query.secretPath());
			Folder folder = project.folder(query.environment(), query.secretPath());
			if (folder == null) {
				if (this.switches.emptyForUnknownPaths()) {
					throw secretNotFound(name);
				}
				throw ApiError.notFound("GetSecretByName", "Folder with path '" + query.secretPath()
						+ "' in environment with slug '" + query.environment() + "' not found");
			}
			SecretView found = local(folder, query, name);
			if (found == null && query.includeImports()) {
				found = imported(new ImportResolver(project, readable(identity, project)).entries(folder), name);
			}
			if (found == null) {
				throw secretNotFound(name);
			}
			ReferenceExpander expander = new ReferenceExpander(project, identity, this.access);
			SecretView view = finisher(query, expander).apply(found);
			expander.throwIfForbidden();
			return Map.of("secret", SecretJson.full(project.id(), view));
		});
	}

	private Project project(SecretQuery query) {
		Project project = this.store.project(query.projectId());
		if (project == null) {
			throw query.projectNotFound();
		}
		return project;
	}

	private Predicate<Folder> readable(Identity identity, Project project) {
		return (folder) -> !this.access.denied(identity, project.id(), folder.environment(), folder.path());
	}

	private static @Nullable SecretView local(Folder folder, SecretQuery query, String name) {
		if (query.personal()) {
			return null;
		}
		StoredSecret secret = (query.version() != null) ? folder.secret(name, query.version()) : folder.secret(name);
		return (secret != null) ? SecretView.of(secret, folder.environment(), folder.path()) : null;
	}

	/**
	 * Search imports bottom-up, first hit wins: a later import overrides an earlier one.
	 */
	private static @Nullable SecretView imported(List<ImportResolver.Entry> entries, String name) {
		for (int i = entries.size() - 1; i >= 0; i--) {
			for (SecretView view : entries.get(i).secrets()) {
				if (view.key().equals(name)) {
					return view;
				}
			}
		}
		return null;
	}

	private static UnaryOperator<SecretView> finisher(SecretQuery query, ReferenceExpander expander) {
		if (!query.view()) {
			return SecretView::hide;
		}
		return query.expand() ? expander::expand : UnaryOperator.identity();
	}

	private static Map<String, Object> importEntry(ImportResolver.Entry entry, UnaryOperator<SecretView> finish) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("secretPath", entry.source().path());
		json.put("environment", entry.source().environment());
		json.put("folderId", entry.source().id());
		json.put("secrets", entry.secrets().stream().map(finish).map(SecretJson::imported).toList());
		return json;
	}

	private static Map<String, Object> body(List<Object> secrets, List<Object> imports) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("secrets", secrets);
		body.put("imports", imports);
		return body;
	}

	private static ApiError secretNotFound(String name) {
		return ApiError.notFound("NotFound", "Secret with name '" + name + "' not found");
	}

}
