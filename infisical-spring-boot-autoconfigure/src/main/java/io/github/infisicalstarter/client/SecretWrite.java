package io.github.infisicalstarter.client;

/**
 * What a write did. Under an approval policy Infisical does not change the secret but
 * opens a change request, so a caller must look at which of the two it got instead of
 * assuming the write happened.
 *
 * @since 0.1.0
 */
public sealed interface SecretWrite permits SecretWrite.Applied, SecretWrite.ApprovalRequested {

	/**
	 * Whether the secret was changed now.
	 * @return {@code true} for {@link Applied}
	 */
	default boolean isApplied() {
		return this instanceof Applied;
	}

	/**
	 * The write was applied.
	 *
	 * @param secret the secret as Infisical answered the write (an update's answer
	 * carries only the fields it changed: read the secret again for its full state)
	 */
	record Applied(InfisicalSecret secret) implements SecretWrite {

	}

	/**
	 * The environment has an approval policy: Infisical opened a change request that an
	 * approver must accept before the secret changes.
	 *
	 * @param approvalId the id of the change request
	 * @param status its status, e.g. {@code open}
	 */
	record ApprovalRequested(String approvalId, String status) implements SecretWrite {

	}

}
