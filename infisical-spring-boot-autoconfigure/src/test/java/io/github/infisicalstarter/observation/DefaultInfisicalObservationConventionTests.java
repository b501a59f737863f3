package io.github.infisicalstarter.observation;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unit tests of {@link DefaultInfisicalObservationConvention} with a
 * {@link TestObservationRegistry}.
 */
class DefaultInfisicalObservationConventionTests {

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final DefaultInfisicalObservationConvention convention = new DefaultInfisicalObservationConvention();

	@Test
	void answeredCallIsTaggedWithOperationOutcomeAndStatus() {
		observe("list", "infisical:p/dev/", 304);
		assertThat(this.registry).hasObservationWithNameEqualTo("infisical.client.requests")
			.that()
			.hasContextualNameEqualTo("infisical list")
			.hasLowCardinalityKeyValue("operation", "list")
			.hasLowCardinalityKeyValue("outcome", "NOT_MODIFIED")
			.hasLowCardinalityKeyValue("status", "304")
			.hasHighCardinalityKeyValue("infisical.location", "infisical:p/dev/");
	}

	@Test
	void outcomes() {
		assertThat(outcome(200)).isEqualTo("SUCCESS");
		assertThat(outcome(401)).isEqualTo("CLIENT_ERROR");
		assertThat(outcome(503)).isEqualTo("SERVER_ERROR");
		InfisicalObservationContext unanswered = new InfisicalObservationContext("login", null);
		assertThat(this.convention.getLowCardinalityKeyValues(unanswered)).contains(KeyValue.of("outcome", "IO_ERROR"),
				KeyValue.of("status", "NONE"));
		assertThat(this.convention.getHighCardinalityKeyValues(unanswered)).isEmpty();
	}

	private String outcome(int status) {
		InfisicalObservationContext context = new InfisicalObservationContext("renew", null);
		context.setStatus(status);
		return DefaultInfisicalObservationConvention.outcome(context);
	}

	private void observe(String operation, String location, int status) {
		InfisicalObservationContext context = new InfisicalObservationContext(operation, location);
		Observation observation = InfisicalObservationDocumentation.HTTP_CALL
			.observation(null, this.convention, () -> context, this.registry)
			.start();
		context.setStatus(status);
		observation.stop();
	}

}
