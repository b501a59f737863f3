package io.github.infisicalstarter.testserver;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The query of a secrets request, checked in Infisical's order: schema problems (422),
 * then the path (400), then missing project or environment (400). v3 and v4 differ only
 * in how the project is named.
 *
 * @param projectId the project id (or slug on v3)
 * @param bySlug whether v3 named the project by {@code workspaceSlug}
 * @param environment the environment slug
 * @param secretPath the normalized folder path
 * @param recursive include sub-folders
 * @param includeImports answer {@code imports[]} (or search imports for a single secret)
 * @param expand expand secret references
 * @param view show values
 * @param tagSlugs the tag filter, empty for none
 * @param version the requested version of a single secret
 * @param personal whether a personal secret was asked for
 */
record SecretQuery(String projectId, boolean bySlug, String environment, String secretPath, boolean recursive,
		boolean includeImports, boolean expand, boolean view, List<String> tagSlugs, @Nullable Integer version,
		boolean personal) {

	/**
	 * The generations of the read API.
	 */
	enum Api {

		/** {@code /api/v3/secrets/raw}: {@code workspaceId} or {@code workspaceSlug}. */
		V3,

		/** {@code /api/v4/secrets}: {@code projectId}. */
		V4

	}

	static SecretQuery list(ApiRequest request, Api api) {
		return parse(request, api, false);
	}

	static SecretQuery single(ApiRequest request, Api api) {
		return parse(request, api, true);
	}

	private static SecretQuery parse(ApiRequest request, Api api, boolean single) {
		Map<String, String> query = request.query();
		Validation validation = new Validation();
		if (single && api == Api.V4) {
			validation.required(query, "projectId");
		}
		boolean recursive = !single && validation.flag(query, "recursive", false);
		boolean includeImports = validation.flag(query, "include_imports", false);
		boolean expand = validation.flag(query, "expandSecretReferences", false);
		boolean view = validation.flag(query, "viewSecretValue", true);
		Integer version = single ? validation.number(query, "version") : null;
		String type = single ? validation.oneOf(query, "type", List.of("shared", "personal"), "shared") : "shared";
		boolean personal = "personal".equals(type);
		validation.throwIfInvalid();
		String path = SecretPaths.normalize(query.get("secretPath"));
		if (path == null) {
			throw ApiError
				.badRequest("Invalid secret path. Only alphanumeric characters, dashes, and underscores are allowed.");
		}
		String projectId = (api == Api.V4) ? query.get("projectId") : query.get("workspaceId");
		boolean bySlug = false;
		if (api == Api.V3 && projectId == null) {
			projectId = query.get("workspaceSlug");
			bySlug = projectId != null;
			if (projectId == null) {
				throw ApiError.badRequest("You must provide projectSlug or workspaceId");
			}
		}
		String environment = query.get("environment");
		if (single && environment == null) {
			throw ApiError.badRequest("Missing environment");
		}
		if (projectId == null || projectId.isEmpty() || environment == null || environment.isEmpty()) {
			throw ApiError.badRequest("Missing project id or environment");
		}
		return new SecretQuery(projectId, bySlug, environment, path, recursive, includeImports, expand, view,
				tags(query.get("tagSlugs")), version, personal);
	}

	private static List<String> tags(@Nullable String tagSlugs) {
		if (tagSlugs == null) {
			return List.of();
		}
		return Arrays.stream(tagSlugs.split(",")).map(String::trim).filter((slug) -> !slug.isEmpty()).toList();
	}

	/**
	 * Return the 404 Infisical gives for an unknown project.
	 * @return the error
	 */
	ApiError projectNotFound() {
		return this.bySlug ? ApiError.notFound("NotFound", "No project found with slug " + this.projectId)
				: ApiError.notFound("NotFound", "Project with ID '" + this.projectId + "' not found");
	}

}
