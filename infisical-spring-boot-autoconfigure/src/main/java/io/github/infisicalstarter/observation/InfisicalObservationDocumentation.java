package io.github.infisicalstarter.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observations of the starter. Tag values are bounded sets (no project ids, paths or
 * keys), so metrics stay low-cardinality; the location is a high-cardinality key, kept
 * for traces only.
 *
 * @since 0.1.0
 */
public enum InfisicalObservationDocumentation implements ObservationDocumentation {

	/**
	 * One HTTP call to Infisical: login, renew, revoke, list, poll and the template
	 * operations.
	 */
	HTTP_CALL {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultInfisicalObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeyNames.values();
		}

	};

	/**
	 * Tags of the metrics and traces.
	 */
	public enum LowCardinalityKeyNames implements KeyName {

		/**
		 * What the call does: {@code login}, {@code renew}, {@code revoke}, {@code list},
		 * {@code poll}, or a template operation ({@code get}, {@code create},
		 * {@code update}, {@code delete}, {@code folders}).
		 */
		OPERATION {
			@Override
			public String asString() {
				return "operation";
			}
		},

		/**
		 * How it ended: {@code SUCCESS}, {@code NOT_MODIFIED}, {@code CLIENT_ERROR},
		 * {@code SERVER_ERROR} or {@code IO_ERROR} (no answer).
		 */
		OUTCOME {
			@Override
			public String asString() {
				return "outcome";
			}
		},

		/**
		 * The HTTP status of the answer, or {@code NONE} when there was none.
		 */
		STATUS {
			@Override
			public String asString() {
				return "status";
			}
		}

	}

	/**
	 * Span attributes only (never metric tags).
	 */
	public enum HighCardinalityKeyNames implements KeyName {

		/**
		 * The location read, as its property source name, for list and poll calls.
		 */
		LOCATION {
			@Override
			public String asString() {
				return "infisical.location";
			}
		}

	}

}
