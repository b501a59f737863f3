package io.github.infisicalstarter.client;

/**
 * Where {@link HttpCallObserver} reports calls once the application can observe them;
 * implemented over Micrometer's Observation API in
 * {@code io.github.infisicalstarter.observation}, so this package needs no Micrometer
 * type.
 *
 * @since 0.1.0
 */
public interface CallObservations {

	/**
	 * Start observing a call.
	 * @param operation what the call does, e.g. {@code login} or {@code poll}
	 * @return the handle that completes the observation
	 */
	Handle start(String operation);

	/**
	 * One observed call.
	 */
	interface Handle {

		/**
		 * Record the HTTP status of the answer.
		 * @param status the status
		 */
		void status(int status);

		/**
		 * Record the failure of the call.
		 * @param failure the failure
		 */
		void error(Throwable failure);

		/**
		 * End the observation.
		 */
		void stop();

	}

}
