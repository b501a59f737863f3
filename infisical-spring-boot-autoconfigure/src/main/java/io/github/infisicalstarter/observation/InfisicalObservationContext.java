package io.github.infisicalstarter.observation;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * The context of one {@link InfisicalObservationDocumentation#HTTP_CALL} observation:
 * what the call was and how it ended. It never holds a request or answer body, a token or
 * a secret.
 *
 * @since 0.1.0
 */
public class InfisicalObservationContext extends Observation.Context {

	private final String operation;

	private final @Nullable String location;

	private int status;

	private boolean answered;

	/**
	 * Create a context.
	 * @param operation what the call does, e.g. {@code login}
	 * @param location the property source name of the location read, or {@code null}
	 */
	public InfisicalObservationContext(String operation, @Nullable String location) {
		this.operation = operation;
		this.location = location;
	}

	public String getOperation() {
		return this.operation;
	}

	public @Nullable String getLocation() {
		return this.location;
	}

	/**
	 * Record the HTTP status of the answer.
	 * @param status the status
	 */
	public void setStatus(int status) {
		this.status = status;
		this.answered = true;
	}

	/**
	 * Return the HTTP status of the answer.
	 * @return the status, or 0 when there was no answer
	 */
	public int getStatus() {
		return this.status;
	}

	/**
	 * Whether an answer arrived (even an error).
	 * @return {@code false} for I/O failures
	 */
	public boolean isAnswered() {
		return this.answered;
	}

}
