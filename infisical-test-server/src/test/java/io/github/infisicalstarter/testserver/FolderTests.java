package io.github.infisicalstarter.testserver;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@code GET} and {@code POST /api/v1/folders}.
 */
class FolderTests {

	private static final String FOLDERS = "/api/v1/folders";

	private static final String P = InfisicalTestServer.DEFAULT_PROJECT_ID;

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
	void listsTheFoldersDirectlyBelowAPath() {
		this.server.folder(P, "dev", "/backend/db").folder(P, "dev", "/frontend");
		TestClient.Reply root = this.client.get(FOLDERS + "?workspaceId=test-project&environment=dev", this.token);
		assertThat(root.status()).isEqualTo(200);
		JsonNode folders = root.json().get("folders");
		assertThat(folders).extracting((folder) -> folder.get("name").stringValue())
			.containsExactly("backend", "frontend");
		JsonNode backend = folders.get(0);
		assertThat(backend.propertyNames()).containsExactly("id", "name", "version", "createdAt", "updatedAt", "envId",
				"parentId", "isReserved", "description");
		JsonNode below = this.client
			.get(FOLDERS + "?workspaceId=test-project&environment=dev&path=backend/", this.token)
			.json()
			.get("folders");
		assertThat(below).extracting((folder) -> folder.get("name").stringValue()).containsExactly("db");
		assertThat(below.get(0).get("parentId").stringValue()).isEqualTo(backend.get("id").stringValue());
		assertThat(below.get(0).get("envId").stringValue()).isEqualTo(backend.get("envId").stringValue());
		JsonNode byDirectory = this.client
			.get(FOLDERS + "?workspaceId=test-project&environment=dev&directory=/backend", this.token)
			.json()
			.get("folders");
		assertThat(byDirectory).hasSize(1);
		assertThat(this.client.get(FOLDERS + "?workspaceId=test-project&environment=dev&path=/none", this.token)
			.json()
			.get("folders")).isEmpty();
	}

	@Test
	void createsAFolderWithMissingParents() {
		TestClient.Reply reply = this.client.write("POST", FOLDERS, this.token,
				Map.of("workspaceId", P, "environment", "dev", "name", "db", "path", "/backend/"));
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		JsonNode folder = reply.json().get("folder");
		assertThat(folder.get("name").stringValue()).isEqualTo("db");
		assertThat(folder.get("version").intValue()).isEqualTo(1);
		assertThat(this.client.get(FOLDERS + "?workspaceId=test-project&environment=dev&path=/backend", this.token)
			.json()
			.get("folders")
			.get(0)
			.get("id")
			.stringValue()).isEqualTo(folder.get("id").stringValue());
		assertThat(this.client
			.get("/api/v4/secrets?projectId=test-project&environment=dev&secretPath=/backend/db", this.token)
			.status()).isEqualTo(200);
		TestClient.Reply again = this.client.write("POST", FOLDERS, this.token,
				Map.of("workspaceId", P, "environment", "dev", "name", "db", "directory", "/backend"));
		assertThat(again.status()).isEqualTo(400);
		assertThat(again.error()).isEqualTo("BadRequest");
		assertThat(again.message()).isEqualTo("Folder with name 'db' already exists in path '/backend'");
	}

	@Test
	void refusesBadNamesUnknownEnvironmentsAndReadOnlyIdentities() {
		TestClient.Reply badName = this.client.write("POST", FOLDERS, this.token,
				Map.of("workspaceId", P, "environment", "dev", "name", "a b"));
		assertThat(badName.status()).isEqualTo(422);
		assertThat(badName.json().get("message").get(0).get("message").stringValue())
			.isEqualTo("Invalid folder name. Only alphanumeric characters, dashes, and underscores are allowed.");
		TestClient.Reply noProject = this.client.write("POST", FOLDERS, this.token,
				Map.of("environment", "dev", "name", "x"));
		assertThat(noProject.status()).isEqualTo(422);
		assertThat(noProject.json().get("message").get(0).get("path").get(0).stringValue()).isEqualTo("workspaceId");
		TestClient.Reply unknownEnv = this.client.write("POST", FOLDERS, this.token,
				Map.of("workspaceId", P, "environment", "qa", "name", "x"));
		assertThat(unknownEnv.status()).isEqualTo(404);
		assertThat(unknownEnv.message())
			.isEqualTo("Environment with slug 'qa' in project with ID 'test-project' not found");
		assertThat(this.client.get(FOLDERS + "?workspaceId=test-project&environment=qa", this.token).status())
			.isEqualTo(404);
		assertThat(this.client.get(FOLDERS + "?environment=dev", this.token).status()).isEqualTo(422);
		this.server.readOnly(InfisicalTestServer.DEFAULT_CLIENT_ID, P, "dev", "/");
		TestClient.Reply denied = this.client.write("POST", FOLDERS, this.token,
				Map.of("workspaceId", P, "environment", "dev", "name", "x"));
		assertThat(denied.status()).isEqualTo(403);
		assertThat(denied.error()).isEqualTo("PermissionDenied");
		assertThat(denied.message()).isEqualTo("You are not allowed to create on secret-folders");
		assertThat(this.client.get(FOLDERS + "?workspaceId=test-project&environment=dev", "nope").status())
			.isEqualTo(403);
	}

}
