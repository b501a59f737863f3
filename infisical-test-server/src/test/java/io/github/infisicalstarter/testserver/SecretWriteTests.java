package io.github.infisicalstarter.testserver;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for creating, updating and deleting secrets over v3 and v4, with the statuses and
 * bodies Infisical answers.
 */
class SecretWriteTests {

	private static final String P = InfisicalTestServer.DEFAULT_PROJECT_ID;

	private static final String V4 = "/api/v4/secrets/";

	private static final String V3 = "/api/v3/secrets/raw/";

	private static final String LIST = "/api/v4/secrets?projectId=test-project&environment=dev";

	@RegisterExtension
	static final InfisicalTestServerExtension infisical = new InfisicalTestServerExtension();

	private InfisicalTestServer server;

	private TestClient client;

	private String token;

	@BeforeEach
	void setUp() {
		this.server = infisical.server();
		this.server.clock().set(Instant.parse("2030-01-01T00:00:00Z"));
		this.client = new TestClient(this.server);
		this.token = this.client.login();
	}

	@Test
	void createAnswersTheSecretAndStoresTheComment() {
		TestClient.Reply reply = write("POST", V4 + "API_KEY",
				body("secretValue", "  abc  ", "secretComment", " rotated by job "));
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		JsonNode secret = reply.json().get("secret");
		assertThat(secret.propertyNames()).containsExactly("id", "_id", "workspace", "environment", "version", "type",
				"secretKey", "secretValue", "secretComment", "secretReminderNote", "secretReminderRepeatDays",
				"skipMultilineEncoding", "createdAt", "updatedAt", "isRotatedSecret", "rotationId");
		assertThat(secret.get("workspace").stringValue()).isEqualTo(P);
		assertThat(secret.get("environment").stringValue()).isEqualTo("dev");
		assertThat(secret.get("version").intValue()).isEqualTo(1);
		assertThat(secret.get("secretKey").stringValue()).isEqualTo("API_KEY");
		assertThat(secret.get("secretValue").stringValue()).isEqualTo("abc");
		assertThat(secret.get("secretComment").stringValue()).isEqualTo("rotated by job");
		assertThat(secret.get("createdAt").stringValue()).isEqualTo("2030-01-01T00:00:00.000Z");
		JsonNode listed = this.client.get(LIST, this.token).json().get("secrets").get(0);
		assertThat(listed.get("secretComment").stringValue()).isEqualTo("rotated by job");
		JsonNode single = this.client.get(V4 + "API_KEY?projectId=test-project&environment=dev", this.token)
			.json()
			.get("secret");
		assertThat(single.get("secretComment").stringValue()).isEqualTo("rotated by job");
		assertThat(single.get("secretValue").stringValue()).isEqualTo("abc");
		SecretSnapshot stored = this.server.findSecret(P, "dev", "/", "API_KEY").orElseThrow();
		assertThat(stored.comment()).isEqualTo("rotated by job");
		assertThat(stored.version()).isEqualTo(1);
		assertThat(stored.toString()).doesNotContain("abc");
	}

	@Test
	void createOfAnExistingKeyIsBadRequest() {
		this.server.secret(P, "dev", "/", "A", "1");
		TestClient.Reply reply = write("POST", V4 + "A", body("secretValue", "2"));
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.json().propertyNames()).containsExactly("reqId", "statusCode", "message", "error");
		assertThat(reply.error()).isEqualTo("BadRequest");
		assertThat(reply.message()).isEqualTo("Secret already exist");
		assertThat(this.server.findSecret(P, "dev", "/", "A").orElseThrow().value()).isEqualTo("1");
	}

	@Test
	void v3TakesWorkspaceIdOrProjectSlugAndFormBodies() {
		TestClient.Reply form = this.client.send(this.client.request(V3 + "FORMED")
			.header("Authorization", "Bearer " + this.token)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("workspaceId=test-project&environment=dev&secretValue=x%20y"))
			.build());
		assertThat(form.status()).as(form.body()).isEqualTo(200);
		assertThat(form.json().get("secret").get("secretValue").stringValue()).isEqualTo("x y");
		TestClient.Reply bySlug = write("PATCH", V3 + "FORMED",
				Map.of("projectSlug", P, "environment", "dev", "secretValue", "z"));
		assertThat(bySlug.status()).as(bySlug.body()).isEqualTo(200);
		TestClient.Reply neither = write("DELETE", V3 + "FORMED", Map.of("environment", "dev"));
		assertThat(neither.status()).isEqualTo(400);
		assertThat(neither.message()).isEqualTo("You must provide projectSlug or workspaceId");
		TestClient.Reply deleted = write("DELETE", V3 + "FORMED", Map.of("workspaceId", P, "environment", "dev"));
		assertThat(deleted.json().get("secret").get("secretValue").stringValue()).isEqualTo("z");
	}

	@Test
	void everyUpdateRaisesTheVersionAndKeepsTheOldOnes() {
		this.server.secret(P, "dev", "/", "DB_PASSWORD", "one");
		String etag = this.client.get(LIST, this.token).header("etag");
		this.server.clock().advance(Duration.ofMinutes(1));
		TestClient.Reply reply = write("PATCH", V4 + "DB_PASSWORD", body("secretValue", "two"));
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		JsonNode secret = reply.json().get("secret");
		assertThat(secret.get("version").intValue()).isEqualTo(2);
		assertThat(secret.get("secretValue").stringValue()).isEqualTo("two");
		assertThat(secret.get("secretValueHidden").booleanValue()).isFalse();
		assertThat(secret.get("updatedAt").stringValue()).isEqualTo("2030-01-01T00:01:00.000Z");
		String etag2 = this.client.get(LIST, this.token).header("etag");
		assertThat(etag2).isNotEqualTo(etag);
		// a comment-only update echoes an empty value, as Infisical does, and keeps it
		TestClient.Reply commentOnly = write("PATCH", V4 + "DB_PASSWORD", body("secretComment", "why"));
		assertThat(commentOnly.json().get("secret").get("secretValue").stringValue()).isEmpty();
		assertThat(commentOnly.json().get("secret").get("version").intValue()).isEqualTo(3);
		assertThat(this.client.get(LIST, this.token).header("etag")).isNotEqualTo(etag2);
		assertThat(single("DB_PASSWORD", "&version=1").get("secretValue").stringValue()).isEqualTo("one");
		assertThat(single("DB_PASSWORD", "&version=2").get("secretValue").stringValue()).isEqualTo("two");
		JsonNode current = single("DB_PASSWORD", "");
		assertThat(current.get("secretValue").stringValue()).isEqualTo("two");
		assertThat(current.get("secretComment").stringValue()).isEqualTo("why");
		assertThat(current.get("version").intValue()).isEqualTo(3);
		assertThat(this.server.secretVersions(P, "dev", "/", "DB_PASSWORD")).extracting(SecretSnapshot::version)
			.containsExactly(1, 2, 3);
	}

	@Test
	void renameMovesTheHistory() {
		this.server.secret(P, "dev", "/", "OLD", "v").secret(P, "dev", "/", "OTHER", "o");
		TestClient.Reply taken = write("PATCH", V4 + "OLD", body("newSecretName", "OTHER"));
		assertThat(taken.status()).isEqualTo(400);
		assertThat(taken.message()).isEqualTo("Secret with the new name already exists");
		TestClient.Reply reply = write("PATCH", V4 + "OLD", body("newSecretName", " NEW "));
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		assertThat(reply.json().get("secret").get("secretKey").stringValue()).isEqualTo("NEW");
		assertThat(SecretListTests.keys(this.client.get(LIST, this.token))).containsExactly("NEW", "OTHER");
		assertThat(single("NEW", "").get("secretValue").stringValue()).isEqualTo("v");
		assertThat(single("NEW", "&version=1").get("secretKey").stringValue()).isEqualTo("OLD");
		assertThat(this.client.get(V4 + "OLD?projectId=test-project&environment=dev", this.token).status())
			.isEqualTo(404);
	}

	@Test
	void missingSecretsAndFoldersAreNotFound() {
		TestClient.Reply update = write("PATCH", V4 + "MISSING", body("secretValue", "x"));
		assertThat(update.status()).isEqualTo(404);
		assertThat(update.error()).isEqualTo("NotFound");
		assertThat(update.message()).isEqualTo("Secret with name MISSING not found");
		TestClient.Reply delete = write("DELETE", V4 + "MISSING", body());
		assertThat(delete.status()).isEqualTo(404);
		assertThat(delete.error()).isEqualTo("NotFound");
		assertThat(delete.message()).isEqualTo("Secret not found");
		Map<String, Object> inMissingFolder = body("secretValue", "x");
		inMissingFolder.put("secretPath", "/nowhere/");
		for (String method : List.of("POST", "PATCH", "DELETE")) {
			TestClient.Reply reply = write(method, V4 + "A", inMissingFolder);
			assertThat(reply.status()).isEqualTo(404);
			assertThat(reply.message())
				.isEqualTo("Folder with path '/nowhere' in environment with slug 'dev' not found");
			assertThat(reply.error()).isEqualTo(switch (method) {
				case "POST" -> "CreateSecret";
				case "PATCH" -> "UpdateSecret";
				default -> "DeleteSecret";
			});
		}
		Map<String, Object> unknownProject = body("secretValue", "x");
		unknownProject.put("projectId", "nope");
		TestClient.Reply project = write("POST", V4 + "A", unknownProject);
		assertThat(project.status()).isEqualTo(404);
		assertThat(project.message()).isEqualTo("Project with ID 'nope' not found");
	}

	@Test
	void olderServersNameTheDeleteErrorAfterTheOperation() {
		this.server.legacyWriteErrors(true);
		TestClient.Reply reply = write("DELETE", V3 + "MISSING", Map.of("workspaceId", P, "environment", "dev"));
		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.error()).isEqualTo("DeleteSecret");
		assertThat(reply.message()).isEqualTo("Secret with name 'MISSING' not found");
		this.server.legacyWriteErrors(false);
		assertThat(write("DELETE", V4 + "MISSING", body()).error()).isEqualTo("NotFound");
	}

	@Test
	void deleteAnswersTheDeletedSecretAndChangesTheList() {
		this.server.secret(P, "dev", "/", "GONE", "bye").secret(P, "dev", "/", "STAYS", "hi");
		String etag = this.client.get(LIST, this.token).header("etag");
		TestClient.Reply reply = write("DELETE", V4 + "GONE", body());
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().get("secret").get("secretValue").stringValue()).isEqualTo("bye");
		assertThat(reply.json().get("secret").get("secretValueHidden").booleanValue()).isFalse();
		TestClient.Reply list = this.client.get(LIST, this.token);
		assertThat(SecretListTests.keys(list)).containsExactly("STAYS");
		assertThat(list.header("etag")).isNotEqualTo(etag);
		assertThat(this.server.findSecret(P, "dev", "/", "GONE")).isEmpty();
	}

	@Test
	void tagsAreSetByIdAndUnknownIdsAreNotFound() {
		String backend = this.server.tagId(P, "backend");
		Map<String, Object> tagged = body("secretValue", "x");
		tagged.put("tagIds", List.of(backend));
		assertThat(write("POST", V4 + "TAGGED", tagged).status()).isEqualTo(200);
		JsonNode tags = this.client.get(LIST + "&tagSlugs=backend", this.token)
			.json()
			.get("secrets")
			.get(0)
			.get("tags");
		assertThat(tags.get(0).get("slug").stringValue()).isEqualTo("backend");
		Map<String, Object> unknown = body();
		unknown.put("tagIds", List.of(backend, "no-such-tag"));
		TestClient.Reply reply = write("PATCH", V4 + "TAGGED", unknown);
		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.message()).isEqualTo("Tag not found. Found backend");
		assertThat(write("PATCH", V4 + "TAGGED", Map.of("projectId", P, "environment", "dev", "tagIds", List.of()))
			.status()).isEqualTo(200);
		assertThat(this.server.findSecret(P, "dev", "/", "TAGGED").orElseThrow().tagSlugs()).isEmpty();
	}

	@Test
	void valuesAreTrimmedButKeepOneTrailingNewline() {
		Map<String, Object> multiline = body("secretValue", "  line1\nline2 \n");
		multiline.put("skipMultilineEncoding", true);
		TestClient.Reply reply = write("POST", V4 + "PEM", multiline);
		assertThat(reply.json().get("secret").get("secretValue").stringValue()).isEqualTo("line1\nline2\n");
		assertThat(reply.json().get("secret").get("skipMultilineEncoding").booleanValue()).isTrue();
		assertThat(single("PEM", "").get("skipMultilineEncoding").booleanValue()).isTrue();
	}

	@Test
	void schemaProblemsAreValidationFailures() {
		TestClient.Reply noValue = write("POST", V4 + "A", body());
		assertThat(noValue.status()).isEqualTo(422);
		assertThat(noValue.error()).isEqualTo("ValidationFailure");
		JsonNode issue = noValue.json().get("message").get(0);
		assertThat(issue.get("path").get(0).stringValue()).isEqualTo("secretValue");
		assertThat(issue.get("message").stringValue()).isEqualTo("Required");
		Map<String, Object> badFlag = body("secretValue", "x");
		badFlag.put("skipMultilineEncoding", "yes");
		JsonNode flagIssue = write("POST", V4 + "A", badFlag).json().get("message").get(0);
		assertThat(flagIssue.get("message").stringValue()).isEqualTo("Expected boolean, received string");
		TestClient.Reply colon = write("POST", V4 + "A:B", body("secretValue", "x"));
		assertThat(colon.status()).isEqualTo(422);
		assertThat(colon.json().get("message").get(0).get("message").stringValue())
			.isEqualTo("Secret name cannot contain colon or forward slash.");
		TestClient.Reply personal = write("POST", V4 + "A", body("secretValue", "x", "type", "personal"));
		assertThat(personal.status()).isEqualTo(400);
		assertThat(personal.message()).isEqualTo("Must be user to create personal secret");
		TestClient.Reply noBody = this.client.send(this.client.request(V4 + "A")
			.header("Authorization", "Bearer " + this.token)
			.method("DELETE", HttpRequest.BodyPublishers.noBody())
			.build());
		assertThat(noBody.status()).isEqualTo(422);
		assertThat(this.server.findSecret(P, "dev", "/", "A")).isEmpty();
	}

	@Test
	void readOnlyIdentitiesGetPermissionDenied() {
		this.server.secret(P, "dev", "/app", "KEY", "v");
		this.server.readOnly(InfisicalTestServer.DEFAULT_CLIENT_ID, P, "dev", "/app");
		Map<String, Object> inApp = body("secretValue", "w");
		inApp.put("secretPath", "/app");
		TestClient.Reply update = write("PATCH", V4 + "KEY", inApp);
		assertThat(update.status()).isEqualTo(403);
		assertThat(update.error()).isEqualTo("PermissionDenied");
		assertThat(update.message()).isEqualTo("You are not allowed to edit on secrets");
		assertThat(update.json().get("details").get(0).get("conditions").get("secretPath").get("$glob").stringValue())
			.isEqualTo("/app/**");
		assertThat(write("POST", V4 + "NEW", inApp).message()).isEqualTo("You are not allowed to create on secrets");
		assertThat(write("DELETE", V4 + "KEY", inApp).message()).isEqualTo("You are not allowed to delete on secrets");
		assertThat(this.server.findSecret(P, "dev", "/app", "KEY").orElseThrow().version()).isEqualTo(1);
		assertThat(this.client.get(LIST + "&secretPath=/app", this.token).status()).isEqualTo(200);
		assertThat(write("POST", V4 + "ROOT", body("secretValue", "x")).status()).isEqualTo(200);
	}

	@Test
	void writesUnderAnApprovalPolicyOpenARequestAndChangeNothing() {
		this.server.secret(P, "dev", "/", "GUARDED", "v1");
		this.server.approvalPolicy(P, "dev", true);
		String etag = this.client.get(LIST, this.token).header("etag");
		TestClient.Reply reply = write("PATCH", V4 + "GUARDED", body("secretValue", "v2"));
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().propertyNames()).containsExactly("approval");
		JsonNode approval = reply.json().get("approval");
		assertThat(approval.propertyNames()).containsExactly("id", "policyId", "hasMerged", "status", "conflicts",
				"slug", "folderId", "bypassReason", "createdAt", "updatedAt", "isReplicated", "committerUserId",
				"statusChangedByUserId");
		assertThat(approval.get("status").stringValue()).isEqualTo("open");
		assertThat(approval.get("hasMerged").booleanValue()).isFalse();
		assertThat(write("POST", V4 + "NEW", body("secretValue", "x")).json().has("approval")).isTrue();
		assertThat(write("DELETE", V4 + "GUARDED", body()).json().has("approval")).isTrue();
		assertThat(this.client.get(LIST, this.token).header("etag")).isEqualTo(etag);
		assertThat(this.server.findSecret(P, "dev", "/", "GUARDED").orElseThrow().value()).isEqualTo("v1");
		assertThat(this.server.approvalRequests()).extracting(ApprovalRequest::operation)
			.containsExactly("update", "create", "delete");
		assertThat(this.server.approvalRequests().get(0).slug()).isEqualTo(approval.get("slug").stringValue());
		this.server.approvalPolicy(P, "dev", false);
		assertThat(write("PATCH", V4 + "GUARDED", body("secretValue", "v2")).json().has("secret")).isTrue();
	}

	@Test
	void writesNeedAToken() {
		TestClient.Reply reply = write("POST", V4 + "A", body("secretValue", "x"));
		assertThat(reply.status()).isEqualTo(200);
		TestClient.Reply anonymous = this.client.send(this.client.request(V4 + "B")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.build());
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.message()).isEqualTo("Token missing");
		assertThat(this.server.journal()).extracting(RecordedRequest::method).containsExactly("POST", "POST", "POST");
		assertThat(this.server.journal().get(1).authorized()).isTrue();
	}

	private TestClient.Reply write(String method, String path, Map<String, ?> body) {
		return this.client.write(method, path, this.token, body);
	}

	private JsonNode single(String key, String query) {
		TestClient.Reply reply = this.client.get(V4 + key + "?projectId=test-project&environment=dev" + query,
				this.token);
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json().get("secret");
	}

	private static Map<String, Object> body(String... pairs) {
		Map<String, Object> body = new HashMap<>();
		body.put("projectId", P);
		body.put("environment", "dev");
		for (int i = 0; i < pairs.length; i += 2) {
			body.put(pairs[i], pairs[i + 1]);
		}
		return body;
	}

}
