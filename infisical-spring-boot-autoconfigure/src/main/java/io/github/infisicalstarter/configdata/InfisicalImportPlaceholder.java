package io.github.infisicalstarter.configdata;

import org.jspecify.annotations.Nullable;

import org.springframework.core.env.EnumerablePropertySource;

/**
 * Marks where an {@code infisical:} import sits among the property sources. Spring Boot
 * resolves imports before profile-specific files are loaded, so
 * {@code infisical.environment} set in {@code application-prod.yml} would not be visible
 * yet. The import therefore only reserves its position here; right after config data
 * processing {@code InfisicalEnvironmentPostProcessor} resolves it against the complete
 * environment and replaces this empty source with the secrets.
 *
 * @since 0.1.0
 */
public final class InfisicalImportPlaceholder extends EnumerablePropertySource<String> {

	/** Prefix of placeholder names. */
	public static final String NAME_PREFIX = "infisical-import ";

	private final boolean optional;

	InfisicalImportPlaceholder(String location, boolean optional) {
		super(NAME_PREFIX + location, location);
		this.optional = optional;
	}

	/**
	 * Return the import location, such as {@code infisical:/db?environment=prod}.
	 * @return the location without its {@code optional:} prefix
	 */
	public String getLocation() {
		return getSource();
	}

	/**
	 * Whether the import was marked {@code optional:}.
	 * @return {@code true} for optional imports
	 */
	public boolean isOptional() {
		return this.optional;
	}

	@Override
	public @Nullable Object getProperty(String name) {
		return null;
	}

	@Override
	public String[] getPropertyNames() {
		return new String[0];
	}

}
