package io.github.infisicalstarter;

import org.jspecify.annotations.Nullable;

/**
 * Base exception of the starter. Its message is one plain sentence saying what went wrong
 * and {@link #getAction()} names the property or step that fixes it, so a failure
 * analyzer can report both without a stack trace. Messages never contain secret values,
 * client secrets or tokens, and causes are only attached when their own messages are
 * equally safe.
 *
 * @since 0.1.0
 */
public class InfisicalException extends RuntimeException {

	private final String action;

	/**
	 * Create a new exception.
	 * @param message what went wrong, naming the URL, project, environment or path
	 * involved
	 * @param action what the user can do about it
	 * @param cause a cause whose message holds no secret, or {@code null}
	 */
	public InfisicalException(String message, String action, @Nullable Throwable cause) {
		super(message, cause);
		this.action = action;
	}

	/**
	 * Return the property or step that fixes the problem.
	 * @return the suggested action
	 */
	public String getAction() {
		return this.action;
	}

}
