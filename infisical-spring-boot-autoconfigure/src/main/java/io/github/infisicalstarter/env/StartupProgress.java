package io.github.infisicalstarter.env;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Shows start-up retries while they happen. Secrets are loaded before Spring Boot has
 * initialized logging: until then log lines are held back (and dropped if start-up
 * fails), so a server that is down would mean half a minute of silence followed by a
 * failure report or a burst of lines with one timestamp. Each retry and the give-up are
 * therefore written to standard error at once, one timestamped line each, and are not
 * logged a second time. The lines name the call and the cause, never a value.
 *
 * @since 0.1.0
 */
final class StartupProgress {

	private StartupProgress() {
	}

	static void retrying(int attempt, int maxAttempts, Duration elapsed, String cause) {
		print("WARN", "Infisical call failed (attempt " + attempt + " of " + maxAttempts + ", " + seconds(elapsed)
				+ " since the first), retrying: " + cause);
	}

	static void gaveUp(int attempts, Duration elapsed) {
		print("ERROR", "Infisical still failing after " + attempts + " attempts in " + seconds(elapsed)
				+ "; giving up (infisical.retry.max-attempts / infisical.retry.deadline)");
	}

	static String seconds(Duration elapsed) {
		return String.format(java.util.Locale.ROOT, "%.1f s", elapsed.toMillis() / 1000.0);
	}

	private static void print(String level, String message) {
		// looked up on every call: System.err may be replaced (output capture)
		PrintStream err = System.err;
		err.println(Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + level + " [infisical] " + message);
		err.flush();
	}

}
