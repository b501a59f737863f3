package io.github.infisicalstarter.config;

import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;

/**
 * One place to read secrets from, fully resolved: a project, an environment and a folder,
 * with how its keys are selected and named. Equal locations are loaded once.
 *
 * @param projectId project id
 * @param environment environment slug
 * @param secretPath folder, starting with {@code /}, without a trailing slash
 * @param recursive whether sub-folders are included
 * @param includeImports whether imported secrets are merged
 * @param expandReferences whether the server expands references
 * @param pathAsPrefix whether sub-folder paths become key prefixes
 * @param prefix string prepended to every key
 * @param tags tag slugs to filter by
 * @param include key patterns to load
 * @param exclude key patterns to leave out
 * @since 0.1.0
 */
public record SecretsLocation(String projectId, String environment, String secretPath, boolean recursive,
		boolean includeImports, boolean expandReferences, boolean pathAsPrefix, String prefix, List<String> tags,
		List<String> include, List<String> exclude) {

	/**
	 * Prefix of every property source name and of {@code spring.config.import} locations.
	 */
	public static final String PREFIX = "infisical:";

	public SecretsLocation {
		tags = List.copyOf(tags);
		include = List.copyOf(include);
		exclude = List.copyOf(exclude);
	}

	/**
	 * Create a location with the defaults of {@code infisical.*}: not recursive, imports
	 * merged, references expanded, keys as stored.
	 * @param projectId the project id
	 * @param environment the environment slug
	 * @param secretPath the folder
	 * @return the location
	 */
	public static SecretsLocation of(String projectId, String environment, String secretPath) {
		return new SecretsLocation(projectId, environment, secretPath, false, true, true, false, "", List.of(),
				List.of(), List.of());
	}

	/**
	 * Return the stable name of the property source of this location, for example
	 * {@code infisical:657830d5/prod/db}; options that change what is loaded follow as a
	 * query.
	 * @return the property source name
	 */
	public String name() {
		StringJoiner options = new StringJoiner("&", "?", "").setEmptyValue("");
		if (this.recursive) {
			options.add("recursive");
		}
		if (!this.includeImports) {
			options.add("include-imports=false");
		}
		if (!this.expandReferences) {
			options.add("expand-references=false");
		}
		if (this.pathAsPrefix) {
			options.add("path-as-prefix");
		}
		if (!this.prefix.isEmpty()) {
			options.add("prefix=" + this.prefix);
		}
		if (!this.tags.isEmpty()) {
			options.add("tags=" + String.join(";", this.tags));
		}
		if (!this.include.isEmpty()) {
			options.add("include=" + String.join(";", this.include));
		}
		if (!this.exclude.isEmpty()) {
			options.add("exclude=" + String.join(";", this.exclude));
		}
		return PREFIX + this.projectId + "/" + this.environment + this.secretPath + options;
	}

	/**
	 * Describe the location for messages: project, environment and path.
	 * @return a short description
	 */
	public String describe() {
		return "project '" + this.projectId + "', environment '" + this.environment + "', path '" + this.secretPath
				+ "'";
	}

	// equals and hashCode written out: the generated ones are bootstrapped through
	// invokedynamic on first use, a few milliseconds of every start-up (locations are
	// hashed while the first secrets load)

	@Override
	public boolean equals(@Nullable Object other) {
		if (this == other) {
			return true;
		}
		return other instanceof SecretsLocation that && this.recursive == that.recursive
				&& this.includeImports == that.includeImports && this.expandReferences == that.expandReferences
				&& this.pathAsPrefix == that.pathAsPrefix && this.projectId.equals(that.projectId)
				&& this.environment.equals(that.environment) && this.secretPath.equals(that.secretPath)
				&& this.prefix.equals(that.prefix) && this.tags.equals(that.tags) && this.include.equals(that.include)
				&& this.exclude.equals(that.exclude);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.projectId, this.environment, this.secretPath, this.recursive, this.includeImports,
				this.expandReferences, this.pathAsPrefix, this.prefix, this.tags, this.include, this.exclude);
	}

	@Override
	public String toString() {
		return name();
	}

}
