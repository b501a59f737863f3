package io.github.infisicalstarter.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observations of Infisical calls; declare a bean of this type to
 * change them.
 *
 * @since 0.1.0
 */
public interface InfisicalObservationConvention extends ObservationConvention<InfisicalObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof InfisicalObservationContext;
	}

}
