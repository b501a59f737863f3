package io.github.infisicalstarter.env;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Derives the dotted, lower-case name under which an environment-variable-style key is
 * also readable, the way Spring Boot binds {@code DB_PASSWORD} from the OS environment to
 * {@code db.password}. A leading prefix that is not env-var style (such as {@code db.})
 * is kept as it is.
 *
 * @since 0.1.0
 */
final class RelaxedNames {

	private RelaxedNames() {
	}

	static @Nullable String alias(String key) {
		int start = key.lastIndexOf('.') + 1;
		String tail = key.substring(start);
		if (tail.isEmpty() || !isEnvironmentStyle(tail)) {
			return null;
		}
		String alias = key.substring(0, start) + tail.toLowerCase(Locale.ROOT).replace('_', '.');
		return alias.equals(key) ? null : alias;
	}

	private static boolean isEnvironmentStyle(String name) {
		boolean letter = false;
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c >= 'A' && c <= 'Z') {
				letter = true;
			}
			else if (!(c >= '0' && c <= '9') && c != '_') {
				return false;
			}
		}
		return letter && name.charAt(0) != '_' && name.charAt(name.length() - 1) != '_' && !name.contains("__");
	}

}
