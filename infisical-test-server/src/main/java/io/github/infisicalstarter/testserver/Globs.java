package io.github.infisicalstarter.testserver;

import java.util.regex.Pattern;

/**
 * Folder globs as Infisical matches them with picomatch (webhook folders, event
 * subscription conditions): {@code **} any folders, also none, so that a trailing
 * {@code /**} matches the folder itself; {@code *} and {@code ?} within one folder; a
 * trailing slash matches too ({@code strictSlashes: false}).
 */
final class Globs {

	private Globs() {
	}

	static Pattern picomatch(String glob) {
		String trimmed = (glob.length() > 1 && glob.endsWith("/")) ? glob.substring(0, glob.length() - 1) : glob;
		StringBuilder regex = new StringBuilder();
		for (int i = 0; i < trimmed.length(); i++) {
			char c = trimmed.charAt(i);
			if (trimmed.startsWith("/**", i) && i + 3 == trimmed.length()) {
				regex.append("(/.*)?");
				i += 2;
			}
			else if (trimmed.startsWith("**", i)) {
				regex.append(".*");
				i++;
			}
			else if (c == '*') {
				regex.append("[^/]*");
			}
			else if (c == '?') {
				regex.append("[^/]");
			}
			else {
				regex.append(Pattern.quote(String.valueOf(c)));
			}
		}
		return Pattern.compile(regex + "/?");
	}

}
