package io.github.infisicalstarter.testserver;

import java.util.List;

/**
 * The AWS Auth of a machine identity: when set, the accounts and principal ARNs (with
 * {@code *} wildcards) allowed to log in. The caller's identity comes from the server's
 * fake STS ({@link InfisicalTestServer#awsCredentials}). Token settings are those of
 * {@link #identity()}.
 *
 * @since 0.1.0
 */
public final class AwsAuth {

	private final Identity identity;

	private volatile List<String> allowedAccountIds = List.of();

	private volatile List<String> allowedPrincipalArns = List.of();

	AwsAuth(Identity identity) {
		this.identity = identity;
	}

	/**
	 * Return the identity, to configure its tokens.
	 * @return the identity
	 */
	public Identity identity() {
		return this.identity;
	}

	/**
	 * Allow only these accounts.
	 * @param accountIds the account ids
	 * @return this
	 */
	public AwsAuth allowedAccountIds(String... accountIds) {
		this.allowedAccountIds = List.of(accountIds);
		return this;
	}

	/**
	 * Allow only these principals, e.g. {@code arn:aws:iam::123456789012:role/api} or
	 * {@code arn:aws:iam::123456789012:*}.
	 * @param arns the principal ARNs
	 * @return this
	 */
	public AwsAuth allowedPrincipalArns(String... arns) {
		this.allowedPrincipalArns = List.of(arns);
		return this;
	}

	List<String> allowedAccountIds() {
		return this.allowedAccountIds;
	}

	List<String> allowedPrincipalArns() {
		return this.allowedPrincipalArns;
	}

}
