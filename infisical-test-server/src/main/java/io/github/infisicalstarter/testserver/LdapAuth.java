package io.github.infisicalstarter.testserver;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The LDAP Auth of a machine identity with the directory's users it can bind as. Token
 * settings are those of {@link #identity()}.
 *
 * @since 0.1.0
 */
public final class LdapAuth {

	private final Identity identity;

	private final Map<String, String> users = new ConcurrentHashMap<>();

	LdapAuth(Identity identity) {
		this.identity = identity;
	}

	/**
	 * Return the identity, to configure its tokens.
	 * @return the identity
	 */
	public Identity identity() {
		return this.identity;
	}

	/**
	 * Add a directory user.
	 * @param username the user name
	 * @param password the password
	 * @return this
	 */
	public LdapAuth user(String username, String password) {
		this.users.put(username, password);
		return this;
	}

	boolean bind(String username, String password) {
		return password.equals(this.users.get(username));
	}

}
