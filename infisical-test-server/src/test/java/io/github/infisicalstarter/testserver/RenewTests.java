package io.github.infisicalstarter.testserver;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for token renewal, newest and previous generation.
 */
class RenewTests {

	private static final String RENEW = "/api/v1/auth/token/renew";

	private static final String SECRETS = "/api/v4/secrets?projectId=test-project&environment=dev";

	@RegisterExtension
	static final InfisicalTestServerExtension infisical = new InfisicalTestServerExtension();

	private InfisicalTestServer server;

	private TestClient client;

	@BeforeEach
	void setUp() {
		this.server = infisical.server();
		this.client = new TestClient(this.server);
		this.server.clock().set(Instant.parse("2030-01-01T00:00:00Z"));
		this.server.defaultIdentity().tokenTtl(Duration.ofHours(1)).maxTtl(Duration.ofHours(3));
	}

	@Test
	void renewIssuesNewStringAndKeepsOldOneUntilItsExpiry() {
		String token = this.client.login();
		this.server.clock().advance(Duration.ofMinutes(40));
		TestClient.Reply reply = this.client.postJson(RENEW, Map.of("accessToken", token));
		assertThat(reply.status()).isEqualTo(200);
		String renewed = reply.json().get("accessToken").stringValue();
		assertThat(renewed).isNotEqualTo(token);
		assertThat(reply.json().get("expiresIn").longValue()).isEqualTo(3600);
		assertThat(reply.json().get("accessTokenMaxTTL").longValue()).isEqualTo(10800);
		assertThat(reply.json().get("tokenType").stringValue()).isEqualTo("Bearer");
		assertThat(this.server.issuedTokens()).containsExactly(token, renewed);
		this.server.clock().advance(Duration.ofMinutes(20));
		assertThat(this.client.get(SECRETS, token).status()).isEqualTo(403);
		assertThat(this.client.get(SECRETS, renewed).status()).isEqualTo(200);
	}

	@Test
	void renewWithFormBody() {
		String token = this.client.login();
		assertThat(this.client.postForm(RENEW, Map.of("accessToken", token)).status()).isEqualTo(200);
	}

	@Test
	void renewNearMaxTtlIsShorterThenFails() {
		String token = this.client.login();
		this.server.clock().advance(Duration.ofMinutes(50));
		token = renew(token, 3600);
		this.server.clock().advance(Duration.ofMinutes(50));
		token = renew(token, 3600);
		this.server.clock().advance(Duration.ofMinutes(50));
		token = renew(token, 1800);
		this.server.clock().advance(Duration.ofMinutes(29));
		token = renew(token, 60);
		this.server.clock().advance(Duration.ofSeconds(59));
		token = renew(token, 1);
		this.server.clock().advance(Duration.ofMillis(500));
		TestClient.Reply reply = this.client.postJson(RENEW, Map.of("accessToken", token));
		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.message()).isEqualTo("Cannot renew: identity access token has reached its max TTL");
	}

	@Test
	void expiredTokenCannotBeRenewed() {
		String token = this.client.login();
		this.server.clock().advance(Duration.ofHours(1));
		TestClient.Reply reply = this.client.postJson(RENEW, Map.of("accessToken", token));
		assertThat(reply.status()).isEqualTo(403);
		assertThat(reply.error()).isEqualTo("TokenError");
		assertThat(reply.message()).isEqualTo("Your token has expired. Please re-authenticate.");
	}

	@Test
	void revokedTokenCannotBeRenewed() {
		String token = this.client.login();
		this.server.revokeAllTokens();
		TestClient.Reply reply = this.client.postJson(RENEW, Map.of("accessToken", token));
		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.message()).isEqualTo("Cannot renew: token has been revoked");
	}

	@Test
	void periodicTokenRenewsForever() {
		this.server.defaultIdentity().period(Duration.ofMinutes(10));
		String token = this.client.login();
		for (int i = 0; i < 30; i++) {
			this.server.clock().advance(Duration.ofMinutes(9));
			token = renew(token, 600);
		}
		assertThat(this.client.get(SECRETS, token).status()).isEqualTo(200);
	}

	@Test
	void legacyRenewKeepsStringAndRefusesJustBeforeMaxTtl() {
		this.server.legacyRenew(true);
		String token = this.client.login();
		this.server.clock().advance(Duration.ofMinutes(50));
		TestClient.Reply reply = this.client.postJson(RENEW, Map.of("accessToken", token));
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().get("accessToken").stringValue()).isEqualTo(token);
		assertThat(reply.json().get("expiresIn").longValue()).isEqualTo(3600);
		this.server.clock().advance(Duration.ofMinutes(50));
		assertThat(this.client.get(SECRETS, token).status()).isEqualTo(200);
		assertThat(this.client.postJson(RENEW, Map.of("accessToken", token)).status()).isEqualTo(200);
		this.server.clock().advance(Duration.ofMinutes(50));
		assertThat(this.client.postJson(RENEW, Map.of("accessToken", token)).status()).isEqualTo(200);
		// 3600 "seconds" added as milliseconds reach past the max TTL of 3 hours
		this.server.clock().advance(Duration.ofMinutes(29).plusSeconds(59));
		reply = this.client.postJson(RENEW, Map.of("accessToken", token));
		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.message()).isEqualTo("Failed to renew MI access token past its Max TTL expiration");
		assertThat(this.client.get(SECRETS, token).status()).isEqualTo(401);
		assertThat(this.server.issuedTokens()).containsExactly(token);
	}

	@Test
	void legacyRenewRefusesPastMaxTtl() {
		this.server.legacyRenew(true);
		String token = this.client.login();
		for (int i = 0; i < 3; i++) {
			this.server.clock().advance(Duration.ofMinutes(59));
			assertThat(this.client.postJson(RENEW, Map.of("accessToken", token)).status()).isEqualTo(200);
		}
		this.server.clock().advance(Duration.ofMinutes(4));
		TestClient.Reply reply = this.client.postJson(RENEW, Map.of("accessToken", token));
		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.message()).isEqualTo("Failed to renew MI access token due to Max TTL expiration");
		assertThat(this.client.get(SECRETS, token).status()).isEqualTo(401);
	}

	@Test
	void legacyRenewRenewsAFreshTokenWhoseTtlIsTheMaxTtl() {
		this.server.legacyRenew(true);
		this.server.defaultIdentity().tokenTtl(Identity.DEFAULT_TTL).maxTtl(Identity.DEFAULT_TTL);
		String token = this.client.login();
		this.server.clock().advance(Duration.ofSeconds(1));
		TestClient.Reply reply = this.client.postJson(RENEW, Map.of("accessToken", token));
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		assertThat(reply.json().get("accessToken").stringValue()).isEqualTo(token);
		assertThat(reply.json().get("expiresIn").longValue()).isEqualTo(2592000);
		assertThat(reply.json().get("accessTokenMaxTTL").longValue()).isEqualTo(2592000);
		assertThat(this.client.get(SECRETS, token).status()).isEqualTo(200);
	}

	@Test
	void legacyRenewRefusesAnExhaustedToken() {
		this.server.legacyRenew(true);
		this.server.defaultIdentity().numUsesLimit(1);
		String token = this.client.login();
		assertThat(this.client.get(SECRETS, token).status()).isEqualTo(200);
		TestClient.Reply reply = this.client.postJson(RENEW, Map.of("accessToken", token));
		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.message()).isEqualTo("Unable to renew because access token number of uses limit reached");
	}

	@Test
	void renewWithoutTokenIsValidationFailure() {
		TestClient.Reply reply = this.client.postJson(RENEW, Map.of());
		assertThat(reply.status()).isEqualTo(422);
		assertThat(reply.json().get("message").get(0).get("path").get(0).stringValue()).isEqualTo("accessToken");
	}

	private String renew(String token, long expectedExpiresIn) {
		TestClient.Reply reply = this.client.postJson(RENEW, Map.of("accessToken", token));
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		assertThat(reply.json().get("expiresIn").longValue()).isEqualTo(expectedExpiresIn);
		return reply.json().get("accessToken").stringValue();
	}

}
