package io.github.infisicalstarter.client;

import org.jspecify.annotations.Nullable;

/**
 * A secret as {@code InfisicalTemplate} returns it. Its {@code toString()} never shows
 * the value.
 *
 * @param key the key as stored
 * @param value the value; never printed
 * @param path the folder the secret lives in
 * @param environment the environment slug
 * @param version the version, raised by every update ({@code 0} when unknown)
 * @param comment the comment, or {@code null}
 * @since 0.1.0
 */
public record InfisicalSecret(String key, String value, String path, String environment, int version,
		@Nullable String comment) {

	@Override
	public String toString() {
		return "InfisicalSecret[key=" + this.key + ", path=" + this.path + ", environment=" + this.environment
				+ ", version=" + this.version + ", value=****]";
	}

}
