package io.github.infisicalstarter.events;

import io.github.infisicalstarter.events.EventPlaces.Place;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a change happened, read from Infisical's event data without the keys.
 */
class EventPlacesTests {

	@Test
	void readsEachDistinctPlaceOfASecretEvent() {
		String data = "{\"projectType\":\"secret-manager\",\"data\":{\"eventType\":\"secret:update\",\"payload\":["
				+ "{\"environment\":\"dev\",\"secretPath\":\"/\",\"secretKey\":\"A\"},"
				+ "{\"environment\":\"dev\",\"secretPath\":\"/\",\"secretKey\":\"B\"},"
				+ "{\"environment\":\"prod\",\"secretPath\":\"/db\",\"secretKey\":\"C\"}]}}";
		assertThat(EventPlaces.read(data)).containsExactly(new Place("dev", "/"), new Place("prod", "/db"));
	}

	@Test
	void readsTheSinglePlaceOfAnImportMutation() {
		String data = "{\"projectType\":\"secret-manager\",\"data\":{\"eventType\":\"secret:import-mutation\","
				+ "\"payload\":{\"environment\":\"dev\",\"secretPath\":\"/app\"}}}";
		assertThat(EventPlaces.read(data)).containsExactly(new Place("dev", "/app"));
	}

	@Test
	void unreadableDataHasNoPlace() {
		assertThat(EventPlaces.read("{not json")).isEmpty();
		assertThat(EventPlaces.read("{}")).isEmpty();
	}

}
