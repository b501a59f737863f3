package io.github.infisicalstarter.testserver;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

import tools.jackson.databind.JsonNode;

/**
 * Verification of a JWT against the keys a JWKS URL publishes, as JWT Auth does when an
 * identity is configured with a JWKS URL instead of static public keys: the keys are
 * fetched at every login (no cache), and a token that no key verifies is refused.
 */
final class Jwks {

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private Jwks() {
	}

	/**
	 * Verify a JWT with the keys at a URL.
	 * @param url the JWKS URL
	 * @param jwt the token
	 * @param clock the clock expiry is checked against
	 * @return the claims
	 * @throws IllegalArgumentException with the library's message when no key verifies it
	 * @throws ApiError (500) when the JWKS cannot be fetched
	 */
	static JsonNode verify(String url, String jwt, Clock clock) {
		JsonNode keys = fetch(url).get("keys");
		IllegalArgumentException last = new IllegalArgumentException("invalid signature");
		if (keys != null && keys.isArray()) {
			for (JsonNode jwk : keys) {
				if (!"RSA".equals(jwk.path("kty").asString(""))) {
					continue;
				}
				try {
					return Rs256.verify(jwt, rsaKey(jwk), clock);
				}
				catch (IllegalArgumentException ex) {
					last = ex;
				}
			}
		}
		throw last;
	}

	private static JsonNode fetch(String url) {
		try {
			HttpResponse<byte[]> response = CLIENT.send(
					HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
			JsonNode json = (response.statusCode() == 200) ? Json.read(response.body()) : null;
			if (json == null || !json.isObject()) {
				throw ApiError.internal();
			}
			return json;
		}
		catch (java.io.IOException | RuntimeException ex) {
			if (ex instanceof ApiError error) {
				throw error;
			}
			throw ApiError.internal();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw ApiError.internal();
		}
	}

	private static PublicKey rsaKey(JsonNode jwk) {
		Base64.Decoder decoder = Base64.getUrlDecoder();
		try {
			BigInteger modulus = new BigInteger(1, decoder.decode(jwk.path("n").asString("")));
			BigInteger exponent = new BigInteger(1, decoder.decode(jwk.path("e").asString("")));
			return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalArgumentException("invalid signature");
		}
	}

}
