package io.github.infisicalstarter.testserver;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the fake cloud metadata services and the Azure and GCP logins.
 */
class CloudAuthTests {

	private static final String IDENTITY = "2d8f5c1e-6a3b-4c1d-9e7f-0a1b2c3d4e5f";

	private static final String IMDS = "/metadata/identity/oauth2/token?api-version=2018-02-01&resource=";

	private static final String GCP_IDENTITY = "/computeMetadata/v1/instance/service-accounts/default/identity";

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
	void imdsRequiresTheMetadataHeader() {
		TestClient.Reply reply = this.client.get(IMDS + "https://management.azure.com/", Map.of());
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.json().get("error").stringValue()).isEqualTo("invalid_request");
		assertThat(reply.json().get("error_description").stringValue())
			.isEqualTo("Required metadata header not specified");
	}

	@Test
	void imdsIssuesATokenWithTenantObjectAndApplicationIds() {
		TestClient.Reply reply = this.client.get(IMDS + "https://management.azure.com/", Map.of("Metadata", "true"));
		assertThat(reply.status()).isEqualTo(200);
		JsonNode json = reply.json();
		assertThat(json.get("token_type").stringValue()).isEqualTo("Bearer");
		assertThat(json.get("expires_in").stringValue()).isEqualTo("86400");
		JsonNode claims = Rs256.decode(json.get("access_token").stringValue());
		assertThat(claims.get("tid").stringValue()).isEqualTo(AzureMetadata.DEFAULT_TENANT_ID);
		assertThat(claims.get("aud").stringValue()).isEqualTo("https://management.azure.com/");
		assertThat(claims.has("oid")).isTrue();
		assertThat(claims.has("appid")).isTrue();
		assertThat(this.server.azureMetadata().issuedTokens()).containsExactly(json.get("access_token").stringValue());
	}

	@Test
	void imdsWithoutTheAskedIdentity() {
		TestClient.Reply reply = this.client.get(IMDS + "x&client_id=nope", Map.of("Metadata", "true"));
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.json().get("error_description").stringValue()).isEqualTo("Identity not found");
	}

	@Test
	void azureLoginChecksAudienceTenantAndServicePrincipal() {
		this.server.azureMetadata().userAssigned("client-1", "object-1");
		String token = azureToken("https://management.azure.com/", "client-1");
		this.server.azureAuth(IDENTITY).allowedServicePrincipalIds("object-1");
		assertThat(azureLogin(token).status()).isEqualTo(200);
		this.server.azureAuth(IDENTITY).allowedServicePrincipalIds("object-2");
		TestClient.Reply refused = azureLogin(token);
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.message()).isEqualTo("Service principal 'object-1' not allowed");
		this.server.azureAuth(IDENTITY).allowedServicePrincipalIds(new String[0]).resource("https://vault.azure.net");
		TestClient.Reply audience = azureLogin(token);
		assertThat(audience.status()).isEqualTo(403);
		assertThat(audience.error()).isEqualTo("TokenError");
		assertThat(audience.message()).isEqualTo("jwt audience invalid. expected: https://vault.azure.net");
		this.server.azureAuth(IDENTITY).resource("https://management.azure.com/").tenantId("other");
		assertThat(azureLogin(token).message())
			.isEqualTo("jwt issuer invalid. expected: https://sts.windows.net/other/");
	}

	@Test
	void azureLoginWithATamperedOrExpiredToken() {
		this.server.azureAuth(IDENTITY);
		String token = azureToken("https://management.azure.com/", null);
		TestClient.Reply tampered = azureLogin(token.substring(0, token.length() - 4) + "AAAA");
		assertThat(tampered.status()).isEqualTo(403);
		assertThat(tampered.message()).isEqualTo("invalid signature");
		this.server.clock().advance(Duration.ofDays(2));
		TestClient.Reply expired = azureLogin(token);
		assertThat(expired.status()).isEqualTo(403);
		assertThat(expired.message()).isEqualTo("Your token has expired. Please re-authenticate.");
	}

	@Test
	void azureLoginOfAnIdentityWithoutAzureAuth() {
		TestClient.Reply reply = azureLogin(azureToken("https://management.azure.com/", null));
		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.message())
			.isEqualTo("Azure auth method not found for identity, did you configure Azure Auth?");
	}

	@Test
	void gcpMetadataRequiresTheFlavorHeaderAndAnAudience() {
		assertThat(this.client.get(GCP_IDENTITY + "?audience=x", Map.of()).status()).isEqualTo(403);
		assertThat(this.client.get(GCP_IDENTITY, Map.of("Metadata-Flavor", "Google")).status()).isEqualTo(400);
	}

	@Test
	void gcpIdTokenLoginChecksServiceAccountProjectAndZone() {
		this.server.gcpMetadata().serviceAccount("api@acme-prod.iam.gserviceaccount.com").zone("europe-west1-b");
		String token = gcpIdToken(IDENTITY);
		JsonNode claims = Rs256.decode(token);
		assertThat(claims.get("aud").stringValue()).isEqualTo(IDENTITY);
		assertThat(claims.get("google").get("compute_engine").get("project_id").stringValue()).isEqualTo("acme-prod");
		this.server.gcpAuth(IDENTITY).allowedServiceAccounts("api@acme-prod.iam.gserviceaccount.com");
		assertThat(gcpLogin(token).status()).isEqualTo(200);
		this.server.gcpAuth(IDENTITY).allowedZones("us-east1-b");
		assertThat(gcpLogin(token).message()).isEqualTo("Access denied: GCP zone not allowed.");
		this.server.gcpAuth(IDENTITY).allowedZones(new String[0]).allowedProjects("other");
		assertThat(gcpLogin(token).message()).isEqualTo("Access denied: GCP project not allowed.");
		this.server.gcpAuth(IDENTITY)
			.allowedProjects(new String[0])
			.allowedServiceAccounts("other@acme-prod.iam.gserviceaccount.com");
		TestClient.Reply refused = gcpLogin(token);
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.message()).isEqualTo("Access denied: GCP service account not allowed.");
	}

	@Test
	void gcpIdTokenForAnotherAudienceFailsInGooglesVerifier() {
		this.server.gcpAuth(IDENTITY);
		TestClient.Reply reply = gcpLogin(gcpIdToken("someone-else"));
		assertThat(reply.status()).isEqualTo(500);
		assertThat(reply.message()).isEqualTo("Something went wrong");
	}

	@Test
	void gcpIamIdentityRefusesAnIdToken() {
		this.server.gcpAuth(IDENTITY).type("iam");
		TestClient.Reply reply = gcpLogin(gcpIdToken(IDENTITY));
		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.message()).isEqualTo("Invalid service account identifier");
	}

	@Test
	void jwtAuthWithAJwksUrlVerifiesWithThePublishedKey() {
		TestClient.Reply jwks = this.client.get("/.well-known/jwks.json", Map.of());
		assertThat(jwks.status()).isEqualTo(200);
		JsonNode key = jwks.json().get("keys").get(0);
		assertThat(key.get("kty").stringValue()).isEqualTo("RSA");
		assertThat(key.get("alg").stringValue()).isEqualTo("RS256");
		this.server.jwtAuth(IDENTITY).jwksUrl(this.server.jwksUrl());
		long now = this.server.clock().instant().getEpochSecond();
		String jwt = this.server.signJwt(Map.of("iss", "https://ci.example.com", "exp", now + 60));
		TestClient.Reply login = this.client.postJson("/api/v1/auth/jwt-auth/login",
				Map.of("identityId", IDENTITY, "jwt", jwt));
		assertThat(login.status()).isEqualTo(200);
		TestClient.Reply tampered = this.client.postJson("/api/v1/auth/jwt-auth/login",
				Map.of("identityId", IDENTITY, "jwt", jwt.substring(0, jwt.length() - 4) + "AAAA"));
		assertThat(tampered.status()).isEqualTo(401);
		assertThat(tampered.message()).contains("invalid signature");
	}

	@Test
	void awsLoginChecksTheIdentityAndTheRegionBeforeStsIsAsked() {
		TestClient.Reply unknown = awsLogin("e30=");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.message()).isEqualTo("AWS auth method not found for identity, did you configure AWS auth?");
		this.server.awsAuth(IDENTITY);
		String headers = java.util.Base64.getEncoder()
			.encodeToString(
					"{\"Authorization\":\"AWS4-HMAC-SHA256 Credential=AKIA/20260101/Bad_Region/sts/aws4_request\"}"
						.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		TestClient.Reply region = awsLogin(headers);
		assertThat(region.status()).isEqualTo(400);
		assertThat(region.message()).isEqualTo("Invalid AWS region");
		String unsigned = java.util.Base64.getEncoder()
			.encodeToString(
					"{\"Authorization\":\"AWS4-HMAC-SHA256 Credential=AKIA/20260101/eu-west-1/sts/aws4_request, SignedHeaders=host, Signature=00\"}"
						.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		TestClient.Reply refused = awsLogin(unsigned);
		assertThat(refused.status()).as("STS refuses an unknown key; Infisical's axios call fails").isEqualTo(500);
	}

	private TestClient.Reply awsLogin(String headers) {
		return this.client.postJson("/api/v1/auth/aws-auth/login",
				Map.of("identityId", IDENTITY, "iamHttpRequestMethod", "POST", "iamRequestBody",
						java.util.Base64.getEncoder()
							.encodeToString("Action=GetCallerIdentity&Version=2011-06-15".getBytes()),
						"iamRequestHeaders", headers));
	}

	private String azureToken(String resource, String clientId) {
		String query = resource + ((clientId != null) ? "&client_id=" + clientId : "");
		return this.client.get(IMDS + query, Map.of("Metadata", "true")).json().get("access_token").stringValue();
	}

	private String gcpIdToken(String audience) {
		return this.client
			.get(GCP_IDENTITY + "?audience=" + audience + "&format=full", Map.of("Metadata-Flavor", "Google"))
			.body();
	}

	private TestClient.Reply azureLogin(String jwt) {
		return this.client.postJson("/api/v1/auth/azure-auth/login", Map.of("identityId", IDENTITY, "jwt", jwt));
	}

	private TestClient.Reply gcpLogin(String jwt) {
		return this.client.postJson("/api/v1/auth/gcp-auth/login", Map.of("identityId", IDENTITY, "jwt", jwt));
	}

}
