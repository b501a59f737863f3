package io.github.infisicalstarter.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import io.github.infisicalstarter.testserver.InfisicalTestServer;
import io.github.infisicalstarter.webhook.WebhookSignature.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code x-infisical-signature} check: the header Infisical (here: the test server,
 * which signs as Infisical's {@code webhook-fns.ts} does) sends is accepted, anything
 * else is not.
 */
class WebhookSignatureTests {

	private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

	private static final byte[] BODY = "{\"event\":\"secrets.modified\",\"project\":{\"projectId\":\"p\"},\"timestamp\":1}"
		.getBytes(StandardCharsets.UTF_8);

	private final WebhookSignature signature = new WebhookSignature("hook-key", Duration.ofMinutes(5));

	@Test
	void infisicalsSignatureIsValid() {
		String header = InfisicalTestServer.webhookSignature("hook-key", BODY, NOW.toEpochMilli());
		assertThat(this.signature.verify(BODY, header, NOW)).isEqualTo(Verdict.VALID);
		assertThat(this.signature.sign(BODY, NOW)).isEqualTo(header);
	}

	@Test
	void wrongKeyIsAMismatch() {
		String header = InfisicalTestServer.webhookSignature("other-key", BODY, NOW.toEpochMilli());
		assertThat(this.signature.verify(BODY, header, NOW)).isEqualTo(Verdict.MISMATCH);
	}

	@Test
	void tamperedBodyIsAMismatch() {
		String header = InfisicalTestServer.webhookSignature("hook-key", BODY, NOW.toEpochMilli());
		byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("\"p\"", "\"q\"")
			.getBytes(StandardCharsets.UTF_8);
		assertThat(this.signature.verify(tampered, header, NOW)).isEqualTo(Verdict.MISMATCH);
	}

	@Test
	void missingHeaderIsMissing() {
		assertThat(this.signature.verify(BODY, null, NOW)).isEqualTo(Verdict.MISSING);
		assertThat(this.signature.verify(BODY, " ", NOW)).isEqualTo(Verdict.MISSING);
	}

	@Test
	void malformedHeadersAreMalformed() {
		String valid = InfisicalTestServer.webhookSignature("hook-key", BODY, NOW.toEpochMilli());
		String hex = valid.substring(valid.indexOf(';') + 1);
		assertThat(this.signature.verify(BODY, hex, NOW)).isEqualTo(Verdict.MALFORMED);
		assertThat(this.signature.verify(BODY, "t=abc;" + hex, NOW)).isEqualTo(Verdict.MALFORMED);
		assertThat(this.signature.verify(BODY, "t=" + NOW.toEpochMilli() + ";xyz", NOW)).isEqualTo(Verdict.MALFORMED);
		// PKI-alert webhooks sign with "t=<ms>,v1=<hex>": not a project webhook
		assertThat(this.signature.verify(BODY, "t=" + NOW.toEpochMilli() + ",v1=" + hex, NOW))
			.isEqualTo(Verdict.MALFORMED);
	}

	@Test
	void staleTimestampIsStale() {
		Instant signedAt = NOW.minus(Duration.ofMinutes(5)).minusMillis(1);
		String header = InfisicalTestServer.webhookSignature("hook-key", BODY, signedAt.toEpochMilli());
		assertThat(this.signature.verify(BODY, header, NOW)).isEqualTo(Verdict.STALE);
		String edge = InfisicalTestServer.webhookSignature("hook-key", BODY,
				NOW.minus(Duration.ofMinutes(5)).toEpochMilli());
		assertThat(this.signature.verify(BODY, edge, NOW)).isEqualTo(Verdict.VALID);
	}

	@Test
	void futureTimestampBeyondTheToleranceIsStale() {
		Instant signedAt = NOW.plus(Duration.ofMinutes(6));
		String header = InfisicalTestServer.webhookSignature("hook-key", BODY, signedAt.toEpochMilli());
		assertThat(this.signature.verify(BODY, header, NOW)).isEqualTo(Verdict.STALE);
	}

	@Test
	void toStringShowsNoKey() {
		assertThat(this.signature.toString()).doesNotContain("hook-key");
		assertThat(new InfisicalWebhookProperties("hook-key", "/p", Duration.ZERO,
				org.springframework.util.unit.DataSize.ofKilobytes(1))
			.toString()).doesNotContain("hook-key").contains("******");
	}

}
