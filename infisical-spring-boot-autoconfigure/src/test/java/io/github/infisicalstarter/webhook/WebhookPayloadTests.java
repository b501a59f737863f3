package io.github.infisicalstarter.webhook;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The newest and the oldest payload shapes of Infisical's webhooks.
 */
class WebhookPayloadTests {

	@Test
	void newestShape() {
		WebhookPayload payload = parse("{\"event\":\"secrets.modified\",\"project\":{\"workspaceId\":\"w\","
				+ "\"projectId\":\"p\",\"projectName\":\"n\",\"environment\":\"prod\",\"environmentName\":\"Production\","
				+ "\"secretPath\":\"/api\",\"changedBy\":\"Ada\",\"changedByActorType\":\"user\"},\"timestamp\":1}");
		assertThat(payload).isEqualTo(new WebhookPayload("secrets.modified", "p", "prod", "/api"));
	}

	@Test
	void oldestShapeHasOnlyTheWorkspaceId() {
		WebhookPayload payload = parse(
				"{\"event\":\"secrets.modified\",\"project\":{\"workspaceId\":\"w\",\"environment\":\"dev\",\"secretPath\":\"/\"}}");
		assertThat(payload).isEqualTo(new WebhookPayload("secrets.modified", "w", "dev", "/"));
	}

	@Test
	void testEvent() {
		assertThat(parse("{\"event\":\"test\",\"project\":{\"projectId\":\"p\"},\"timestamp\":1}").event())
			.isEqualTo("test");
	}

	@Test
	void notJson() {
		assertThatIllegalArgumentException().isThrownBy(() -> parse("[1]"));
		assertThatIllegalArgumentException().isThrownBy(() -> parse("{\"event\":"));
	}

	private static WebhookPayload parse(String json) {
		return WebhookPayload.parse(json.getBytes(StandardCharsets.UTF_8));
	}

}
