package io.github.infisicalstarter.config;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.infisicalstarter.config.InfisicalProperties.Location;
import org.jspecify.annotations.Nullable;

/**
 * Checks bound {@code infisical.*} properties before anything is sent to the server, so
 * that a mistake is reported as the property at fault rather than as the server's answer
 * to it:
 * <ul>
 * <li>an unresolved placeholder such as {@code ${INFISICAL_CLIENT_ID}} (the variable is
 * not set) would otherwise be sent as the credential itself and come back as a 401;</li>
 * <li>durations, ratios and counts outside their range would otherwise start a tight poll
 * loop or a token that is never renewed.</li>
 * </ul>
 * Messages name the property and, for placeholders, the missing variable, never a value.
 *
 * @since 0.1.0
 */
final class InfisicalPropertiesValidation {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]*)");

	private InfisicalPropertiesValidation() {
	}

	static void validate(InfisicalProperties p) {
		checkPlaceholders(p);
		checkRanges(p);
	}

	private static void checkPlaceholders(InfisicalProperties p) {
		placeholder("site-url", p.siteUrl());
		placeholder("client-id", p.clientId());
		placeholder("client-secret", p.clientSecret());
		placeholder("project-id", p.projectId());
		placeholder("environment", p.environment());
		placeholder("secret-path", p.secretPath());
		placeholder("prefix", p.prefix());
		placeholder("ssl.bundle", p.ssl().bundle());
		placeholders("tags", p.tags());
		placeholders("include", p.include());
		placeholders("exclude", p.exclude());
		for (int i = 0; i < p.locations().size(); i++) {
			Location location = p.locations().get(i);
			String name = "locations[" + i + "].";
			placeholder(name + "project-id", location.projectId());
			placeholder(name + "environment", location.environment());
			placeholder(name + "secret-path", location.secretPath());
			placeholder(name + "prefix", location.prefix());
			placeholders(name + "tags", location.tags());
			placeholders(name + "include", location.include());
			placeholders(name + "exclude", location.exclude());
		}
	}

	private static void placeholders(String name, @Nullable List<String> values) {
		if (values != null) {
			for (int i = 0; i < values.size(); i++) {
				placeholder(name + "[" + i + "]", values.get(i));
			}
		}
	}

	private static void placeholder(String name, @Nullable String value) {
		String variable = unresolvedPlaceholder(value);
		if (variable != null) {
			throw unresolved(InfisicalProperties.PREFIX + "." + name, variable);
		}
	}

	/**
	 * Return the name inside the first {@code ${…}} placeholder left in a value: Spring
	 * leaves a placeholder as it is when nothing defines its name.
	 * @param value the bound value
	 * @return the placeholder's name, or {@code null} when the value holds none
	 */
	static @Nullable String unresolvedPlaceholder(@Nullable String value) {
		if (value == null) {
			return null;
		}
		Matcher matcher = PLACEHOLDER.matcher(value);
		return matcher.find() ? matcher.group(1).trim() : null;
	}

	/**
	 * Report a placeholder that nothing defines.
	 * @param property where the placeholder was written
	 * @param variable the name inside the placeholder
	 * @return the exception
	 */
	static InfisicalConfigurationException unresolved(String property, String variable) {
		return new InfisicalConfigurationException(property,
				"Infisical property '" + property + "' refers to '${" + variable + "}', but nothing defines '"
						+ variable + "'.",
				"Set the environment variable or property " + variable + " (or give " + property
						+ " a value of its own).");
	}

	private static void checkRanges(InfisicalProperties p) {
		positive("http.connect-timeout", p.http().connectTimeout(), "");
		positive("http.read-timeout", p.http().readTimeout(), "");
		double renewAt = p.token().renewAt();
		if (!(renewAt > 0 && renewAt < 1)) {
			throw outOfRange("token.renew-at", String.valueOf(renewAt),
					"must lie between 0 and 1 (exclusive): it is the share of a token's lifetime after which the token is renewed",
					"Set infisical.token.renew-at to a value such as 0.66.");
		}
		positive("refresh.interval", p.refresh().interval(),
				"; to switch polling off set infisical.refresh.enabled=false");
		notNegative("refresh.jitter", p.refresh().jitter());
		positive("refresh.events.safety-interval", p.refresh().events().safetyInterval(), "");
		positive("refresh.events.ping-interval", p.refresh().events().pingInterval(), "");
		int attempts = p.retry().maxAttempts();
		if (attempts < 1) {
			throw outOfRange("retry.max-attempts", String.valueOf(attempts),
					"must be at least 1 (the first attempt counts; 1 means no retry)",
					"Set infisical.retry.max-attempts to 1 or more.");
		}
		positive("retry.initial-interval", p.retry().initialInterval(), "");
		double multiplier = p.retry().multiplier();
		if (!(multiplier >= 1)) {
			throw outOfRange("retry.multiplier", String.valueOf(multiplier),
					"must be at least 1 (the factor by which each delay grows)",
					"Set infisical.retry.multiplier to 1 or more, e.g. 1.5.");
		}
		positive("retry.max-interval", p.retry().maxInterval(), "");
		positive("retry.deadline", p.retry().deadline(), "");
	}

	private static void positive(String name, @Nullable Duration value, String hint) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw outOfRange(name, format(value), "must be a positive duration" + hint,
					"Set infisical." + name + " to a positive duration such as 5s.");
		}
	}

	private static void notNegative(String name, @Nullable Duration value) {
		if (value == null || value.isNegative()) {
			throw outOfRange(name, format(value), "must be zero or a positive duration",
					"Set infisical." + name + " to 0s or a positive duration.");
		}
	}

	private static String format(@Nullable Duration value) {
		if (value == null) {
			return "not set";
		}
		long millis = value.toMillis();
		return (millis % 1000 == 0) ? (millis / 1000) + "s" : millis + "ms";
	}

	private static InfisicalConfigurationException outOfRange(String name, String value, String range, String action) {
		String property = InfisicalProperties.PREFIX + "." + name;
		return new InfisicalConfigurationException(property,
				"Infisical property '" + property + "' is " + value + " but " + range + ".", action);
	}

}
