package io.github.infisicalstarter.events;

import org.jspecify.annotations.Nullable;

/**
 * One Server-Sent Events frame: what came between two blank lines. Its {@code toString()}
 * leaves the data out, since event data names secret keys.
 *
 * @param id the {@code id:} field, or {@code null}
 * @param event the {@code event:} field, {@code message} when absent
 * @param data the {@code data:} lines joined with new lines, empty when absent
 * @since 0.1.0
 */
record SseFrame(@Nullable String id, String event, String data) {

	@Override
	public String toString() {
		return "SseFrame[event=" + this.event + ", id=" + this.id + "]";
	}

}
