package io.github.infisicalstarter.sample;

/**
 * Holds the secret {@code APP_MESSAGE}. {@link AppMessageConfiguration} declares it
 * {@code @RefreshScope}, so when the starter sees the secret change the bean is rebuilt
 * with the new value, while plain {@code @Value} injection elsewhere keeps the value read
 * at start-up.
 */
public class AppMessage {

	private final String text;

	AppMessage(String text) {
		this.text = text;
	}

	public String text() {
		return this.text;
	}

}
