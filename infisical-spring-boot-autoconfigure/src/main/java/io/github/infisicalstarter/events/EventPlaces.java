package io.github.infisicalstarter.events;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads where a change happened from the data of an Infisical project event
 * ({@code {"projectType":…,"data":{"eventType":…,"payload":…}}}, the payload one
 * {@code {environment, secretPath}} or a list of them with a {@code secretKey} each).
 * Keys are skipped unread, so they never reach a notice, a log line or another instance.
 *
 * @since 0.1.0
 */
final class EventPlaces {

	private static final JsonFactory FACTORY = JsonFactory.builder().build();

	private EventPlaces() {
	}

	/**
	 * Return the distinct places of an event's data.
	 * @param data the {@code data:} of the frame
	 * @return the places, empty when the data has none or is unreadable (the caller then
	 * re-reads the whole project)
	 */
	static Set<Place> read(String data) {
		Set<Place> places = new LinkedHashSet<>();
		Deque<@Nullable String[]> objects = new ArrayDeque<>();
		try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), data)) {
			for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
				if (token == JsonToken.PROPERTY_NAME) {
					String name = parser.currentName();
					token = parser.nextToken();
					if (token == JsonToken.VALUE_STRING && !objects.isEmpty()) {
						if ("environment".equals(name)) {
							objects.peek()[0] = parser.getString();
						}
						else if ("secretPath".equals(name)) {
							objects.peek()[1] = parser.getString();
						}
					}
				}
				if (token == JsonToken.START_OBJECT) {
					objects.push(new String[2]);
				}
				else if (token == JsonToken.END_OBJECT && !objects.isEmpty()) {
					@Nullable String[] place = objects.pop();
					if (place[0] != null || place[1] != null) {
						places.add(new Place(place[0], place[1]));
					}
				}
			}
		}
		catch (JacksonException ex) {
			return Set.of();
		}
		return places;
	}

	/**
	 * Where a change happened.
	 *
	 * @param environment the environment slug, or {@code null}
	 * @param secretPath the folder, or {@code null}
	 */
	record Place(@Nullable String environment, @Nullable String secretPath) {

	}

}
