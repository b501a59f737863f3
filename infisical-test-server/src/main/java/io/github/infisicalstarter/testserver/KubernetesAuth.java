package io.github.infisicalstarter.testserver;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The Kubernetes Auth of a machine identity: which service accounts may log in. Left
 * unset, a check allows everything, as in Infisical. Token settings are those of
 * {@link #identity()}.
 *
 * @since 0.1.0
 */
public final class KubernetesAuth {

	private final Identity identity;

	private volatile List<String> allowedNamespaces = List.of();

	private volatile List<String> allowedNames = List.of();

	private volatile @Nullable String allowedAudience;

	KubernetesAuth(Identity identity) {
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
	 * Allow only these namespaces.
	 * @param namespaces the namespaces
	 * @return this
	 */
	public KubernetesAuth allowedNamespaces(String... namespaces) {
		this.allowedNamespaces = List.of(namespaces);
		return this;
	}

	/**
	 * Allow only these service-account names.
	 * @param names the names
	 * @return this
	 */
	public KubernetesAuth allowedNames(String... names) {
		this.allowedNames = List.of(names);
		return this;
	}

	/**
	 * Require this audience in the token (the TokenReview asks for it).
	 * @param audience the audience
	 * @return this
	 */
	public KubernetesAuth allowedAudience(@Nullable String audience) {
		this.allowedAudience = audience;
		return this;
	}

	List<String> allowedNamespaces() {
		return this.allowedNamespaces;
	}

	List<String> allowedNames() {
		return this.allowedNames;
	}

	@Nullable String allowedAudience() {
		return this.allowedAudience;
	}

}
