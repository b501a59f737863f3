package io.github.infisicalstarter.client;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import io.github.infisicalstarter.client.ApiGeneration.Routes;
import io.github.infisicalstarter.client.InfisicalHttpTransport.ResponseReader;
import io.github.infisicalstarter.config.SecretsLocation;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.web.util.UriUtils;

/**
 * One operation of the secrets API, independent of how it is sent: the request for the
 * routes of an API generation and the reader of its answer. The imperative
 * {@link InfisicalClient} and the {@link ReactiveInfisicalClient} send the same calls, so
 * both speak to the server exactly alike.
 *
 * @param <T> the result type
 * @param request the request for the v4 or v3 routes
 * @param reader reads a successful answer
 * @since 0.1.0
 */
record ApiCall<T>(Function<Routes, ApiRequest> request, ResponseReader<T> reader) {

	static final String FOLDERS_PATH = "/api/v1/folders";

	static ApiCall<SecretsResponse> list(SecretsLocation location, String token, @Nullable String etag) {
		return new ApiCall<>((routes) -> ApiRequest.get(routes.secrets(), listQuery(routes, location), token, etag),
				(status, headers, body) -> (status == 304) ? SecretsResponse.notModified(etag)
						: InfisicalJson.readSecrets(body, headers.eTag()));
	}

	static ApiCall<InfisicalSecret> get(SecretsPath path, String key, @Nullable Integer version, String token) {
		return new ApiCall<>((routes) -> {
			StringBuilder query = scope(routes, path);
			ApiRequest.appendParameter(query, "include_imports", "true");
			ApiRequest.appendParameter(query, "expandSecretReferences", "true");
			ApiRequest.appendParameter(query, "viewSecretValue", "true");
			if (version != null) {
				ApiRequest.appendParameter(query, "version", String.valueOf(version));
			}
			return ApiRequest.get(secretPath(routes, key), query.toString(), token, null);
		}, (status, headers, body) -> InfisicalJson.readSecret(body, path));
	}

	static ApiCall<SecretWrite> create(SecretsPath path, String key, String value, @Nullable String comment,
			String token) {
		return write(HttpMethod.POST, path, key, token, (fields) -> {
			fields.put("secretValue", value);
			fields.put("secretComment", comment);
		});
	}

	static ApiCall<SecretWrite> update(SecretsPath path, String key, SecretUpdate update, String token) {
		return write(HttpMethod.PATCH, path, key, token, (fields) -> {
			fields.put("secretValue", update.value());
			fields.put("secretComment", update.comment());
			fields.put("newSecretName", update.newKey());
		});
	}

	static ApiCall<SecretWrite> delete(SecretsPath path, String key, String token) {
		return write(HttpMethod.DELETE, path, key, token, (fields) -> {
		});
	}

	static ApiCall<List<InfisicalFolder>> listFolders(SecretsPath path, String token) {
		StringBuilder query = new StringBuilder();
		ApiRequest.appendParameter(query, "workspaceId", path.projectId());
		ApiRequest.appendParameter(query, "environment", path.environment());
		ApiRequest.appendParameter(query, "path", path.path());
		ApiRequest request = ApiRequest.get(FOLDERS_PATH, query.toString(), token, null);
		return new ApiCall<>((routes) -> request, (status, headers, body) -> InfisicalJson.readFolders(body, false));
	}

	static ApiCall<InfisicalFolder> createFolder(SecretsPath parent, String name, String token) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("workspaceId", parent.projectId());
		fields.put("environment", parent.environment());
		fields.put("path", parent.path());
		fields.put("name", name);
		ApiRequest request = ApiRequest.json(HttpMethod.POST, FOLDERS_PATH, token, InfisicalJson.writeObject(fields));
		return new ApiCall<>((routes) -> request,
				(status, headers, body) -> InfisicalJson.readFolders(body, true).get(0));
	}

	private static ApiCall<SecretWrite> write(HttpMethod method, SecretsPath path, String key, String token,
			Consumer<Map<String, Object>> body) {
		return new ApiCall<>((routes) -> {
			Map<String, Object> fields = new LinkedHashMap<>();
			fields.put(routes.projectParameter(), path.projectId());
			fields.put("environment", path.environment());
			fields.put("secretPath", path.path());
			fields.put("type", "shared");
			body.accept(fields);
			return ApiRequest.json(method, secretPath(routes, key), token, InfisicalJson.writeObject(fields));
		}, (status, headers, response) -> InfisicalJson.readWrite(response, path));
	}

	private static String secretPath(Routes routes, String key) {
		return routes.secrets() + "/" + UriUtils.encodePathSegment(key, StandardCharsets.UTF_8);
	}

	private static StringBuilder scope(Routes routes, SecretsPath path) {
		StringBuilder query = new StringBuilder();
		ApiRequest.appendParameter(query, routes.projectParameter(), path.projectId());
		ApiRequest.appendParameter(query, "environment", path.environment());
		ApiRequest.appendParameter(query, "secretPath", path.path());
		return query;
	}

	/**
	 * Build the list query directly: cheaper at start-up than Spring's URI templates, and
	 * the parameters are plain values.
	 */
	private static String listQuery(Routes routes, SecretsLocation location) {
		StringBuilder query = new StringBuilder();
		ApiRequest.appendParameter(query, routes.projectParameter(), location.projectId());
		ApiRequest.appendParameter(query, "environment", location.environment());
		ApiRequest.appendParameter(query, "secretPath", location.secretPath());
		ApiRequest.appendParameter(query, "recursive", String.valueOf(location.recursive()));
		ApiRequest.appendParameter(query, "include_imports", String.valueOf(location.includeImports()));
		ApiRequest.appendParameter(query, "expandSecretReferences", String.valueOf(location.expandReferences()));
		ApiRequest.appendParameter(query, "viewSecretValue", "true");
		if (!location.tags().isEmpty()) {
			ApiRequest.appendParameter(query, "tagSlugs", String.join(",", location.tags()));
		}
		return query.toString();
	}

}
