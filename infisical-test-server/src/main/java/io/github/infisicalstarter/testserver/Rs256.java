package io.github.infisicalstarter.testserver;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A signer of RS256 JWTs and their verifier, with the JDK's own RSA signature (no crypto
 * written here). Stands for a key that Infisical trusts: a Kubernetes cluster's
 * service-account issuer, or the public key configured in an identity's JWT Auth.
 * Verification failures carry the messages of the {@code jsonwebtoken} library that
 * Infisical uses ({@code jwt malformed}, {@code invalid signature}, {@code jwt expired}).
 */
final class Rs256 {

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private final Clock clock;

	private @Nullable KeyPair keys;

	Rs256(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Return the key pair, made on first use so that servers which never see these logins
	 * pay nothing for it.
	 * @return the key pair
	 */
	private synchronized KeyPair keys() {
		if (this.keys == null) {
			try {
				KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
				generator.initialize(2048);
				this.keys = generator.generateKeyPair();
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return this.keys;
	}

	/**
	 * Return the private key as PKCS#8 PEM, as a service-account key file holds it.
	 * @return the PEM text
	 */
	String privateKeyPem() {
		String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
			.encodeToString(keys().getPrivate().getEncoded());
		return "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n";
	}

	String sign(Map<String, Object> claims) {
		Map<String, Object> header = new LinkedHashMap<>();
		header.put("alg", "RS256");
		header.put("typ", "JWT");
		String input = ENCODER.encodeToString(Json.write(header)) + "." + ENCODER.encodeToString(Json.write(claims));
		try {
			Signature signature = Signature.getInstance("SHA256withRSA");
			signature.initSign(keys().getPrivate());
			signature.update(input.getBytes(StandardCharsets.US_ASCII));
			return input + "." + ENCODER.encodeToString(signature.sign());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Decode a JWT without checking it, as {@code jwt.decode} does.
	 * @param jwt the token
	 * @return the claims, or {@code null} when it is not a JWT
	 */
	static @Nullable JsonNode decode(String jwt) {
		String[] parts = jwt.split("\\.", -1);
		if (parts.length != 3) {
			return null;
		}
		try {
			JsonNode claims = Json.read(DECODER.decode(parts[1]));
			return (claims != null && claims.isObject()) ? claims : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * Verify a JWT's signature and expiry.
	 * @param jwt the token
	 * @return the claims
	 * @throws IllegalArgumentException with the library's message when it is not valid
	 */
	JsonNode verify(String jwt) {
		return verify(jwt, keys().getPublic(), this.clock);
	}

	/**
	 * Return the public key as a JSON Web Key, as a JWKS endpoint publishes it.
	 * @param kid the key's id
	 * @return the JWK's members
	 */
	Map<String, Object> publicJwk(String kid) {
		java.security.interfaces.RSAPublicKey key = (java.security.interfaces.RSAPublicKey) keys().getPublic();
		Map<String, Object> jwk = new LinkedHashMap<>();
		jwk.put("kty", "RSA");
		jwk.put("use", "sig");
		jwk.put("alg", "RS256");
		jwk.put("kid", kid);
		jwk.put("n", ENCODER.encodeToString(unsigned(key.getModulus())));
		jwk.put("e", ENCODER.encodeToString(unsigned(key.getPublicExponent())));
		return jwk;
	}

	private static byte[] unsigned(java.math.BigInteger value) {
		byte[] bytes = value.toByteArray();
		return (bytes.length > 1 && bytes[0] == 0) ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
	}

	/**
	 * Verify a JWT's signature with a given key, and its expiry.
	 * @param jwt the token
	 * @param publicKey the key
	 * @param clock the clock expiry is checked against
	 * @return the claims
	 * @throws IllegalArgumentException with the library's message when it is not valid
	 */
	static JsonNode verify(String jwt, java.security.PublicKey publicKey, Clock clock) {
		JsonNode claims = decode(jwt);
		if (claims == null) {
			throw new IllegalArgumentException("jwt malformed");
		}
		String[] parts = jwt.split("\\.", -1);
		boolean valid;
		try {
			Signature signature = Signature.getInstance("SHA256withRSA");
			signature.initVerify(publicKey);
			signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
			valid = signature.verify(DECODER.decode(parts[2]));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			valid = false;
		}
		if (!valid) {
			throw new IllegalArgumentException("invalid signature");
		}
		JsonNode exp = claims.get("exp");
		if (exp != null && exp.isNumber() && exp.asLong() <= clock.instant().getEpochSecond()) {
			throw new IllegalArgumentException("jwt expired");
		}
		return claims;
	}

}
