package io.github.infisicalstarter.client;

/**
 * The answer of a login or renew call.
 *
 * @param accessToken the bearer token; never printed
 * @param expiresIn seconds until the token expires ({@code 0} when the server did not
 * say)
 * @param accessTokenMaxTtl seconds the token may live in total, counted from its creation
 * ({@code 0} when unlimited or unknown)
 * @since 0.1.0
 */
public record TokenResponse(String accessToken, long expiresIn, long accessTokenMaxTtl) {

	@Override
	public String toString() {
		return "TokenResponse[accessToken=****, expiresIn=" + this.expiresIn + ", accessTokenMaxTtl="
				+ this.accessTokenMaxTtl + "]";
	}

}
