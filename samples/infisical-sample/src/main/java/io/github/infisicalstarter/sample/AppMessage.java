package io.github.infisicalstarter.sample;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.context.config.annotation.RefreshScope;
import org.springframework.stereotype.Component;

/**
 * Holds the secret {@code APP_MESSAGE}. It is {@code @RefreshScope}, so when the starter
 * sees the secret change the bean is rebuilt with the new value, while plain
 * {@code @Value} injection elsewhere keeps the value read at start-up.
 */
@Component
@RefreshScope
public class AppMessage {

	private final String text;

	public AppMessage(@Value("${APP_MESSAGE:(APP_MESSAGE is not set)}") String text) {
		this.text = text;
	}

	public String text() {
		return this.text;
	}

}
