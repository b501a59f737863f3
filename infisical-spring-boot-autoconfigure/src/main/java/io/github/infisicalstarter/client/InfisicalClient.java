package io.github.infisicalstarter.client;

import java.util.List;

import io.github.infisicalstarter.config.SecretsLocation;
import org.jspecify.annotations.Nullable;

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
		return send(ApiCall.list(location, accessToken, etag));
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
		return send(ApiCall.get(path, key, version, accessToken));
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
		return send(ApiCall.create(path, key, value, comment, accessToken));
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
		return send(ApiCall.update(path, key, update, accessToken));
	}

	/**
	 * Delete a secret.
	 * @param path the folder
	 * @param key the key
	 * @param accessToken the bearer token
	 * @return the deleted secret, or the change request an approval policy opened
	 */
	public SecretWrite deleteSecret(SecretsPath path, String key, String accessToken) {
		return send(ApiCall.delete(path, key, accessToken));
	}

	/**
	 * List the folders of a folder.
	 * @param path the parent folder
	 * @param accessToken the bearer token
	 * @return the folders
	 */
	public List<InfisicalFolder> listFolders(SecretsPath path, String accessToken) {
		return send(ApiCall.listFolders(path, accessToken));
	}

	/**
	 * Create a folder.
	 * @param parent the parent folder
	 * @param name the new folder's name
	 * @param accessToken the bearer token
	 * @return the new folder
	 */
	public InfisicalFolder createFolder(SecretsPath parent, String name, String accessToken) {
		return send(ApiCall.createFolder(parent, name, accessToken));
	}

	private <T> T send(ApiCall<T> call) {
		return this.generation.call((routes) -> this.transport.exchange(call.request().apply(routes), call.reader()));
	}

	@Override
	public String toString() {
		return "InfisicalClient[" + this.transport.getSiteUrl() + "]";
	}

}
