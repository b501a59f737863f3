package io.github.infisicalstarter.config;

import io.github.infisicalstarter.InfisicalException;

/**
 * A missing or invalid {@code infisical.*} property, found before any call to the server.
 *
 * @since 0.1.0
 */
public class InfisicalConfigurationException extends InfisicalException {

	private final String property;

	/**
	 * Create a new exception.
	 * @param property the property at fault, e.g. {@code infisical.client-id}
	 * @param message what is wrong with it
	 * @param action how to fix it
	 */
	public InfisicalConfigurationException(String property, String message, String action) {
		super(message, action, null);
		this.property = property;
	}

	/**
	 * Return the property at fault.
	 * @return the property name
	 */
	public String getProperty() {
		return this.property;
	}

}
