package io.github.infisicalstarter.observation;

import io.github.infisicalstarter.client.CallObservations;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * {@link CallObservations} over Micrometer's Observation API: one
 * {@link InfisicalObservationDocumentation#HTTP_CALL} observation per call, so metrics
 * and traces both get it.
 *
 * @since 0.1.0
 */
public final class ObservationCallObservations implements CallObservations {

	private static final InfisicalObservationConvention DEFAULT_CONVENTION = new DefaultInfisicalObservationConvention();

	private final ObservationRegistry registry;

	private final @Nullable InfisicalObservationConvention convention;

	/**
	 * Create observations.
	 * @param registry the application's registry
	 * @param convention a custom convention, or {@code null} for the default one
	 */
	public ObservationCallObservations(ObservationRegistry registry,
			@Nullable InfisicalObservationConvention convention) {
		this.registry = registry;
		this.convention = convention;
	}

	@Override
	public Handle start(String operation) {
		InfisicalObservationContext context = new InfisicalObservationContext(operation, null);
		Observation observation = InfisicalObservationDocumentation.HTTP_CALL
			.observation(this.convention, DEFAULT_CONVENTION, () -> context, this.registry)
			.start();
		return new Handle() {

			@Override
			public void status(int status) {
				context.setStatus(status);
			}

			@Override
			public void error(Throwable failure) {
				observation.error(failure);
			}

			@Override
			public void stop() {
				observation.stop();
			}

		};
	}

}
