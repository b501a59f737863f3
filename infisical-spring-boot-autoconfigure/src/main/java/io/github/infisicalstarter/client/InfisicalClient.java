package io.github.infisicalstarter.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.infisicalstarter.client.ApiGeneration.Routes;
import io.github.infisicalstarter.config.SecretsLocation;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.web.util.UriUtils;

/**
 * The secrets and folders routes of the Infisical API, called with an access token over
 * the starter's {@link InfisicalHttpTransport}. Secrets go through the v4 routes, or the
 * v3 raw routes on servers older than v4 (see {@link ApiGeneration}). Bodies are read and
 * written with Jackson's streaming parser and generator, so no message converter ever
 * sees a secret.
 *
 * @since 0.1.0
 */
public final class InfisicalClient {

	static final String FOLDERS_PATH = "/api/v1/folders";

	private final InfisicalHttpTransport transport;

	private final ApiGeneration generation;

	private final InfisicalLoginClient loginClient;

	/**
	 * Create a client.
	 * @param transport the transport that carries the requests
	 */
	public InfisicalClient(InfisicalHttpTransport transport) {
		this.transport = transport;
		this.generation = new ApiGeneration(transport.getSiteUrl());
		this.loginClient = new InfisicalLoginClient(transport);
	}

	/**
	 * Return the site URL this client talks to.
	 * @return the site URL
	 */
	public String getSiteUrl() {
		return this.transport.getSiteUrl();
	}

	/**
	 * Return the transport, shared with the login client and the reactive client.
	 * @return the transport
	 */
	public InfisicalHttpTransport getTransport() {
		return this.transport;
	}

	/**
	 * Return which API generation the server speaks, as far as known.
	 * @return the API generation
	 */
	public ApiGeneration getGeneration() {
		return this.generation;
	}

	/**
	 * Return the client of the auth routes, over the same transport.
	 * @return the login client
	 */
	public InfisicalLoginClient getLoginClient() {
		return this.loginClient;
	}

	/**
	 * List the secrets of a location.
	 * @param location what to list
	 * @param accessToken the bearer token
	 * @param etag the ETag of the last answer, sent as {@code If-None-Match}, or
	 * {@code null}
	 * @return the answer, possibly "not modified"
	 */
	public SecretsResponse listSecrets(SecretsLocation location, String accessToken, @Nullable String etag) {
		return this.generation.call((routes) -> this.transport.exchange(
				ApiRequest.get(routes.secrets(), listQuery(routes, location), accessToken, etag),
				(status, headers, body) -> (status == 304) ? SecretsResponse.notModified(etag)
						: InfisicalJson.readSecrets(body, headers.getETag())));
	}

	/**
	 * Read one secret, with imports and references resolved.
	 * @param path the folder
	 * @param key the key
	 * @param version the version to read, or {@code null} for the current one
	 * @param accessToken the bearer token
	 * @return the secret
	 */
	public InfisicalSecret getSecret(SecretsPath path, String key, @Nullable Integer version, String accessToken) {
		return this.generation.call((routes) -> {
			StringBuilder query = scope(routes, path);
			ApiRequest.appendParameter(query, "include_imports", "true");
			ApiRequest.appendParameter(query, "expandSecretReferences", "true");
			ApiRequest.appendParameter(query, "viewSecretValue", "true");
			if (version != null) {
				ApiRequest.appendParameter(query, "version", String.valueOf(version));
			}
			return this.transport.exchange(ApiRequest.get(secretPath(routes, key), query.toString(), accessToken, null),
					(status, headers, body) -> InfisicalJson.readSecret(body, path));
		});
	}

	/**
	 * Create a secret.
	 * @param path the folder
	 * @param key the key
	 * @param value the value
	 * @param comment a comment, or {@code null}
	 * @param accessToken the bearer token
	 * @return the new secret, or the change request an approval policy opened
	 */
	public SecretWrite createSecret(SecretsPath path, String key, String value, @Nullable String comment,
			String accessToken) {
		return write(HttpMethod.POST, path, key, accessToken, (fields) -> {
			fields.put("secretValue", value);
			fields.put("secretComment", comment);
		});
	}

	/**
	 * Update a secret's value, comment or key.
	 * @param path the folder
	 * @param key the current key
	 * @param update the changes
	 * @param accessToken the bearer token
	 * @return the updated secret, or the change request an approval policy opened
	 */
	public SecretWrite updateSecret(SecretsPath path, String key, SecretUpdate update, String accessToken) {
		return write(HttpMethod.PATCH, path, key, accessToken, (fields) -> {
			fields.put("secretValue", update.value());
			fields.put("secretComment", update.comment());
			fields.put("newSecretName", update.newKey());
		});
	}

	/**
	 * Delete a secret.
	 * @param path the folder
	 * @param key the key
	 * @param accessToken the bearer token
	 * @return the deleted secret, or the change request an approval policy opened
	 */
	public SecretWrite deleteSecret(SecretsPath path, String key, String accessToken) {
		return write(HttpMethod.DELETE, path, key, accessToken, (fields) -> {
		});
	}

	/**
	 * List the folders of a folder.
	 * @param path the parent folder
	 * @param accessToken the bearer token
	 * @return the folders
	 */
	public List<InfisicalFolder> listFolders(SecretsPath path, String accessToken) {
		StringBuilder query = new StringBuilder();
		ApiRequest.appendParameter(query, "workspaceId", path.projectId());
		ApiRequest.appendParameter(query, "environment", path.environment());
		ApiRequest.appendParameter(query, "path", path.path());
		return this.transport.exchange(ApiRequest.get(FOLDERS_PATH, query.toString(), accessToken, null),
				(status, headers, body) -> InfisicalJson.readFolders(body, false));
	}

	/**
	 * Create a folder.
	 * @param parent the parent folder
	 * @param name the new folder's name
	 * @param accessToken the bearer token
	 * @return the new folder
	 */
	public InfisicalFolder createFolder(SecretsPath parent, String name, String accessToken) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("workspaceId", parent.projectId());
		fields.put("environment", parent.environment());
		fields.put("path", parent.path());
		fields.put("name", name);
		return this.transport.exchange(
				ApiRequest.json(HttpMethod.POST, FOLDERS_PATH, accessToken, InfisicalJson.writeObject(fields)),
				(status, headers, body) -> InfisicalJson.readFolders(body, true).get(0));
	}

	private SecretWrite write(HttpMethod method, SecretsPath path, String key, String accessToken,
			java.util.function.Consumer<Map<String, Object>> body) {
		return this.generation.call((routes) -> {
			Map<String, Object> fields = new LinkedHashMap<>();
			fields.put(routes.projectParameter(), path.projectId());
			fields.put("environment", path.environment());
			fields.put("secretPath", path.path());
			fields.put("type", "shared");
			body.accept(fields);
			return this.transport.exchange(
					ApiRequest.json(method, secretPath(routes, key), accessToken, InfisicalJson.writeObject(fields)),
					(status, headers, response) -> InfisicalJson.readWrite(response, path));
		});
	}

	private static String secretPath(Routes routes, String key) {
		return routes.secrets() + "/" + UriUtils.encodePathSegment(key, java.nio.charset.StandardCharsets.UTF_8);
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

	@Override
	public String toString() {
		return "InfisicalClient[" + this.transport.getSiteUrl() + "]";
	}

}
