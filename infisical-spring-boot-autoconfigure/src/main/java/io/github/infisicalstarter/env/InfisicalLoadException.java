package io.github.infisicalstarter.env;

import io.github.infisicalstarter.InfisicalException;
import io.github.infisicalstarter.config.SecretsLocation;

/**
 * A location could not be loaded. The message names the location and the site and then
 * says why; the action is the cause's.
 *
 * @since 0.1.0
 */
public class InfisicalLoadException extends InfisicalException {

	private final SecretsLocation location;

	InfisicalLoadException(SecretsLocation location, String message, InfisicalException cause) {
		super(message, cause.getAction(), cause);
		this.location = location;
	}

	static InfisicalException of(SecretsLocation location, String siteUrl, InfisicalException cause) {
		return new InfisicalLoadException(location, "Could not load Infisical secrets for " + location.describe()
				+ " from " + siteUrl + ". " + cause.getMessage(), cause);
	}

	/**
	 * Return the location that could not be loaded.
	 * @return the location
	 */
	public SecretsLocation getLocation() {
		return this.location;
	}

}
