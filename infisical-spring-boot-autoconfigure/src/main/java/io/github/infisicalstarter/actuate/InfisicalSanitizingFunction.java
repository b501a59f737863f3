package io.github.infisicalstarter.actuate;

import java.util.Locale;

import io.github.infisicalstarter.env.InfisicalPropertySource;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.core.env.PropertySource;

/**
 * Masks every value that came from Infisical, and {@code infisical.client-secret} and
 * {@code infisical.webhook.secret} wherever they came from, in {@code /actuator/env} and
 * {@code /actuator/configprops}, even when {@code show-values} is {@code ALWAYS}.
 *
 * @since 0.1.0
 */
public final class InfisicalSanitizingFunction implements SanitizingFunction {

	@Override
	public SanitizableData apply(SanitizableData data) {
		PropertySource<?> source = data.getPropertySource();
		if (source != null && InfisicalPropertySource.isInfisical(source)) {
			return data.withSanitizedValue();
		}
		// infisical.client-secret, infisical.clientSecret, INFISICAL_CLIENT_SECRET, ...
		String key = data.getKey().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
		if (key.endsWith("clientsecret") || key.endsWith("webhook.secret") || key.endsWith("webhooksecret")) {
			return data.withSanitizedValue();
		}
		return data;
	}

}
