package io.github.infisicalstarter.testserver;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A create, update or delete of one secret as Infisical's route schemas read it: the name
 * from the path (checked first, as Fastify validates params before the body), then the
 * JSON or form body. v3 names the project by {@code workspaceId} or {@code projectSlug},
 * v4 by {@code projectId}.
 *
 * @param kind what the request does
 * @param projectId the project id (or slug on v3)
 * @param bySlug whether v3 named the project by {@code projectSlug}
 * @param environment the environment slug
 * @param secretPath the folder path as sent, without trailing slash
 * @param secretName the secret's key
 * @param secretValue the value, trimmed except for one trailing newline
 * @param secretComment the comment, {@code null} when an update leaves it
 * @param tagIds the tag ids, {@code null} when an update leaves them
 * @param skipMultilineEncoding the multi-line flag, {@code null} when not sent
 * @param personal whether {@code type} is {@code personal}
 * @param newSecretName the new key of a rename
 */
record SecretWrite(Kind kind, String projectId, boolean bySlug, String environment, String secretPath,
		String secretName, @Nullable String secretValue, @Nullable String secretComment, @Nullable List<String> tagIds,
		@Nullable Boolean skipMultilineEncoding, boolean personal, @Nullable String newSecretName) {

	private static final List<String> TYPES = List.of("shared", "personal");

	/**
	 * The three writes.
	 */
	enum Kind {

		/** {@code POST}: {@code create} on {@code secrets}. */
		CREATE("create"),

		/** {@code PATCH}: {@code edit} on {@code secrets}. */
		UPDATE("edit"),

		/** {@code DELETE}: {@code delete} on {@code secrets}. */
		DELETE("delete");

		private final String action;

		Kind(String action) {
			this.action = action;
		}

		String action() {
			return this.action;
		}

	}

	static SecretWrite parse(ApiRequest request, SecretQuery.Api api, Kind kind, String rawName) {
		String name = name(kind, rawName);
		JsonNode body = request.body();
		Validation validation = new Validation();
		if (!validation.object(body)) {
			validation.throwIfInvalid();
		}
		BodyFields fields = new BodyFields(validation, body);
		String projectId = (api == SecretQuery.Api.V4) ? validation.string(body, "projectId")
				: fields.string("workspaceId", true);
		String projectSlug = (api == SecretQuery.Api.V3) ? fields.string("projectSlug", true) : null;
		String environment = validation.string(body, "environment");
		String path = fields.string("secretPath", true);
		String value = null;
		String comment = null;
		List<String> tagIds = null;
		Boolean skip = null;
		String newName = null;
		if (kind == Kind.CREATE) {
			value = value(validation.string(body, "secretValue"), body);
			String sent = fields.string("secretComment", true);
			comment = (sent != null) ? sent : "";
			tagIds = fields.strings("tagIds");
			skip = fields.bool("skipMultilineEncoding", true);
		}
		else if (kind == Kind.UPDATE) {
			String sent = fields.string("secretValue", false);
			value = (sent != null) ? value(sent, body) : null;
			comment = fields.string("secretComment", false);
			tagIds = fields.strings("tagIds");
			skip = fields.bool("skipMultilineEncoding", false);
			newName = newName(validation, fields);
		}
		boolean personal = "personal".equals(fields.oneOf("type", TYPES, "shared"));
		validation.throwIfInvalid();
		boolean bySlug = false;
		if (api == SecretQuery.Api.V3 && projectId == null) {
			if (projectSlug == null) {
				throw ApiError.badRequest("You must provide projectSlug or workspaceId");
			}
			projectId = projectSlug;
			bySlug = true;
		}
		String secretPath = (path != null) ? removeTrailingSlash(path) : SecretPaths.ROOT;
		return new SecretWrite(kind, projectId, bySlug, environment, secretPath, name, value, comment, tagIds, skip,
				personal, newName);
	}

	/**
	 * Return the 404 Infisical gives for an unknown project.
	 * @return the error
	 */
	ApiError projectNotFound() {
		return this.bySlug ? ApiError.notFound("NotFound", "No project found with slug " + this.projectId)
				: ApiError.notFound("NotFound", "Project with ID '" + this.projectId + "' not found");
	}

	private static String name(Kind kind, String rawName) {
		Validation validation = new Validation();
		String name = (kind == Kind.DELETE) ? rawName : rawName.trim();
		if (name.isEmpty()) {
			validation.tooShort("secretName", 1);
		}
		else if (kind == Kind.CREATE && (name.contains(":") || name.contains("/"))) {
			validation.custom("secretName", "Secret name cannot contain colon or forward slash.");
		}
		validation.throwIfInvalid();
		return name;
	}

	private static @Nullable String newName(Validation validation, BodyFields fields) {
		String newName = fields.string("newSecretName", true);
		if (newName != null && newName.isEmpty()) {
			validation.tooShort("newSecretName", 1);
		}
		else if (newName != null && (newName.contains(":") || newName.contains("/"))) {
			validation.custom("newSecretName", "Secret name cannot contain colon or forward slash.");
		}
		return newName;
	}

	/**
	 * Trim a value as the route schema does, keeping one trailing newline; a form body
	 * has its fields as strings already.
	 */
	private static @Nullable String value(@Nullable String trimmed, JsonNode body) {
		if (trimmed == null) {
			return null;
		}
		JsonNode raw = body.get("secretValue");
		String sent = (raw != null && raw.isString()) ? raw.stringValue() : trimmed;
		return sent.endsWith("\n") ? sent.trim() + "\n" : sent.trim();
	}

	private static String removeTrailingSlash(String path) {
		String result = path;
		while (result.length() > 1 && result.endsWith("/")) {
			result = result.substring(0, result.length() - 1);
		}
		return result;
	}

	@Override
	public String toString() {
		return "SecretWrite[" + this.kind + " " + this.environment + ":" + this.secretPath + ":" + this.secretName
				+ "]";
	}

}
