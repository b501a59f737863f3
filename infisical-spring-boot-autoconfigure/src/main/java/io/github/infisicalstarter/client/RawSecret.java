package io.github.infisicalstarter.client;

import org.jspecify.annotations.Nullable;

/**
 * One secret as the list endpoint returns it.
 *
 * @param key the secret key as stored
 * @param value the secret value; never printed
 * @param path the folder the secret lives in ({@code /} when the server did not say)
 * @param version the secret's version ({@code 0} when the server did not say)
 * @param comment the secret's comment, or {@code null}
 * @since 0.1.0
 */
public record RawSecret(String key, String value, String path, int version, @Nullable String comment) {

	/**
	 * Create a secret without version and comment.
	 * @param key the secret key
	 * @param value the secret value
	 * @param path the folder
	 */
	public RawSecret(String key, String value, String path) {
		this(key, value, path, 0, null);
	}

	@Override
	public String toString() {
		return "RawSecret[key=" + this.key + ", path=" + this.path + ", version=" + this.version + ", value=****]";
	}

}
