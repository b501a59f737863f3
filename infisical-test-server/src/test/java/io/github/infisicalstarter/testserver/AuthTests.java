package io.github.infisicalstarter.testserver;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for login and access-token checks.
 */
class AuthTests {

	private static final String LOGIN = "/api/v1/auth/universal-auth/login";

	private static final String SECRETS = "/api/v4/secrets?projectId=test-project&environment=dev";

	@RegisterExtension
	static final InfisicalTestServerExtension infisical = new InfisicalTestServerExtension();

	private InfisicalTestServer server;

	private TestClient client;

	@BeforeEach
	void setUp() {
		this.server = infisical.server();
		this.client = new TestClient(this.server);
	}

	@Test
	void loginWithJson() {
		TestClient.Reply reply = this.client.postJson(LOGIN,
				Map.of("clientId", "test-client-id", "clientSecret", "test-client-secret"));
		assertThat(reply.status()).isEqualTo(200);
		JsonNode json = reply.json();
		assertThat(json.propertyNames()).containsExactly("accessToken", "expiresIn", "accessTokenMaxTTL", "tokenType");
		assertThat(json.get("accessToken").stringValue()).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
		assertThat(json.get("expiresIn").longValue()).isEqualTo(2592000);
		assertThat(json.get("accessTokenMaxTTL").longValue()).isEqualTo(2592000);
		assertThat(json.get("tokenType").stringValue()).isEqualTo("Bearer");
		assertThat(this.server.issuedTokens()).containsExactly(json.get("accessToken").stringValue());
	}

	@Test
	void loginWithFormAndTrimmedFields() {
		TestClient.Reply reply = this.client.postForm(LOGIN,
				Map.of("clientId", " test-client-id ", "clientSecret", "test-client-secret"));
		assertThat(reply.status()).isEqualTo(200);
		String token = reply.json().get("accessToken").stringValue();
		assertThat(this.client.get(SECRETS, token).status()).isEqualTo(200);
	}

	@Test
	void loginWithWrongSecretIsUnauthorized() {
		TestClient.Reply reply = this.client.postJson(LOGIN, Map.of("clientId", "test-client-id", "clientSecret", "x"));
		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.error()).isEqualTo("UnauthorizedError");
		assertThat(reply.message()).isEqualTo("Invalid credentials");
		assertThat(reply.json().get("reqId").stringValue()).matches("req-[a-zA-Z0-9]{14}");
		assertThat(reply.json().get("statusCode").intValue()).isEqualTo(401);
	}

	@Test
	void loginWithMissingFieldIsValidationFailure() {
		TestClient.Reply reply = this.client.postJson(LOGIN, Map.of("clientId", "test-client-id"));
		assertThat(reply.status()).isEqualTo(422);
		assertThat(reply.error()).isEqualTo("ValidationFailure");
		JsonNode issue = reply.json().get("message").get(0);
		assertThat(issue.get("path").get(0).stringValue()).isEqualTo("clientSecret");
		assertThat(issue.get("message").stringValue()).isEqualTo("Required");
		assertThat(this.client.post(LOGIN, "application/json", "").status()).isEqualTo(422);
	}

	@Test
	void unknownClientIdIsInvalidCredentialsOnCurrentServers() {
		TestClient.Reply reply = this.client.postJson(LOGIN, Map.of("clientId", "nobody", "clientSecret", "x"));
		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.error()).isEqualTo("UnauthorizedError");
		assertThat(reply.message()).isEqualTo("Invalid credentials");
	}

	@Test
	void legacyLoginAnswersAsThe2024Generation() {
		this.server.legacyLogin(true);
		TestClient.Reply empty = this.client.post(LOGIN, "application/json", "{}");
		assertThat(empty.status()).isEqualTo(401);
		assertThat(empty.error()).isEqualTo("ValidationFailure");
		JsonNode issues = empty.json().get("message");
		assertThat(issues).hasSize(2);
		assertThat(issues.get(0).get("code").stringValue()).isEqualTo("invalid_type");
		assertThat(issues.get(0).get("expected").stringValue()).isEqualTo("string");
		assertThat(issues.get(0).get("received").stringValue()).isEqualTo("undefined");
		assertThat(issues.get(0).get("path").get(0).stringValue()).isEqualTo("clientId");
		assertThat(issues.get(0).get("message").stringValue()).isEqualTo("Required");
		assertThat(issues.get(1).get("path").get(0).stringValue()).isEqualTo("clientSecret");
		TestClient.Reply unknown = this.client.postJson(LOGIN, Map.of("clientId", "nobody", "clientSecret", "x"));
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.error()).isEqualTo("NotFound");
		assertThat(unknown.message()).isEqualTo("No identity with specified client ID was found");
		TestClient.Reply wrong = this.client.postJson(LOGIN, Map.of("clientId", "test-client-id", "clientSecret", "x"));
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.message()).isEqualTo("Invalid credentials");
		assertThat(this.client.login()).isNotEmpty();
		this.server.reset();
		assertThat(this.client.post(LOGIN, "application/json", "{}").status()).isEqualTo(422);
	}

	@Test
	void clientSecretUsesLimit() {
		this.server.identity("limited", "secret").clientSecretUsesLimit(1);
		assertThat(this.client.login("limited", "secret")).isNotEmpty();
		TestClient.Reply reply = this.client.postJson(LOGIN, Map.of("clientId", "limited", "clientSecret", "secret"));
		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.message()).isEqualTo("Access denied due to client secret usage limit reached");
	}

	@Test
	void missingTokenIsUnauthorized() {
		TestClient.Reply reply = this.client.get(SECRETS, Map.of());
		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.message()).isEqualTo("Token missing");
	}

	@Test
	void unknownTokenIsMalformed() {
		TestClient.Reply reply = this.client.get(SECRETS, "not-a-token");
		assertThat(reply.status()).isEqualTo(403);
		assertThat(reply.error()).isEqualTo("TokenError");
		assertThat(reply.message()).startsWith("The provided access token is malformed.");
	}

	@Test
	void tokenExpiresByServerClock() {
		this.server.defaultIdentity().tokenTtl(Duration.ofMinutes(10));
		String token = this.client.login();
		this.server.clock().advance(Duration.ofMinutes(9));
		assertThat(this.client.get(SECRETS, token).status()).isEqualTo(200);
		this.server.clock().advance(Duration.ofMinutes(1));
		TestClient.Reply reply = this.client.get(SECRETS, token);
		assertThat(reply.status()).isEqualTo(403);
		assertThat(reply.error()).isEqualTo("TokenError");
		assertThat(reply.message()).isEqualTo("Your token has expired. Please re-authenticate.");
	}

	@Test
	void revokedTokenIsUnauthorized() {
		String token = this.client.login();
		TestClient.Reply revoke = this.client.postJson("/api/v1/auth/token/revoke", Map.of("accessToken", token));
		assertThat(revoke.status()).isEqualTo(200);
		assertThat(revoke.message()).isEqualTo("Successfully revoked access token");
		TestClient.Reply reply = this.client.get(SECRETS, token);
		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.error()).isEqualTo("UnauthorizedError");
		assertThat(reply.message()).isEqualTo("Failed to authorize: token has been revoked");
	}

	@Test
	void revokeAllTokens() {
		String first = this.client.login();
		String second = this.client.login();
		this.server.revokeAllTokens();
		assertThat(this.client.get(SECRETS, first).status()).isEqualTo(401);
		assertThat(this.client.get(SECRETS, second).status()).isEqualTo(401);
		assertThat(this.client.get(SECRETS, this.client.login()).status()).isEqualTo(200);
	}

	@Test
	void usesLimitCountsEveryAuthenticatedRequest() {
		this.server.defaultIdentity().numUsesLimit(2);
		String token = this.client.login();
		assertThat(this.client.get(SECRETS, token).status()).isEqualTo(200);
		assertThat(this.client.get(SECRETS + "&secretPath=/missing", token).status()).isEqualTo(404);
		TestClient.Reply reply = this.client.get(SECRETS, token);
		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.message()).isEqualTo("Failed to authorize: token usage limit reached");
	}

	@Test
	void periodicTokenReportsPeriodAndNoMax() {
		this.server.identity("periodic", "secret").period(Duration.ofMinutes(5));
		TestClient.Reply reply = this.client.postJson(LOGIN, Map.of("clientId", "periodic", "clientSecret", "secret"));
		assertThat(reply.json().get("expiresIn").longValue()).isEqualTo(300);
		assertThat(reply.json().get("accessTokenMaxTTL").longValue()).isZero();
	}

	@Test
	void documentedUniversalAuthRenewRouteDoesNotExist() {
		TestClient.Reply reply = this.client.postJson("/api/v1/auth/universal-auth/renew", Map.of());
		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.body()).isEqualTo("{\"message\":\"Route POST:/api/v1/auth/universal-auth/renew not found\","
				+ "\"error\":\"Not Found\",\"statusCode\":404}");
	}

	@Test
	void resetForgetsIdentitiesAndRestoresDefaults() {
		Identity extra = this.server.identity("extra", "secret");
		this.server.defaultIdentity().tokenTtl(Duration.ofSeconds(5));
		this.server.reset();
		assertThat(this.client.postJson(LOGIN, Map.of("clientId", "extra", "clientSecret", "secret")).status())
			.isEqualTo(401);
		assertThat(extra.clientId()).isEqualTo("extra");
		TestClient.Reply reply = this.client.postJson(LOGIN,
				Map.of("clientId", "test-client-id", "clientSecret", "test-client-secret"));
		assertThat(reply.json().get("expiresIn").longValue()).isEqualTo(2592000);
	}

}
