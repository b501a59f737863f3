package io.github.infisicalstarter.env;

import io.github.infisicalstarter.config.SecretsLocation;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.env.PropertySourceInfo;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

/**
 * The secrets of one {@link SecretsLocation} in the Spring Environment. Its source is the
 * location, never the values, so printing the property source (as Spring does at DEBUG)
 * shows no secret. The values are an immutable {@link SecretsSnapshot}; a refresh
 * replaces the whole property source (by name) in one step, so readers never see a mix of
 * old and new values.
 *
 * @since 0.1.0
 */
public final class InfisicalPropertySource extends EnumerablePropertySource<SecretsLocation>
		implements OriginLookup<String>, PropertySourceInfo {

	private final SecretsSnapshot snapshot;

	/**
	 * Create a property source named after its location.
	 * @param location the location
	 * @param snapshot its current secrets
	 */
	public InfisicalPropertySource(SecretsLocation location, SecretsSnapshot snapshot) {
		super(location.name(), location);
		this.snapshot = snapshot;
	}

	/**
	 * Whether a property source holds Infisical secrets: an
	 * {@link InfisicalPropertySource}, or one that wraps it under a derived name (Spring
	 * Cloud's bootstrap context names them {@code bootstrapProperties-infisical:…}).
	 * @param source the property source
	 * @return {@code true} for Infisical-sourced property sources
	 */
	public static boolean isInfisical(PropertySource<?> source) {
		return source instanceof InfisicalPropertySource || source.getName().contains(SecretsLocation.PREFIX);
	}

	@Override
	public @Nullable Object getProperty(String name) {
		return this.snapshot.get(name);
	}

	@Override
	public boolean containsProperty(String name) {
		return this.snapshot.get(name) != null;
	}

	@Override
	public String[] getPropertyNames() {
		return this.snapshot.names().clone();
	}

	/**
	 * Return where a property comes from: the Infisical secret and location, never the
	 * value. Shown by {@code /actuator/env} and in binding failures.
	 */
	@Override
	public @Nullable Origin getOrigin(String name) {
		String key = this.snapshot.key(name);
		return (key != null) ? new SecretOrigin(key, getName()) : null;
	}

	/**
	 * A refresh replaces the whole property source and never changes this one, so Spring
	 * Boot may map its names once instead of checking them again on every property
	 * lookup.
	 */
	@Override
	public boolean isImmutable() {
		return true;
	}

	/**
	 * Return the current secrets.
	 * @return the snapshot
	 */
	public SecretsSnapshot getSnapshot() {
		return this.snapshot;
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + " {name='" + getName() + "', secrets=" + this.snapshot.size() + "}";
	}

	/**
	 * The origin of an Infisical-sourced property: the secret's key and its location.
	 *
	 * @param key the secret's key as stored in Infisical
	 * @param location the name of the location's property source
	 */
	record SecretOrigin(String key, String location) implements Origin {

		@Override
		public String toString() {
			return "Infisical secret '" + this.key + "' from " + this.location;
		}

	}

}
