package io.github.infisicalstarter.observation;

import io.github.infisicalstarter.observation.InfisicalObservationDocumentation.HighCardinalityKeyNames;
import io.github.infisicalstarter.observation.InfisicalObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValues;

/**
 * The default {@link InfisicalObservationConvention}: observations named {@value #NAME},
 * tagged with operation, outcome and HTTP status.
 *
 * @since 0.1.0
 */
public class DefaultInfisicalObservationConvention implements InfisicalObservationConvention {

	/** Name of the observation, and so of the timer Micrometer derives from it. */
	public static final String NAME = "infisical.client.requests";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(InfisicalObservationContext context) {
		return "infisical " + context.getOperation();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(InfisicalObservationContext context) {
		return KeyValues.of(LowCardinalityKeyNames.OPERATION.withValue(context.getOperation()),
				LowCardinalityKeyNames.OUTCOME.withValue(outcome(context)), LowCardinalityKeyNames.STATUS
					.withValue(context.isAnswered() ? Integer.toString(context.getStatus()) : "NONE"));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(InfisicalObservationContext context) {
		String location = context.getLocation();
		return (location != null) ? KeyValues.of(HighCardinalityKeyNames.LOCATION.withValue(location))
				: KeyValues.empty();
	}

	static String outcome(InfisicalObservationContext context) {
		if (!context.isAnswered()) {
			return "IO_ERROR";
		}
		int status = context.getStatus();
		if (status == 304) {
			return "NOT_MODIFIED";
		}
		if (status >= 200 && status < 300) {
			return "SUCCESS";
		}
		return (status >= 500) ? "SERVER_ERROR" : "CLIENT_ERROR";
	}

}
