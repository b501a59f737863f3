package io.github.infisicalstarter.client;

/**
 * One secret as the list endpoint returns it.
 *
 * @param key the secret key as stored
 * @param value the secret value; never printed
 * @param path the folder the secret lives in ({@code /} when the server did not say)
 * @since 0.1.0
 */
public record RawSecret(String key, String value, String path) {

	@Override
	public String toString() {
		return "RawSecret[key=" + this.key + ", path=" + this.path + ", value=****]";
	}

}
