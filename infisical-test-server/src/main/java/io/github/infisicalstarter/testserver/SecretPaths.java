package io.github.infisicalstarter.testserver;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Folder paths as Infisical treats them: {@code /} by default, no trailing slash,
 * segments of letters, digits, dashes and underscores only.
 */
final class SecretPaths {

	static final String ROOT = "/";

	private static final Pattern SEGMENT = Pattern.compile("[a-zA-Z0-9_-]+");

	private SecretPaths() {
	}

	/**
	 * Normalize a path.
	 * @param path the path, {@code null} for the root
	 * @return the normalized path, or {@code null} when a segment has other characters
	 */
	static @Nullable String normalize(@Nullable String path) {
		if (path == null) {
			return ROOT;
		}
		List<String> segments = new ArrayList<>();
		for (String segment : path.split("/")) {
			if (segment.isEmpty()) {
				continue;
			}
			if (!SEGMENT.matcher(segment).matches()) {
				return null;
			}
			segments.add(segment);
		}
		return ROOT + String.join("/", segments);
	}

	/**
	 * Normalize a path given through the server's API, rejecting bad ones.
	 * @param path the path
	 * @return the normalized path
	 */
	static String require(String path) {
		String normalized = normalize(path);
		if (normalized == null) {
			throw new IllegalArgumentException("Invalid secret path '" + path
					+ "': only letters, digits, dashes and underscores are allowed in folder names");
		}
		return normalized;
	}

	static @Nullable String parent(String path) {
		if (ROOT.equals(path)) {
			return null;
		}
		int slash = path.lastIndexOf('/');
		return (slash == 0) ? ROOT : path.substring(0, slash);
	}

	/**
	 * Whether a path is the same as or below another.
	 * @param path the path to test
	 * @param ancestor the possible ancestor
	 * @return {@code true} when {@code path} is {@code ancestor} or inside it
	 */
	static boolean within(String path, String ancestor) {
		return ROOT.equals(ancestor) || path.equals(ancestor) || path.startsWith(ancestor + "/");
	}

}
