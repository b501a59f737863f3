package io.github.infisicalstarter.sample;

/**
 * What the sample shows of its configuration: demo text in full, the password only
 * masked, so neither the HTTP response nor the log ever carries a secret value.
 *
 * @param greeting the secret {@code GREETING}, injected once with {@code @Value}
 * @param appMessage the secret {@code APP_MESSAGE}, from a {@code @RefreshScope} bean
 * @param dbUser {@code db.user}, from the {@code @ConfigurationProperties} bean
 * @param dbPassword {@code db.password}, masked
 */
public record SecretsView(String greeting, String appMessage, String dbUser, String dbPassword) {

	private static final String MASK = "********";

	/**
	 * Mask a secret, keeping only its length so a change is still visible.
	 * @param value the secret
	 * @return the masked form, e.g. {@code ******** (18 chars)}
	 */
	static String mask(String value) {
		return value.isEmpty() ? "(not set)" : MASK + " (" + value.length() + " chars)";
	}

	@Override
	public String toString() {
		return "GREETING='" + this.greeting + "', APP_MESSAGE='" + this.appMessage + "', db.user='" + this.dbUser
				+ "', db.password=" + this.dbPassword;
	}

}
