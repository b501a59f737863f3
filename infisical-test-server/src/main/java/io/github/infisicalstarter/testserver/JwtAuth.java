package io.github.infisicalstarter.testserver;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The JWT Auth or OIDC Auth of a machine identity: the bound issuer, audiences, subject
 * and claims a token must match. Tokens are verified against the server's signing key
 * ({@link InfisicalTestServer#signJwt}). Token settings are those of {@link #identity()}.
 *
 * @since 0.1.0
 */
public final class JwtAuth {

	private final Identity identity;

	private volatile @Nullable String boundIssuer;

	private volatile List<String> boundAudiences = List.of();

	private volatile @Nullable String boundSubject;

	private volatile Map<String, String> boundClaims = Map.of();

	private volatile @Nullable String jwksUrl;

	JwtAuth(Identity identity) {
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
	 * Require this issuer ({@code iss}).
	 * @param issuer the issuer
	 * @return this
	 */
	public JwtAuth boundIssuer(@Nullable String issuer) {
		this.boundIssuer = issuer;
		return this;
	}

	/**
	 * Require one of these audiences ({@code aud}).
	 * @param audiences the audiences
	 * @return this
	 */
	public JwtAuth boundAudiences(String... audiences) {
		this.boundAudiences = List.of(audiences);
		return this;
	}

	/**
	 * Require this subject ({@code sub}).
	 * @param subject the subject
	 * @return this
	 */
	public JwtAuth boundSubject(@Nullable String subject) {
		this.boundSubject = subject;
		return this;
	}

	/**
	 * Require these claim values.
	 * @param claims claim name to required value
	 * @return this
	 */
	public JwtAuth boundClaims(Map<String, String> claims) {
		this.boundClaims = Map.copyOf(claims);
		return this;
	}

	/**
	 * Verify tokens with the keys published at a JWKS URL (fetched at every login)
	 * instead of the server's signing key; {@link InfisicalTestServer#jwksUrl()}
	 * publishes that key.
	 * @param url the JWKS URL, or {@code null} for the static key
	 * @return this
	 */
	public JwtAuth jwksUrl(@Nullable String url) {
		this.jwksUrl = url;
		return this;
	}

	@Nullable String jwksUrl() {
		return this.jwksUrl;
	}

	@Nullable String boundIssuer() {
		return this.boundIssuer;
	}

	List<String> boundAudiences() {
		return this.boundAudiences;
	}

	@Nullable String boundSubject() {
		return this.boundSubject;
	}

	Map<String, String> boundClaims() {
		return this.boundClaims;
	}

}
