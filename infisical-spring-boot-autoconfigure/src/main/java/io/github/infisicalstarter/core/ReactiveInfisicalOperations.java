package io.github.infisicalstarter.core;

import java.util.List;

import io.github.infisicalstarter.client.InfisicalFolder;
import io.github.infisicalstarter.client.InfisicalSecret;
import io.github.infisicalstarter.client.SecretUpdate;
import io.github.infisicalstarter.client.SecretWrite;
import io.github.infisicalstarter.client.SecretsPath;
import io.github.infisicalstarter.config.SecretsLocation;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The operations of {@link InfisicalOperations} for reactive applications. Implemented by
 * {@link ReactiveInfisicalTemplate}; nothing here blocks a thread, also not while the
 * access token is renewed or a login is in flight.
 *
 * @since 0.1.0
 */
public interface ReactiveInfisicalOperations {

	/**
	 * Return a folder in the project and environment of {@code infisical.*}.
	 * @param secretPath the folder
	 * @return the folder's path
	 */
	SecretsPath path(String secretPath);

	/**
	 * List the secrets of a location, imports merged; see
	 * {@link InfisicalOperations#listSecrets(SecretsLocation)}.
	 * @param location what to list
	 * @return the secrets
	 */
	Flux<InfisicalSecret> listSecrets(SecretsLocation location);

	/**
	 * Read one secret.
	 * @param path the folder
	 * @param key the key
	 * @return the secret
	 */
	Mono<InfisicalSecret> getSecret(SecretsPath path, String key);

	/**
	 * Read one version of a secret.
	 * @param path the folder
	 * @param key the key
	 * @param version the version
	 * @return the secret as it was in that version
	 */
	Mono<InfisicalSecret> getSecret(SecretsPath path, String key, int version);

	/**
	 * Create a secret.
	 * @param path the folder
	 * @param key the key
	 * @param value the value
	 * @param comment the comment, or {@code null}
	 * @return the new secret, or the change request of an approval policy
	 */
	Mono<SecretWrite> createSecret(SecretsPath path, String key, String value, @Nullable String comment);

	/**
	 * Update a secret's value, comment or key.
	 * @param path the folder
	 * @param key the current key
	 * @param update the changes
	 * @return the updated secret, or the change request of an approval policy
	 */
	Mono<SecretWrite> updateSecret(SecretsPath path, String key, SecretUpdate update);

	/**
	 * Delete a secret.
	 * @param path the folder
	 * @param key the key
	 * @return the deleted secret, or the change request of an approval policy
	 */
	Mono<SecretWrite> deleteSecret(SecretsPath path, String key);

	/**
	 * List the folders of a folder.
	 * @param path the parent folder
	 * @return the folders
	 */
	Mono<List<InfisicalFolder>> listFolders(SecretsPath path);

	/**
	 * Create a folder.
	 * @param parent the parent folder
	 * @param name the new folder's name
	 * @return the new folder
	 */
	Mono<InfisicalFolder> createFolder(SecretsPath parent, String name);

}
