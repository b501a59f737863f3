package io.github.infisicalstarter.testserver;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for secret imports in lists and single-secret reads.
 */
class ImportTests {

	private static final String V4 = "/api/v4/secrets?projectId=test-project&environment=dev";

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
		this.server.secret("test-project", "dev", "/", "LOCAL", "local")
			.secret("test-project", "dev", "/", "SHARED", "from-local")
			.secret("test-project", "prod", "/shared", "SHARED", "from-prod-shared")
			.secret("test-project", "prod", "/shared", "FIRST", "first")
			.secret("test-project", "staging", "/", "SHARED", "from-staging")
			.secret("test-project", "staging", "/", "SECOND", "second")
			.secret("test-project", "staging", "/nested", "NESTED", "nested")
			.secretImport("test-project", "dev", "/", "prod", "/shared")
			.secretImport("test-project", "dev", "/", "staging", "/")
			.secretImport("test-project", "staging", "/", "staging", "/nested");
	}

	@Test
	void importsAreOmittedUnlessAskedForInSnakeCase() {
		assertThat(this.client.get(V4, this.token).json().get("imports").isEmpty()).isTrue();
		assertThat(this.client.get(V4 + "&includeImports=true", this.token).json().get("imports").isEmpty()).isTrue();
	}

	@Test
	void importEntriesInPositionOrderWithNestedImportsFlattened() {
		JsonNode json = this.client.get(V4 + "&include_imports=true", this.token).json();
		assertThat(SecretListTests.keys(this.client.get(V4 + "&include_imports=true", this.token)))
			.containsExactly("LOCAL", "SHARED");
		JsonNode imports = json.get("imports");
		assertThat(imports.size()).isEqualTo(2);
		JsonNode first = imports.get(0);
		assertThat(first.propertyNames()).containsExactly("secretPath", "environment", "folderId", "secrets");
		assertThat(first.get("secretPath").stringValue()).isEqualTo("/shared");
		assertThat(first.get("environment").stringValue()).isEqualTo("prod");
		assertThat(keys(first)).containsExactly("SHARED", "FIRST");
		JsonNode second = imports.get(1);
		assertThat(second.get("environment").stringValue()).isEqualTo("staging");
		assertThat(keys(second)).containsExactly("SHARED", "SECOND", "NESTED");
		JsonNode nested = second.get("secrets").get(2);
		assertThat(nested.get("environment").stringValue()).isEqualTo("staging");
		assertThat(nested.get("workspace").stringValue()).isEmpty();
		assertThat(nested.has("secretPath")).isFalse();
		assertThat(nested.has("createdAt")).isFalse();
	}

	@Test
	void importCyclesAreSkipped() {
		this.server.secretImport("test-project", "staging", "/nested", "dev", "/");
		this.server.secretImport("test-project", "staging", "/nested", "staging", "/");
		JsonNode imports = this.client.get(V4 + "&include_imports=true", this.token).json().get("imports");
		assertThat(keys(imports.get(1))).containsExactly("SHARED", "SECOND", "NESTED");
	}

	@Test
	void singleSecretMergesLocalThenImportsLastToFirst() {
		assertThat(single("LOCAL", "&include_imports=true").get("secretValue").stringValue()).isEqualTo("local");
		assertThat(single("SHARED", "&include_imports=true").get("secretValue").stringValue()).isEqualTo("from-local");
		this.server.deleteSecret("test-project", "dev", "/", "SHARED");
		JsonNode shared = single("SHARED", "&include_imports=true");
		assertThat(shared.get("secretValue").stringValue()).isEqualTo("from-staging");
		assertThat(shared.get("environment").stringValue()).isEqualTo("staging");
		assertThat(single("FIRST", "&include_imports=true").get("secretPath").stringValue()).isEqualTo("/shared");
		assertThat(single("NESTED", "&include_imports=true").get("secretValue").stringValue()).isEqualTo("nested");
	}

	@Test
	void singleSecretWithoutIncludeImportsIsNotFound() {
		TestClient.Reply reply = this.client.get("/api/v4/secrets/FIRST?projectId=test-project&environment=dev",
				this.token);
		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.message()).isEqualTo("Secret with name 'FIRST' not found");
	}

	@Test
	void singleSecretOnV3() {
		TestClient.Reply reply = this.client.get("/api/v3/secrets/raw/LOCAL?workspaceId=test-project&environment=dev",
				this.token);
		assertThat(reply.status()).isEqualTo(200);
		JsonNode secret = reply.json().get("secret");
		assertThat(secret.get("secretKey").stringValue()).isEqualTo("LOCAL");
		assertThat(secret.get("secretPath").stringValue()).isEqualTo("/");
		assertThat(secret.get("secretValueHidden").booleanValue()).isFalse();
	}

	@Test
	void singleSecretVersion() {
		this.server.secret("test-project", "dev", "/", "LOCAL", "changed");
		assertThat(single("LOCAL", "").get("version").intValue()).isEqualTo(2);
		assertThat(single("LOCAL", "&version=1").get("secretValue").stringValue()).isEqualTo("local");
	}

	private JsonNode single(String name, String query) {
		TestClient.Reply reply = this.client
			.get("/api/v4/secrets/" + name + "?projectId=test-project&environment=dev" + query, this.token);
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json().get("secret");
	}

	private static List<String> keys(JsonNode entry) {
		List<String> keys = new ArrayList<>();
		entry.get("secrets").forEach((secret) -> keys.add(secret.get("secretKey").stringValue()));
		return keys;
	}

}
