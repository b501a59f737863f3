package io.github.infisicalstarter.testserver;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * The machine identities by client id. The default identity is kept across resets (with
 * its settings restored), so a reference to it stays valid.
 */
final class Identities {

	private final Map<String, Identity> byClientId = new ConcurrentHashMap<>();

	private final Identity defaultIdentity;

	Identities(String defaultClientId, String defaultClientSecret) {
		this.defaultIdentity = new Identity(defaultClientId, defaultClientSecret);
		this.byClientId.put(defaultClientId, this.defaultIdentity);
	}

	Identity defaultIdentity() {
		return this.defaultIdentity;
	}

	Identity identity(String clientId, String clientSecret) {
		Identity identity = this.byClientId.computeIfAbsent(clientId, (id) -> new Identity(id, clientSecret));
		identity.clientSecret(clientSecret);
		return identity;
	}

	/**
	 * Find the identity a login names, if the client secret matches.
	 * @param clientId the client id
	 * @param clientSecret the client secret
	 * @return the identity or {@code null} for wrong credentials
	 */
	@Nullable Identity authenticate(String clientId, String clientSecret) {
		Identity identity = this.byClientId.get(clientId);
		return (identity != null && identity.clientSecret().equals(clientSecret)) ? identity : null;
	}

	boolean exists(String clientId) {
		return this.byClientId.containsKey(clientId);
	}

	void reset(String defaultClientSecret) {
		this.byClientId.keySet().removeIf((clientId) -> !clientId.equals(this.defaultIdentity.clientId()));
		this.defaultIdentity.clientSecret(defaultClientSecret);
		this.defaultIdentity.restoreDefaults();
	}

}
