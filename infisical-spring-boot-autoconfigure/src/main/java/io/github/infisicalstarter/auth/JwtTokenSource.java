package io.github.infisicalstarter.auth;

import java.nio.file.Path;

import io.github.infisicalstarter.config.InfisicalAuthProperties;
import io.github.infisicalstarter.config.InfisicalConfigurationException;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * The token of an OIDC or JWT login: given as is, or read from a file at every login (CI
 * systems and SPIFFE agents rewrite such files before the token expires).
 *
 * @param token the token given as a property, or {@code null}
 * @param tokenPath the file to read, or {@code null}
 * @param prefix the properties' prefix, e.g. {@code infisical.auth.oidc}
 * @param what what the token is, for messages
 * @since 0.1.0
 */
record JwtTokenSource(@Nullable String token, @Nullable Path tokenPath, String prefix, String what) {

	static JwtTokenSource from(InfisicalAuthProperties.TokenSource source, String method, String what) {
		String prefix = InfisicalAuthProperties.PREFIX + "." + method;
		if (StringUtils.hasText(source.token())) {
			return new JwtTokenSource(source.token().trim(), null, prefix, what);
		}
		if (StringUtils.hasText(source.tokenPath())) {
			return new JwtTokenSource(null, Path.of(source.tokenPath().trim()), prefix, what);
		}
		throw new InfisicalConfigurationException(prefix + ".token-path",
				"Neither '" + prefix + ".token-path' nor '" + prefix + ".token' is set (required by "
						+ "infisical.auth.method=" + method + ").",
				"Set " + prefix + ".token-path to the file holding the " + what + " (or " + prefix
						+ ".token to the token itself).");
	}

	String read() {
		if (this.token != null) {
			return this.token;
		}
		return LoginCredentials.readToken(this.tokenPath, this.prefix + ".token-path", this.what);
	}

	@Override
	public String toString() {
		return (this.token != null) ? "token=****" : "tokenPath=" + this.tokenPath;
	}

}
