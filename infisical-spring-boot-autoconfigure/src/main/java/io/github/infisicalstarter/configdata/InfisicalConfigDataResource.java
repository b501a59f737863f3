package io.github.infisicalstarter.configdata;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.config.ConfigDataResource;

/**
 * One {@code infisical:} import. A pure value: equal imports are loaded once.
 *
 * @since 0.1.0
 */
public final class InfisicalConfigDataResource extends ConfigDataResource {

	private final String location;

	private final boolean optional;

	InfisicalConfigDataResource(String location, boolean optional) {
		super(optional);
		this.location = location;
		this.optional = optional;
	}

	/**
	 * Return the import location without its {@code optional:} prefix.
	 * @return the location
	 */
	public String getLocation() {
		return this.location;
	}

	/**
	 * Whether failing to load this location is only a warning.
	 * @return {@code true} for {@code optional:infisical:} imports
	 */
	public boolean isOptional() {
		return this.optional;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return this == other || (other instanceof InfisicalConfigDataResource resource
				&& this.location.equals(resource.location) && this.optional == resource.optional);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.location, this.optional);
	}

	@Override
	public String toString() {
		return this.location;
	}

}
