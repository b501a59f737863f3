package io.github.infisicalstarter.testserver;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for listing secrets through v4 and v3.
 */
class SecretListTests {

	private static final String V4 = "/api/v4/secrets?projectId=test-project&environment=dev";

	private static final String V3 = "/api/v3/secrets/raw?workspaceId=test-project&environment=dev";

	@RegisterExtension
	static final InfisicalTestServerExtension infisical = new InfisicalTestServerExtension();

	private InfisicalTestServer server;

	private TestClient client;

	private String token;

	@BeforeEach
	void setUp() {
		this.server = infisical.server();
		this.client = new TestClient(this.server);
		this.token = this.client.login();
	}

	@Test
	void v4ListHasInfisicalShape() {
		this.server.clock().set(Instant.parse("2030-01-02T03:04:05.678Z"));
		this.token = this.client.login();
		this.server.secret("test-project", "dev", "/", "DB_URL", "postgres://db", "backend");
		this.server.clock().advance(Duration.ofSeconds(1));
		this.server.secret("test-project", "dev", "/", "DB_URL", "postgres://db2", "backend");
		TestClient.Reply reply = this.client.get(V4, this.token);
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.header("content-type")).startsWith("application/json");
		JsonNode secret = reply.json().get("secrets").get(0);
		assertThat(secret.propertyNames()).containsExactly("id", "_id", "workspace", "environment", "version", "type",
				"secretKey", "secretValue", "secretValueHidden", "secretComment", "secretPath", "skipMultilineEncoding",
				"secretReminderNote", "secretReminderRepeatDays", "createdAt", "updatedAt", "isRotatedSecret",
				"rotationId", "tags", "secretMetadata");
		assertThat(secret.get("_id").stringValue()).isEqualTo(secret.get("id").stringValue());
		assertThat(secret.get("workspace").stringValue()).isEqualTo("test-project");
		assertThat(secret.get("environment").stringValue()).isEqualTo("dev");
		assertThat(secret.get("version").intValue()).isEqualTo(2);
		assertThat(secret.get("type").stringValue()).isEqualTo("shared");
		assertThat(secret.get("secretKey").stringValue()).isEqualTo("DB_URL");
		assertThat(secret.get("secretValue").stringValue()).isEqualTo("postgres://db2");
		assertThat(secret.get("secretValueHidden").booleanValue()).isFalse();
		assertThat(secret.get("secretComment").stringValue()).isEmpty();
		assertThat(secret.get("secretPath").stringValue()).isEqualTo("/");
		assertThat(secret.get("createdAt").stringValue()).isEqualTo("2030-01-02T03:04:05.678Z");
		assertThat(secret.get("updatedAt").stringValue()).isEqualTo("2030-01-02T03:04:06.678Z");
		JsonNode tag = secret.get("tags").get(0);
		assertThat(tag.propertyNames()).containsExactly("id", "slug", "color", "name");
		assertThat(tag.get("slug").stringValue()).isEqualTo("backend");
		assertThat(secret.get("secretMetadata").isEmpty()).isTrue();
		assertThat(reply.json().get("imports").isEmpty()).isTrue();
	}

	@Test
	void v3ListWithWorkspaceIdOrSlugHasSameShape() {
		this.server.secret("test-project", "dev", "/", "A", "1");
		JsonNode v3 = this.client.get(V3, this.token).json();
		JsonNode v3Slug = this.client.get("/api/v3/secrets/raw?workspaceSlug=test-project&environment=dev", this.token)
			.json();
		JsonNode v4 = this.client.get(V4, this.token).json();
		assertThat(v3).isEqualTo(v4);
		assertThat(v3Slug).isEqualTo(v4);
	}

	@Test
	void secretPathDefaultsToRootAndIgnoresTrailingSlash() {
		this.server.secret("test-project", "dev", "/backend/db", "PASSWORD", "p");
		assertThat(keys(this.client.get(V4 + "&secretPath=/backend/db/", this.token))).containsExactly("PASSWORD");
		assertThat(keys(this.client.get(V4, this.token))).isEmpty();
	}

	@Test
	void recursiveIncludesSubFoldersWithTheirPaths() {
		this.server.secret("test-project", "dev", "/", "ROOT", "r")
			.secret("test-project", "dev", "/a", "A", "a")
			.secret("test-project", "dev", "/a/b", "B", "b")
			.secret("test-project", "dev", "/c", "C", "c");
		TestClient.Reply reply = this.client.get(V4 + "&secretPath=/a&recursive=true", this.token);
		assertThat(keys(reply)).containsExactly("A", "B");
		assertThat(reply.json().get("secrets").get(1).get("secretPath").stringValue()).isEqualTo("/a/b");
		assertThat(keys(this.client.get(V4 + "&recursive=true", this.token))).containsExactly("ROOT", "A", "B", "C");
	}

	@Test
	void tagSlugsKeepSecretsWithAnyListedTag() {
		this.server.secret("test-project", "dev", "/", "A", "a", "red")
			.secret("test-project", "dev", "/", "B", "b", "blue")
			.secret("test-project", "dev", "/", "C", "c");
		assertThat(keys(this.client.get(V4 + "&tagSlugs=red,blue", this.token))).containsExactly("A", "B");
		assertThat(keys(this.client.get(V4 + "&tagSlugs=blue", this.token))).containsExactly("B");
	}

	@Test
	void hiddenValues() {
		this.server.secret("test-project", "dev", "/", "A", "a");
		JsonNode secret = this.client.get(V4 + "&viewSecretValue=false", this.token).json().get("secrets").get(0);
		assertThat(secret.get("secretValue").stringValue()).isEqualTo("<hidden-by-infisical>");
		assertThat(secret.get("secretValueHidden").booleanValue()).isTrue();
	}

	@Test
	void booleansMustBeExactlyTrueOrFalse() {
		TestClient.Reply reply = this.client.get(V4 + "&expandSecretReferences=1&recursive=True", this.token);
		assertThat(reply.status()).isEqualTo(422);
		assertThat(reply.error()).isEqualTo("ValidationFailure");
		JsonNode issues = reply.json().get("message");
		assertThat(issues.size()).isEqualTo(2);
		assertThat(issues.get(0).get("path").get(0).stringValue()).isEqualTo("recursive");
		JsonNode issue = issues.get(1);
		assertThat(issue.get("code").stringValue()).isEqualTo("invalid_enum_value");
		assertThat(issue.get("path").get(0).stringValue()).isEqualTo("expandSecretReferences");
		assertThat(issue.get("message").stringValue())
			.isEqualTo("Invalid enum value. Expected 'true' | 'false', received '1'");
	}

	@Test
	void unknownEnvironmentOrFolderIsSecretPathNotFound() {
		TestClient.Reply reply = this.client.get(V4 + "&secretPath=/nope", this.token);
		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.error()).isEqualTo("SecretPathNotFound");
		assertThat(reply.message()).isEqualTo("Folder with path '/nope' in environment 'dev' was not found. "
				+ "Please ensure the environment slug and secret path is correct.");
		TestClient.Reply env = this.client.get("/api/v4/secrets?projectId=test-project&environment=qa", this.token);
		assertThat(env.status()).isEqualTo(404);
		assertThat(env.error()).isEqualTo("SecretPathNotFound");
	}

	@Test
	void olderServerAnswersEmptyForUnknownPaths() {
		this.server.emptyForUnknownPaths(true);
		TestClient.Reply reply = this.client.get(V4 + "&secretPath=/nope", this.token);
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().get("secrets").isEmpty()).isTrue();
	}

	@Test
	void missingProjectOrEnvironmentIsBadRequest() {
		TestClient.Reply reply = this.client.get("/api/v4/secrets?projectId=test-project", this.token);
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.error()).isEqualTo("BadRequest");
		assertThat(reply.message()).isEqualTo("Missing project id or environment");
		assertThat(this.client.get("/api/v4/secrets?environment=dev", this.token).message())
			.isEqualTo("Missing project id or environment");
	}

	@Test
	void invalidSecretPathIsBadRequest() {
		TestClient.Reply reply = this.client.get(V4 + "&secretPath=/a%20b", this.token);
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.message()).startsWith("Invalid secret path.");
	}

	@Test
	void unknownProjectIsNotFound() {
		TestClient.Reply reply = this.client.get("/api/v4/secrets?projectId=other&environment=dev", this.token);
		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.error()).isEqualTo("NotFound");
	}

	@Test
	void deniedFolderIsPermissionDenied() {
		this.server.secret("test-project", "dev", "/", "OPEN", "o")
			.secret("test-project", "dev", "/private", "CLOSED", "c")
			.denyPath("test-client-id", "test-project", "dev", "/private");
		TestClient.Reply reply = this.client.get(V4 + "&secretPath=/private", this.token);
		assertThat(reply.status()).isEqualTo(403);
		assertThat(reply.error()).isEqualTo("PermissionDenied");
		assertThat(reply.json().get("details").isArray()).isTrue();
		assertThat(keys(this.client.get(V4 + "&recursive=true", this.token))).containsExactly("OPEN");
		String other = this.client.login(this.server.identity("other", "s").clientId(), "s");
		assertThat(this.client.get(V4 + "&secretPath=/private", other).status()).isEqualTo(200);
	}

	@Test
	void v4DisabledAnswersFastifyNotFound() {
		this.server.v4Enabled(false);
		TestClient.Reply reply = this.client.get(V4, this.token);
		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.body())
			.isEqualTo("{\"message\":\"Route GET:" + V4 + " not found\",\"error\":\"Not Found\",\"statusCode\":404}");
		assertThat(this.client.get(V3, this.token).status()).isEqualTo(200);
	}

	@Test
	void deletedSecretDisappears() {
		this.server.secret("test-project", "dev", "/", "A", "a").secret("test-project", "dev", "/", "B", "b");
		this.server.deleteSecret("test-project", "dev", "/", "A");
		assertThat(keys(this.client.get(V4, this.token))).containsExactly("B");
	}

	static List<String> keys(TestClient.Reply reply) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		List<String> keys = new ArrayList<>();
		reply.json().get("secrets").forEach((secret) -> keys.add(secret.get("secretKey").stringValue()));
		return keys;
	}

}
