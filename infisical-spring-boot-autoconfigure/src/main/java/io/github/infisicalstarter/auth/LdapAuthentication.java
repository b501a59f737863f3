package io.github.infisicalstarter.auth;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.infisicalstarter.client.InfisicalLoginClient;
import io.github.infisicalstarter.client.TokenResponse;
import io.github.infisicalstarter.config.InfisicalAuthProperties;

/**
 * LDAP Auth: an LDAP user name and password, which Infisical checks by binding to the
 * directory configured for the identity, exchanged for an access token. The password is
 * held here only and never printed.
 *
 * @since 0.1.0
 */
public final class LdapAuthentication implements InfisicalAuthentication {

	static final String LOGIN_PATH = "/api/v1/auth/ldap-auth/login";

	private static final String ACTION = "Check infisical.auth.identity-id, infisical.auth.ldap.username and "
			+ "infisical.auth.ldap.password: the identity must have LDAP Auth configured and the user must be allowed "
			+ "by its search filter (repeated failures lock the identity out for a while).";

	private final InfisicalLoginClient client;

	private final String identityId;

	private final String username;

	private final String password;

	/**
	 * Create a new instance.
	 * @param client the client to log in through
	 * @param identityId the machine identity's id
	 * @param username the LDAP user name
	 * @param password the LDAP password
	 */
	public LdapAuthentication(InfisicalLoginClient client, String identityId, String username, String password) {
		this.client = client;
		this.identityId = identityId;
		this.username = username;
		this.password = password;
	}

	static LdapAuthentication from(InfisicalAuthProperties properties, InfisicalLoginClient client) {
		String identityId = InfisicalAuthentications.identityId(properties, "ldap");
		String prefix = InfisicalAuthProperties.PREFIX + ".ldap.";
		String username = LoginCredentials.require(properties.ldap().username(), prefix + "username", "ldap",
				"the LDAP user name");
		String password = properties.ldap().password();
		LoginCredentials.require(password, prefix + "password", "ldap",
				"the LDAP user's password (for example from an environment variable)");
		return new LdapAuthentication(client, identityId, username, password);
	}

	@Override
	public TokenResponse login() {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("identityId", this.identityId);
		form.put("username", this.username);
		form.put("password", this.password);
		return this.client.login(LOGIN_PATH, form, ACTION);
	}

	@Override
	public String toString() {
		return "LdapAuthentication[identityId=" + this.identityId + ", username=" + this.username + ", password=****]";
	}

}
