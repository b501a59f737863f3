package io.github.infisicalstarter.core;

import io.github.infisicalstarter.client.SecretsPath;

/**
 * Told about every write a template applied, so that a location the application loaded as
 * a property source is read again at once instead of at the next poll. Implemented by the
 * refresh watcher; this interface keeps the templates free of the refresh machinery.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface InfisicalWriteListener {

	/**
	 * A write to a folder was applied.
	 * @param path the folder written to (for a rename, the folder of the secret)
	 */
	void secretsWritten(SecretsPath path);

}
