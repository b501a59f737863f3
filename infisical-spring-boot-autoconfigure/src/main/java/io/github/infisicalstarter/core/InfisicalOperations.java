package io.github.infisicalstarter.core;

import java.util.List;

import io.github.infisicalstarter.client.InfisicalFolder;
import io.github.infisicalstarter.client.InfisicalSecret;
import io.github.infisicalstarter.client.SecretUpdate;
import io.github.infisicalstarter.client.SecretWrite;
import io.github.infisicalstarter.client.SecretsPath;
import io.github.infisicalstarter.config.SecretsLocation;

/**
 * Reads and writes Infisical secrets and folders with the application's machine identity.
 * Implemented by {@link InfisicalTemplate}; failures are
 * {@link io.github.infisicalstarter.client.InfisicalApiException}s with the status,
 * Infisical's error name and its message.
 *
 * @since 0.1.0
 */
public interface InfisicalOperations {

	/**
	 * Return a folder in the project and environment of {@code infisical.*}.
	 * @param secretPath the folder, e.g. {@code /db}
	 * @return the folder's path
	 * @throws IllegalStateException when {@code infisical.project-id} or
	 * {@code infisical.environment} is not set
	 */
	SecretsPath path(String secretPath);

	/**
	 * List the secrets of a location with the options of the property sources (folder,
	 * recursion, imports, references, tags), imports merged as Infisical's clients merge
	 * them: the folder's own secrets win, then a later import over an earlier one.
	 * @param location what to list
	 * @return the secrets
	 */
	List<InfisicalSecret> listSecrets(SecretsLocation location);

	/**
	 * Read one secret, with imports and references resolved.
	 * @param path the folder
	 * @param key the key
	 * @return the secret
	 */
	InfisicalSecret getSecret(SecretsPath path, String key);

	/**
	 * Read one version of a secret.
	 * @param path the folder
	 * @param key the key
	 * @param version the version
	 * @return the secret as it was in that version
	 */
	InfisicalSecret getSecret(SecretsPath path, String key, int version);

	/**
	 * Create a secret.
	 * @param path the folder
	 * @param key the key
	 * @param value the value
	 * @return the new secret, or the change request of an approval policy
	 */
	default SecretWrite createSecret(SecretsPath path, String key, String value) {
		return createSecret(path, key, value, null);
	}

	/**
	 * Create a secret with a comment.
	 * @param path the folder
	 * @param key the key
	 * @param value the value
	 * @param comment the comment, or {@code null}
	 * @return the new secret, or the change request of an approval policy
	 */
	SecretWrite createSecret(SecretsPath path, String key, String value,
			@org.jspecify.annotations.Nullable String comment);

	/**
	 * Update a secret's value, comment or key.
	 * @param path the folder
	 * @param key the current key
	 * @param update the changes
	 * @return the updated secret, or the change request of an approval policy
	 */
	SecretWrite updateSecret(SecretsPath path, String key, SecretUpdate update);

	/**
	 * Delete a secret.
	 * @param path the folder
	 * @param key the key
	 * @return the deleted secret, or the change request of an approval policy
	 */
	SecretWrite deleteSecret(SecretsPath path, String key);

	/**
	 * List the folders of a folder.
	 * @param path the parent folder
	 * @return the folders
	 */
	List<InfisicalFolder> listFolders(SecretsPath path);

	/**
	 * Create a folder.
	 * @param parent the parent folder
	 * @param name the new folder's name
	 * @return the new folder
	 */
	InfisicalFolder createFolder(SecretsPath parent, String name);

}
