package io.github.infisicalstarter.events;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Server-Sent Events frames as Infisical writes them, and the corners of the format.
 */
class SseReaderTests {

	@Test
	void readsInfisicalFramesAndPings() throws IOException {
		SseReader reader = reader("id: 1700000000000\nevent: secret:update\n"
				+ "data: {\"projectType\":\"secret-manager\",\"data\":{\"eventType\":\"secret:update\"}}\n\n"
				+ "event: ping\n\n");
		SseFrame event = reader.next();
		assertThat(event).isNotNull();
		assertThat(event.id()).isEqualTo("1700000000000");
		assertThat(event.event()).isEqualTo("secret:update");
		assertThat(event.data()).startsWith("{\"projectType\"");
		SseFrame ping = reader.next();
		assertThat(ping).isNotNull();
		assertThat(ping.event()).isEqualTo("ping");
		assertThat(ping.data()).isEmpty();
		assertThat(reader.next()).isNull();
	}

	@Test
	void joinsDataLinesSkipsCommentsAndDefaultsTheEventName() throws IOException {
		SseReader reader = reader(": keep-alive\n\ndata:a\ndata: b\nretry: 10\r\n\r\n");
		SseFrame comment = reader.next();
		assertThat(comment).isNotNull();
		assertThat(comment.event()).isEqualTo("message");
		SseFrame frame = reader.next();
		assertThat(frame).isNotNull();
		assertThat(frame.event()).isEqualTo("message");
		assertThat(frame.data()).isEqualTo("a\nb");
		assertThat(frame.id()).isNull();
	}

	@Test
	void anUnfinishedFrameAtTheEndIsDropped() throws IOException {
		assertThat(reader("event: secret:create\ndata: {}").next()).isNull();
	}

	@Test
	void toStringLeavesTheDataOut() {
		assertThat(new SseFrame("1", "secret:update", "{\"secretKey\":\"DB_PASSWORD\"}").toString())
			.doesNotContain("DB_PASSWORD");
	}

	private static SseReader reader(String text) {
		return new SseReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
	}

}
