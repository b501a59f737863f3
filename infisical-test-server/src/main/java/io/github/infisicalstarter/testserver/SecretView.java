package io.github.infisicalstarter.testserver;

/**
 * A secret on its way into a response: the stored version, where it lives, and the value
 * to show (expanded or hidden).
 *
 * @param secret the stored secret
 * @param environment the environment it lives in
 * @param path the folder it lives in
 * @param value the value to show
 * @param hidden whether the value is hidden
 */
record SecretView(StoredSecret secret, String environment, String path, String value, boolean hidden) {

	static final String HIDDEN_VALUE = "<hidden-by-infisical>";

	static SecretView of(StoredSecret secret, String environment, String path) {
		return new SecretView(secret, environment, path, secret.value(), false);
	}

	String key() {
		return this.secret.key();
	}

	SecretView withValue(String value) {
		return new SecretView(this.secret, this.environment, this.path, value, this.hidden);
	}

	SecretView hide() {
		return new SecretView(this.secret, this.environment, this.path, HIDDEN_VALUE, true);
	}

	@Override
	public String toString() {
		return "SecretView[" + this.environment + ":" + this.path + ":" + key() + "]";
	}

}
