package io.github.infisicalstarter.testserver;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of a successful login or renewal.
 *
 * @param accessToken the token string
 * @param expiresIn seconds until it expires
 * @param accessTokenMaxTtl the configured max TTL in seconds (0 for periodic tokens)
 */
record TokenGrant(String accessToken, long expiresIn, long accessTokenMaxTtl) {

	Map<String, Object> toJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("accessToken", this.accessToken);
		json.put("expiresIn", this.expiresIn);
		json.put("accessTokenMaxTTL", this.accessTokenMaxTtl);
		json.put("tokenType", "Bearer");
		return json;
	}

	@Override
	public String toString() {
		return "TokenGrant[expiresIn=" + this.expiresIn + "]";
	}

}
