package io.github.infisicalstarter.configdata;

import java.util.Objects;

import io.github.infisicalstarter.config.SecretsLocation;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.config.ConfigDataResource;

/**
 * One {@code infisical:} import, resolved to a {@link SecretsLocation}. A pure value: equal
 * resources are loaded once.
 *
 * @since 0.1.0
 */
public final class InfisicalConfigDataResource extends ConfigDataResource {

	private final SecretsLocation location;

	private final boolean optional;

	InfisicalConfigDataResource(SecretsLocation location, boolean optional) {
		super(optional);
		this.location = location;
		this.optional = optional;
	}

	/**
	 * Whether failing to load this location is only a warning.
	 * @return {@code true} for {@code optional:infisical:} imports
	 */
	public boolean isOptional() {
		return this.optional;
	}

	/**
	 * Return the location to load.
	 * @return the location
	 */
	public SecretsLocation getLocation() {
		return this.location;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return this == other || (other instanceof InfisicalConfigDataResource resource
				&& this.location.equals(resource.location) && isOptional() == resource.isOptional());
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.location, isOptional());
	}

	@Override
	public String toString() {
		return this.location.name();
	}

}
