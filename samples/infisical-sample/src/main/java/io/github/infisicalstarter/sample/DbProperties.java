package io.github.infisicalstarter.sample;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Database settings bound from the Infisical secrets {@code DB_USER} and
 * {@code DB_PASSWORD}, which the starter also exposes as {@code db.user} and
 * {@code db.password}. A mutable JavaBean on purpose: Spring Cloud rebinds it in place
 * when the secrets change.
 */
@ConfigurationProperties("db")
public class DbProperties {

	/** Database user name. */
	private String user = "";

	/** Database password; never printed, see {@link SecretsView#mask(String)}. */
	private String password = "";

	public String getUser() {
		return this.user;
	}

	public void setUser(String user) {
		this.user = user;
	}

	public String getPassword() {
		return this.password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	@Override
	public String toString() {
		return "DbProperties[user=" + this.user + ", password=" + SecretsView.mask(this.password) + "]";
	}

}
