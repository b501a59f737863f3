package io.github.infisicalstarter.client;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Reads how long a rate-limited client should wait: the {@code Retry-After} header in
 * seconds or as an HTTP date, else the "try again in N seconds" that Infisical puts in
 * its message.
 *
 * @since 0.1.0
 */
final class RetryAfter {

	private static final Pattern MESSAGE = Pattern.compile("try again in (\\d+) second", Pattern.CASE_INSENSITIVE);

	private RetryAfter() {
	}

	static @Nullable Duration parse(@Nullable String header, @Nullable String message) {
		if (header != null && !header.isBlank()) {
			String value = header.trim();
			try {
				return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
			}
			catch (NumberFormatException ex) {
				try {
					Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
					Duration wait = Duration.between(Instant.now(), at);
					return wait.isNegative() ? Duration.ZERO : wait;
				}
				catch (DateTimeParseException ignored) {
					// fall back to the message
				}
			}
		}
		if (message != null) {
			Matcher matcher = MESSAGE.matcher(message);
			if (matcher.find()) {
				return Duration.ofSeconds(Long.parseLong(matcher.group(1)));
			}
		}
		return null;
	}

}
