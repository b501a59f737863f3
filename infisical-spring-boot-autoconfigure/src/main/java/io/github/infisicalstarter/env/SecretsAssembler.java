package io.github.infisicalstarter.env;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import io.github.infisicalstarter.client.ImportedSecrets;
import io.github.infisicalstarter.client.RawSecret;
import io.github.infisicalstarter.client.SecretsResponse;
import io.github.infisicalstarter.config.SecretsLocation;
import org.apache.commons.logging.Log;

import org.springframework.util.PatternMatchUtils;

/**
 * Turns an answer of the list endpoint into the keys and values of a location, the way
 * Infisical's own clients do: the folder's secrets win over imported ones, and imports
 * are merged from the last to the first (a later import overrides an earlier one). With
 * recursion the deeper folder wins a key collision, or sub-folder paths become key
 * prefixes. Then the include/exclude patterns and the location prefix apply. Warnings
 * name keys and paths, never values, and are logged once.
 *
 * @since 0.1.0
 */
final class SecretsAssembler {

	private static final Pattern REFERENCE = Pattern.compile("\\$\\{[a-zA-Z0-9_.\\-]+}");

	private final Log logger;

	private final boolean relaxedNames;

	private final Set<String> warned = ConcurrentHashMap.newKeySet();

	SecretsAssembler(Log logger, boolean relaxedNames) {
		this.logger = logger;
		this.relaxedNames = relaxedNames;
	}

	SecretsSnapshot assemble(SecretsLocation location, SecretsResponse response) {
		Map<String, String> values = new LinkedHashMap<>();
		Map<String, String> origins = new LinkedHashMap<>();
		List<RawSecret> own = new ArrayList<>(response.secrets());
		if (location.recursive()) {
			own.sort(Comparator.comparingInt((RawSecret secret) -> depth(secret.path())));
		}
		for (RawSecret secret : own) {
			String key = location.pathAsPrefix() ? folderPrefix(location, secret.path()) + secret.key() : secret.key();
			String previous = origins.put(key, secret.path());
			if (previous != null && !previous.equals(secret.path())) {
				warnOnce(location, "collision:" + key,
						"Infisical secret '" + key + "' exists in both '" + previous + "' and '" + secret.path()
								+ "' of " + location.describe() + "; using the one in '" + secret.path()
								+ "' (set path-as-prefix=true to keep both)");
			}
			values.put(key, secret.value());
		}
		if (location.includeImports()) {
			List<ImportedSecrets> imports = response.imports();
			for (int i = imports.size() - 1; i >= 0; i--) {
				for (RawSecret secret : imports.get(i).secrets()) {
					values.putIfAbsent(secret.key(), secret.value());
				}
			}
		}
		Map<String, String> selected = new LinkedHashMap<>();
		values.forEach((key, value) -> {
			if (isSelected(location, key)) {
				if (location.expandReferences() && REFERENCE.matcher(value).find()) {
					warnOnce(location, "reference:" + key, "Infisical secret '" + key + "' of " + location.describe()
							+ " holds a reference that the server could not resolve; it is used as it is");
				}
				selected.put(location.prefix() + key, value);
			}
		});
		return new SecretsSnapshot(selected, this.relaxedNames, response.etag());
	}

	private static boolean isSelected(SecretsLocation location, String key) {
		if (!location.include().isEmpty()
				&& !PatternMatchUtils.simpleMatch(location.include().toArray(String[]::new), key)) {
			return false;
		}
		return location.exclude().isEmpty()
				|| !PatternMatchUtils.simpleMatch(location.exclude().toArray(String[]::new), key);
	}

	private static String folderPrefix(SecretsLocation location, String path) {
		String base = location.secretPath();
		String relative = path.startsWith(base) ? path.substring(base.length()) : path;
		StringBuilder prefix = new StringBuilder();
		for (String segment : relative.split("/")) {
			if (!segment.isEmpty()) {
				prefix.append(segment.toLowerCase(Locale.ROOT)).append('.');
			}
		}
		return prefix.toString();
	}

	private static int depth(String path) {
		int depth = 0;
		for (int i = 0; i < path.length(); i++) {
			if (path.charAt(i) == '/' && i + 1 < path.length()) {
				depth++;
			}
		}
		return depth;
	}

	private void warnOnce(SecretsLocation location, String what, String message) {
		if (this.warned.add(location.name() + "|" + what)) {
			this.logger.warn(message);
		}
	}

}
