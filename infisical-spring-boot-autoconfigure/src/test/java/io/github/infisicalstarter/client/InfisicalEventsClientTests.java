package io.github.infisicalstarter.client;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The subscription request as Infisical's event route takes it, and its name in
 * observations.
 */
class InfisicalEventsClientTests {

	@Test
	void bodyCarriesTheProjectAndEachRegistrationWithItsConditions() {
		byte[] body = InfisicalEventsClient.body("p1", List.of(new EventRegistration("secret:update", "dev", "/app/**"),
				new EventRegistration("secret:import-mutation", null, null)));
		assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("{\"projectId\":\"p1\",\"register\":["
				+ "{\"event\":\"secret:update\",\"conditions\":{\"environmentSlug\":\"dev\",\"secretPath\":\"/app/**\"}},"
				+ "{\"event\":\"secret:import-mutation\"}]}");
	}

	@Test
	void theSubscriptionIsObservedAsSubscribe() {
		ApiRequest request = ApiRequest.json(HttpMethod.POST, InfisicalEventsClient.SUBSCRIBE_PATH, "token",
				new byte[0]);
		assertThat(HttpCallObserver.operation(request)).isEqualTo("subscribe");
	}

}
