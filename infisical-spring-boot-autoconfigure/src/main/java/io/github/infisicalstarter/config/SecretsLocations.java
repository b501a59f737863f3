package io.github.infisicalstarter.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.github.infisicalstarter.config.InfisicalProperties.Location;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * Turns configuration into {@link SecretsLocation}s: the default location of
 * {@code infisical.*}, the {@code infisical.locations[]} list, and
 * {@code spring.config.import} locations such as
 * {@code infisical:/db?environment=prod&prefix=db.}. Unset values are inherited from
 * {@code infisical.*}; required values are checked here so that the message names the
 * property.
 *
 * @since 0.1.0
 */
public final class SecretsLocations {

	private static final Pattern PATH_SEGMENT = Pattern.compile("[a-zA-Z0-9_-]+");

	private SecretsLocations() {
	}

	/**
	 * Return the locations of the zero-configuration entry point:
	 * {@code infisical.locations} when set, else the one location described by
	 * {@code infisical.*}.
	 * @param properties the bound properties
	 * @return the locations with their optional flag, in precedence order (last wins)
	 */
	public static List<OptionalLocation> fromProperties(InfisicalProperties properties) {
		if (properties.locations().isEmpty()) {
			return List.of(new OptionalLocation(base(properties), false));
		}
		List<OptionalLocation> result = new ArrayList<>();
		for (int i = 0; i < properties.locations().size(); i++) {
			Location location = properties.locations().get(i);
			String source = "infisical.locations[" + i + "]";
			result.add(new OptionalLocation(
					build(properties, new Source(source, (option) -> source + "." + option), location.projectId(),
							location.environment(), location.secretPath(), location.recursive(),
							location.includeImports(), location.expandReferences(), location.pathAsPrefix(),
							location.prefix(), location.tags(), location.include(), location.exclude()),
					location.optional()));
		}
		return result;
	}

	/**
	 * Parse a {@code spring.config.import} location, without its {@code optional:}
	 * prefix. Options are the documented kebab-case names (camelCase spellings of them
	 * are read too, as Spring Boot reads property names); anything else is refused,
	 * listing the documented names.
	 * @param location the location, starting with {@code infisical:}
	 * @param properties the bound properties to inherit from
	 * @return the resolved location
	 */
	public static SecretsLocation fromImport(String location, InfisicalProperties properties) {
		String spec = location.substring(SecretsLocation.PREFIX.length()).trim();
		String path = spec;
		String where = "Infisical location '" + location + "' in spring.config.import";
		Map<String, String> options = new LinkedHashMap<>();
		int query = spec.indexOf('?');
		if (query >= 0) {
			path = spec.substring(0, query);
			for (String pair : spec.substring(query + 1).split("&")) {
				if (!pair.isEmpty()) {
					int eq = pair.indexOf('=');
					String written = ((eq >= 0) ? pair.substring(0, eq) : pair).trim();
					String key = OPTIONS.get(normalize(written));
					if (key == null) {
						throw new InfisicalConfigurationException("spring.config.import",
								"Unknown option '" + written + "' in " + where + ".",
								"Use only these options: " + String.join(", ", OPTIONS.values()) + ".");
					}
					String value = (eq >= 0) ? pair.substring(eq + 1) : "true";
					String variable = InfisicalPropertiesValidation.unresolvedPlaceholder(value);
					if (variable != null) {
						throw unresolvedInImport(where, key, variable);
					}
					options.put(key, value);
				}
			}
		}
		String variable = InfisicalPropertiesValidation.unresolvedPlaceholder(path);
		if (variable != null) {
			throw unresolvedInImport(where, "secret-path", variable);
		}
		String secretPath = StringUtils.hasText(path) ? path : options.get("secret-path");
		Source source = new Source("'" + location + "' in spring.config.import",
				(option) -> "the " + option + " option of '" + location + "'");
		return build(properties, source, options.get("project-id"), options.get("environment"), secretPath,
				bool(options, "recursive"), bool(options, "include-imports"), bool(options, "expand-references"),
				bool(options, "path-as-prefix"), options.get("prefix"), list(options.get("tags")),
				list(options.get("include")), list(options.get("exclude")));
	}

	/** The documented options, by their normalized spelling. */
	private static final Map<String, String> OPTIONS = new LinkedHashMap<>();

	static {
		for (String option : List.of("project-id", "environment", "secret-path", "recursive", "include-imports",
				"expand-references", "path-as-prefix", "prefix", "tags", "include", "exclude")) {
			OPTIONS.put(normalize(option), option);
		}
	}

	private static InfisicalConfigurationException unresolvedInImport(String where, String option, String variable) {
		return new InfisicalConfigurationException(
				"spring.config.import", "The " + option + " of " + where + " refers to '${" + variable
						+ "}', but nothing defines '" + variable + "'.",
				"Set the environment variable or property " + variable + ".");
	}

	private static SecretsLocation base(InfisicalProperties properties) {
		return build(properties, new Source("infisical.*", null), null, null, null, null, null, null, null, null, null,
				null, null);
	}

	private static SecretsLocation build(InfisicalProperties p, Source source, @Nullable String projectId,
			@Nullable String environment, @Nullable String secretPath, @Nullable Boolean recursive,
			@Nullable Boolean includeImports, @Nullable Boolean expandReferences, @Nullable Boolean pathAsPrefix,
			@Nullable String prefix, @Nullable List<String> tags, @Nullable List<String> include,
			@Nullable List<String> exclude) {
		String project = required(or(projectId, p.projectId()), "project-id", source,
				"the id of the Infisical project (Project Settings > Project ID)");
		String env = required(or(environment, p.environment()), "environment", source,
				"the slug of the environment to read, e.g. dev or prod");
		return new SecretsLocation(project.trim(), env.trim(), path(or(secretPath, p.secretPath()), source.name()),
				or(recursive, p.recursive()), or(includeImports, p.includeImports()),
				or(expandReferences, p.expandReferences()), or(pathAsPrefix, p.pathAsPrefix()), or(prefix, p.prefix()),
				or(tags, p.tags()), or(include, p.include()), or(exclude, p.exclude()));
	}

	private static String required(@Nullable String value, String name, Source source, String what) {
		if (!StringUtils.hasText(value)) {
			String property = "infisical." + name;
			Function<String, String> option = source.option();
			if (option == null) {
				throw new InfisicalConfigurationException(property, "Infisical property '" + property + "' is not set.",
						"Set " + property + " to " + what + ".");
			}
			String own = option.apply(name);
			throw new InfisicalConfigurationException(property, "Infisical location " + source.name() + " has no "
					+ name + ": neither " + own + " nor " + property + " is set.",
					"Set " + own + " or " + property + " to " + what + ".");
		}
		return value;
	}

	static String path(@Nullable String value, String source) {
		String path = StringUtils.hasText(value) ? value.trim() : "/";
		if (!path.startsWith("/")) {
			path = "/" + path;
		}
		while (path.length() > 1 && path.endsWith("/")) {
			path = path.substring(0, path.length() - 1);
		}
		if (!path.equals("/")) {
			for (String segment : path.substring(1).split("/")) {
				if (!PATH_SEGMENT.matcher(segment).matches()) {
					throw new InfisicalConfigurationException("infisical.secret-path",
							"Infisical secret path '" + path + "' (from " + source
									+ ") is invalid: folder names may only hold letters, digits, '-' and '_'.",
							"Set infisical.secret-path to a folder path such as / or /backend/db.");
				}
			}
		}
		return path;
	}

	private static String normalize(String key) {
		return key.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT).trim();
	}

	private static @Nullable Boolean bool(Map<String, String> options, String key) {
		String value = options.get(key);
		return (value != null) ? Boolean.valueOf(value.trim()) : null;
	}

	private static @Nullable List<String> list(@Nullable String value) {
		if (value == null) {
			return null;
		}
		return Arrays.stream(value.split("[;+]")).map(String::trim).filter(StringUtils::hasText).toList();
	}

	private static <T> T or(@Nullable T value, T fallback) {
		return (value != null) ? value : fallback;
	}

	/**
	 * Where a location was configured, for messages.
	 *
	 * @param name how messages name the location
	 * @param option how messages name one of its own settings, or {@code null} for the
	 * location of {@code infisical.*} itself
	 */
	private record Source(String name, @Nullable Function<String, String> option) {

	}

	/**
	 * A location and whether failing to load it is only a warning.
	 *
	 * @param location the location
	 * @param optional whether it is optional
	 */
	public record OptionalLocation(SecretsLocation location, boolean optional) {

	}

}
