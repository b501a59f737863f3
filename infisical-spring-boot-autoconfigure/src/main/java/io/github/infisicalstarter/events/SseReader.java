package io.github.infisicalstarter.events;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * Reads Server-Sent Events frames from a stream as the HTML standard defines them:
 * {@code field: value} lines (one optional space after the colon), comment lines starting
 * with a colon, and a blank line ending each frame. Frames with no field at all (a lone
 * comment used as keep-alive) still count as a sign of life.
 *
 * @since 0.1.0
 */
final class SseReader {

	private final BufferedReader lines;

	SseReader(InputStream body) {
		this.lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
	}

	/**
	 * Read the next frame, blocking until it is complete.
	 * @return the frame, or {@code null} when the stream ended
	 * @throws IOException when reading failed or timed out
	 */
	@Nullable SseFrame next() throws IOException {
		String id = null;
		String event = null;
		StringBuilder data = null;
		boolean any = false;
		String line;
		while ((line = this.lines.readLine()) != null) {
			if (line.isEmpty()) {
				if (any) {
					return new SseFrame(id, (event != null) ? event : "message", (data != null) ? data.toString() : "");
				}
				continue;
			}
			any = true;
			if (line.startsWith(":")) {
				continue;
			}
			int colon = line.indexOf(':');
			String field = (colon >= 0) ? line.substring(0, colon) : line;
			String value = (colon >= 0) ? line.substring(colon + 1) : "";
			if (value.startsWith(" ")) {
				value = value.substring(1);
			}
			switch (field) {
				case "id" -> id = value;
				case "event" -> event = value;
				case "data" -> data = (data == null) ? new StringBuilder(value) : data.append('\n').append(value);
				default -> {
					// "retry" and unknown fields are ignored
				}
			}
		}
		return null;
	}

}
