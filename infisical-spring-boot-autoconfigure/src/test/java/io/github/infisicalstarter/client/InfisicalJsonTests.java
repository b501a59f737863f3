package io.github.infisicalstarter.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.github.infisicalstarter.client.InfisicalJson.BadJsonException;
import io.github.infisicalstarter.client.InfisicalJson.TruncatedBodyException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class InfisicalJsonTests {

	@Test
	void readsSecretsAndImportsSkippingOtherFields() {
		SecretsResponse response = InfisicalJson.readSecrets(
				json("""
						{"secrets":[{"id":"1","secretKey":"A","secretValue":"v","secretPath":"/x","tags":[{"slug":"t"}],
						"version":3,"secretMetadata":[]}],
						"imports":[{"secretPath":"/s","environment":"prod","folderId":"f","secrets":[{"secretKey":"B","secretValue":"w"}]}]}
						"""),
				"\"e\"");
		assertThat(response.secrets()).containsExactly(new RawSecret("A", "v", "/x", 3, null));
		assertThat(response.imports()).singleElement()
			.satisfies((entry) -> assertThat(entry.secrets()).containsExactly(new RawSecret("B", "w", "/")));
		assertThat(response.etag()).isEqualTo("\"e\"");
	}

	@Test
	void readsTokensWithNumbersAsStrings() {
		TokenResponse token = InfisicalJson
			.readToken(json("{\"accessToken\":\"abc\",\"expiresIn\":\"7200\",\"accessTokenMaxTTL\":0}"));
		assertThat(token.expiresIn()).isEqualTo(7200);
		assertThat(token.toString()).doesNotContain("abc");
	}

	@Test
	void readsUtf8WithOrWithoutAByteOrderMark() {
		// RFC 8259: UTF-8 between systems, and parsers may ignore a byte order mark
		byte[] utf8 = "{\"secrets\":[{\"secretKey\":\"A\",\"secretValue\":\"h\u00e9 \ud83d\ude00\"}]}"
			.getBytes(StandardCharsets.UTF_8);
		byte[] withBom = new byte[utf8.length + 3];
		withBom[0] = (byte) 0xEF;
		withBom[1] = (byte) 0xBB;
		withBom[2] = (byte) 0xBF;
		System.arraycopy(utf8, 0, withBom, 3, utf8.length);
		for (byte[] bytes : new byte[][] { utf8, withBom }) {
			assertThat(InfisicalJson.readSecrets(new ByteArrayInputStream(bytes), null).secrets())
				.containsExactly(new RawSecret("A", "h\u00e9 \ud83d\ude00", "/"));
		}
	}

	@Test
	void aBodyThatBreaksOffIsTruncatedNotBadJson() {
		InputStream broken = new InputStream() {

			@Override
			public int read() throws IOException {
				throw new IOException("connection reset");
			}

		};
		assertThatExceptionOfType(TruncatedBodyException.class)
			.isThrownBy(() -> InfisicalJson.readSecrets(broken, null))
			.withCauseInstanceOf(IOException.class);
	}

	@Test
	void problemsAreDescribedWithoutQuotingTheBody() {
		assertBad("", "the body is empty");
		assertBad("<html>secret-page</html>", "not valid JSON");
		assertBad("{\"secrets\":[{\"secretKey\":\"A\",\"secretValue\":\"secret-val", "not valid JSON");
		assertBad("{\"imports\":[]}", "no 'secrets' array");
		assertBad("{\"secrets\":[{\"secretKey\":\"A\"}]}", "has no 'secretValue'");
		assertBad("{\"secrets\":[{\"secretKey\":\"A\",\"secretValue\":42}]}", "is a number where a string");
		assertBad("{\"secrets\":{}}", "is an object where an array");
		assertBad("[]", "is an array where a JSON object");
	}

	@Test
	void errorEnvelopeWithValidationIssues() {
		InfisicalJson.ErrorBody body = InfisicalJson.readError(json(
				"{\"statusCode\":422,\"error\":\"ValidationFailure\",\"message\":[{\"code\":\"x\",\"message\":\"Invalid enum value\"}]}"));
		assertThat(body.error()).isEqualTo("ValidationFailure");
		assertThat(body.message()).isEqualTo("Invalid enum value");
		assertThat(InfisicalJson.readError(json("<html>")).message()).isNull();
	}

	@Test
	void readsSingleSecretsWritesAndApprovals() {
		SecretsPath path = SecretsPath.of("p", "dev", "/db");
		InfisicalSecret secret = InfisicalJson.readSecret(json(
				"{\"secret\":{\"secretKey\":\"PW\",\"secretValue\":\"s3cr3t\",\"version\":4,\"secretComment\":\"c\",\"tags\":[]}}"),
				path);
		assertThat(secret).isEqualTo(new InfisicalSecret("PW", "s3cr3t", "/db", "dev", 4, "c"));
		assertThat(secret.toString()).doesNotContain("s3cr3t");
		SecretWrite applied = InfisicalJson
			.readWrite(json("{\"secret\":{\"secretKey\":\"PW\",\"secretValue\":\"x\",\"secretPath\":\"/db\"}}"), path);
		assertThat(applied.isApplied()).isTrue();
		SecretWrite approval = InfisicalJson.readWrite(
				json("{\"approval\":{\"id\":\"a1\",\"policyId\":\"p\",\"status\":\"open\",\"commits\":[{}]}}"), path);
		assertThat(approval).isEqualTo(new SecretWrite.ApprovalRequested("a1", "open"));
		assertThatExceptionOfType(BadJsonException.class)
			.isThrownBy(() -> InfisicalJson.readWrite(json("{\"message\":\"x\"}"), path))
			.withMessageContaining("neither 'secret' nor 'approval'");
	}

	@Test
	void readsFoldersAndWritesFlatObjects() {
		assertThat(
				InfisicalJson.readFolders(json("{\"folders\":[{\"id\":\"1\",\"name\":\"db\",\"version\":1}]}"), false))
			.containsExactly(new InfisicalFolder("1", "db"));
		assertThat(InfisicalJson.readFolders(json("{\"folder\":{\"id\":\"2\",\"name\":\"x\"}}"), true))
			.containsExactly(new InfisicalFolder("2", "x"));
		java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>();
		fields.put("a", "q\"uote");
		fields.put("b", true);
		fields.put("c", null);
		assertThat(new String(InfisicalJson.writeObject(fields), StandardCharsets.UTF_8))
			.isEqualTo("{\"a\":\"q\\\"uote\",\"b\":true}");
	}

	@Test
	void retryAfterFromHeaderDateOrMessage() {
		assertThat(RetryAfter.parse("7", null)).isEqualTo(Duration.ofSeconds(7));
		assertThat(RetryAfter.parse(null, "Rate limit exceeded. Please try again in 12 seconds"))
			.isEqualTo(Duration.ofSeconds(12));
		assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:28:00 GMT", null)).isEqualTo(Duration.ZERO);
		assertThat(RetryAfter.parse(null, "nothing")).isNull();
	}

	private static void assertBad(String body, String message) {
		assertThatExceptionOfType(BadJsonException.class).isThrownBy(() -> InfisicalJson.readSecrets(json(body), null))
			.withMessageContaining(message)
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("secret-"));
	}

	private static InputStream json(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

}
