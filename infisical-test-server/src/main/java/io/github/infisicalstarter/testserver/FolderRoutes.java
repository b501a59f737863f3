package io.github.infisicalstarter.testserver;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET} and {@code POST /api/v1/folders}: list the folders directly below a path,
 * and create a folder (with any missing parents), answering in the fields of Infisical's
 * {@code SecretFoldersSchema}. The project is named by {@code workspaceId} and the parent
 * by {@code path} (or the CLI's older {@code directory}).
 */
final class FolderRoutes {

	private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]+");

	private final SecretStore store;

	private final AccessPolicy access;

	FolderRoutes(SecretStore store, AccessPolicy access) {
		this.store = store;
		this.access = access;
	}

	Map<String, Object> list(ApiRequest request) {
		Map<String, String> query = request.query();
		Validation validation = new Validation();
		validation.required(query, "workspaceId");
		validation.required(query, "environment");
		validation.throwIfInvalid();
		String projectId = query.get("workspaceId").trim();
		String environment = query.get("environment").trim();
		String path = parentPath(query.get("path"), query.get("directory"));
		return this.store.read(() -> {
			Project project = project(projectId, environment);
			String normalized = SecretPaths.normalize(path);
			Folder parent = (normalized != null) ? project.folder(environment, normalized) : null;
			List<Map<String, Object>> folders = (parent != null)
					? project.children(parent).stream().map((folder) -> json(project, folder)).toList() : List.of();
			return Map.of("folders", folders);
		});
	}

	Map<String, Object> create(Identity identity, ApiRequest request) {
		JsonNode body = request.body();
		Validation validation = new Validation();
		if (!validation.object(body)) {
			validation.throwIfInvalid();
		}
		String projectId = validation.string(body, "workspaceId");
		String environment = validation.string(body, "environment");
		String name = validation.string(body, "name");
		if (name != null && !NAME.matcher(name).matches()) {
			validation.custom("name",
					"Invalid folder name. Only alphanumeric characters, dashes, and underscores are allowed.");
		}
		BodyFields fields = new BodyFields(validation, body);
		String path = parentPath(fields.string("path", true), fields.string("directory", true));
		validation.throwIfInvalid();
		return this.store.change(() -> {
			Project project = project(projectId, environment);
			String parent = SecretPaths.normalize(path);
			String full = (parent == null) ? null : SecretPaths.ROOT.equals(parent) ? "/" + name : parent + "/" + name;
			this.access.checkWrite(identity, projectId, environment, (parent != null) ? parent : path, "create",
					"secret-folders");
			if (full == null) {
				throw ApiError.notFound("NotFound", "Parent folder for path '" + path + "' not found");
			}
			if (project.folder(environment, full) != null) {
				throw ApiError.badRequest("Folder with name '" + name + "' already exists in path '" + path + "'");
			}
			return Map.of("folder", json(project, project.createFolder(environment, full)));
		});
	}

	private Project project(String projectId, String environment) {
		Project project = this.store.project(projectId);
		if (project == null) {
			throw ApiError.notFound("NotFound", "Project with ID '" + projectId + "' not found");
		}
		if (!project.hasEnvironment(environment)) {
			throw ApiError.notFound("NotFound",
					"Environment with slug '" + environment + "' in project with ID '" + projectId + "' not found");
		}
		return project;
	}

	/**
	 * Apply the route's {@code prefixWithSlash} and {@code removeTrailingSlash}; both
	 * fields default to {@code /}, so {@code path} wins whenever it is sent.
	 */
	private static String parentPath(@Nullable String path, @Nullable String directory) {
		String chosen = (path != null && !path.isBlank()) ? path.trim()
				: (directory != null && !directory.isBlank()) ? directory.trim() : SecretPaths.ROOT;
		if (!chosen.startsWith("/")) {
			chosen = "/" + chosen;
		}
		while (chosen.length() > 1 && chosen.endsWith("/")) {
			chosen = chosen.substring(0, chosen.length() - 1);
		}
		return chosen;
	}

	private static Map<String, Object> json(Project project, Folder folder) {
		String parent = SecretPaths.parent(folder.path());
		Folder parentFolder = (parent != null) ? project.folder(folder.environment(), parent) : null;
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", folder.id());
		json.put("name", folder.name());
		json.put("version", 1);
		json.put("createdAt", Json.date(folder.createdAt()));
		json.put("updatedAt", Json.date(folder.createdAt()));
		json.put("envId", project.environmentId(folder.environment()));
		json.put("parentId", (parentFolder != null) ? parentFolder.id() : null);
		json.put("isReserved", false);
		json.put("description", null);
		return json;
	}

}
