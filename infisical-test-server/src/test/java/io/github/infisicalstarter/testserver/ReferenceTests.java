package io.github.infisicalstarter.testserver;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for server-side expansion of secret references.
 */
class ReferenceTests {

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
		this.server.secret("test-project", "dev", "/", "HOST", "db.local")
			.secret("test-project", "prod", "/", "HOST", "db.prod")
			.secret("test-project", "prod", "/backend/db", "USER", "admin")
			.secret("test-project", "dev", "/", "EMPTY", "");
	}

	@Test
	void expandsSameFolderEnvironmentAndFolderReferences() {
		this.server.secret("test-project", "dev", "/", "URL", "postgres://${USER_REF}@${HOST}")
			.secret("test-project", "dev", "/", "USER_REF", "${prod.backend.db.USER}")
			.secret("test-project", "dev", "/", "PROD", "${prod.HOST}");
		assertThat(value("URL", "&expandSecretReferences=true")).isEqualTo("postgres://admin@db.local");
		assertThat(value("PROD", "&expandSecretReferences=true")).isEqualTo("db.prod");
		assertThat(value("URL", "")).isEqualTo("postgres://${USER_REF}@${HOST}");
	}

	@Test
	void unresolvedAndEmptyReferencesStayVerbatim() {
		this.server.secret("test-project", "dev", "/", "A", "${MISSING}-${EMPTY}-${nope.X}-${prod.no.such.KEY}");
		assertThat(value("A", "&expandSecretReferences=true"))
			.isEqualTo("${MISSING}-${EMPTY}-${nope.X}-${prod.no.such.KEY}");
	}

	@Test
	void cyclesStopExpanding() {
		this.server.secret("test-project", "dev", "/", "A", "a${B}").secret("test-project", "dev", "/", "B", "b${A}");
		assertThat(value("A", "&expandSecretReferences=true")).isEqualTo("ab${A}");
	}

	@Test
	void hiddenValuesAreNotExpanded() {
		this.server.secret("test-project", "dev", "/", "A", "${HOST}");
		assertThat(value("A", "&expandSecretReferences=true&viewSecretValue=false")).isEqualTo("<hidden-by-infisical>");
	}

	@Test
	void importedSecretsExpandInTheirOwnFolder() {
		this.server.secret("test-project", "prod", "/backend/db", "URL", "${USER}@${HOST}")
			.secretImport("test-project", "dev", "/", "prod", "/backend/db");
		JsonNode imported = this.client.get(V4 + "&include_imports=true&expandSecretReferences=true", this.token)
			.json()
			.get("imports")
			.get(0)
			.get("secrets")
			.get(1);
		assertThat(imported.get("secretValue").stringValue()).isEqualTo("admin@${HOST}");
	}

	@Test
	void referenceIntoDeniedFolderFailsTheRequest() {
		this.server.secret("test-project", "dev", "/", "Y", "${prod.backend.db.USER}")
			.denyPath("test-client-id", "test-project", "prod", "/backend");
		TestClient.Reply reply = this.client.get(V4 + "&expandSecretReferences=true", this.token);
		assertThat(reply.status()).isEqualTo(403);
		assertThat(reply.error()).isEqualTo("ForbiddenError");
		assertThat(reply.message()).isEqualTo("Failed to expand one or more secret references");
		assertThat(reply.json().get("details").get(0).stringValue())
			.isEqualTo("You do not have permission to read secret 'USER' in environment 'prod' at path "
					+ "'/backend/db', which is referenced by secret 'Y'");
		assertThat(this.client.get(V4, this.token).status()).isEqualTo(200);
	}

	@Test
	void singleSecretExpands() {
		this.server.secret("test-project", "dev", "/", "A", "${HOST}:5432");
		TestClient.Reply reply = this.client
			.get("/api/v4/secrets/A?projectId=test-project&environment=dev&expandSecretReferences=true", this.token);
		assertThat(reply.json().get("secret").get("secretValue").stringValue()).isEqualTo("db.local:5432");
	}

	private String value(String key, String query) {
		TestClient.Reply reply = this.client.get(V4 + query, this.token);
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		for (JsonNode secret : reply.json().get("secrets")) {
			if (secret.get("secretKey").stringValue().equals(key)) {
				return secret.get("secretValue").stringValue();
			}
		}
		throw new AssertionError("No secret " + key);
	}

}
