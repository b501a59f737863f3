package io.github.infisicalstarter.env;

import io.github.infisicalstarter.config.SecretsLocation;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.PropertySourceInfo;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.PropertySources;

/**
 * The secrets of one {@link SecretsLocation} in the Spring Environment. Its source is the
 * location, never the values, so printing the property source (as Spring does at DEBUG)
 * shows no secret. The values are an immutable {@link SecretsSnapshot}; a refresh
 * replaces the whole property source (by name) in one step, so readers never see a mix of
 * old and new values.
 * <p>
 * A relaxed alias ({@code db.password} for the secret {@code DB_PASSWORD}) follows its
 * key: when a property source of higher precedence (command line, system properties, a
 * later Infisical location …) defines {@code DB_PASSWORD}, the alias reads that value, so
 * overriding a key locally overrides every name of it. Only alias lookups pay for this
 * check, and only once the source knows its environment (see
 * {@link #attach(PropertySources)}).
 *
 * @since 0.1.0
 */
public final class InfisicalPropertySource extends EnumerablePropertySource<SecretsLocation>
		implements OriginLookup<String>, PropertySourceInfo {

	private final SecretsSnapshot snapshot;

	private volatile @Nullable PropertySources environment;

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

	/**
	 * Tell the source the property sources it is placed among, so that its relaxed
	 * aliases follow a definition of their key in a source of higher precedence.
	 * @param environment the property sources of the environment that holds this source
	 * @return this source
	 */
	public InfisicalPropertySource attach(PropertySources environment) {
		this.environment = environment;
		return this;
	}

	@Override
	public @Nullable Object getProperty(String name) {
		String value = this.snapshot.get(name);
		String key = (value != null && this.environment != null) ? this.snapshot.aliasOf(name) : null;
		if (key == null) {
			return value;
		}
		PropertySource<?> above = overridingSource(key);
		return (above != null) ? above.getProperty(key) : value;
	}

	/**
	 * Return the source of higher precedence that defines the key a relaxed alias stands
	 * for, if any.
	 * @param key the key of a relaxed alias
	 * @return the overriding source, or {@code null} when no higher source defines the
	 * key or the environment is unknown
	 */
	private @Nullable PropertySource<?> overridingSource(String key) {
		PropertySources environment = this.environment;
		if (environment == null) {
			return null;
		}
		PropertySource<?> found = null;
		for (PropertySource<?> source : environment) {
			if (source == this || source.getSource() == getSource()) {
				return found;
			}
			if (found == null && !ConfigurationPropertySources.isAttachedConfigurationPropertySource(source)
					&& source.containsProperty(key)) {
				found = source;
			}
		}
		// not (or no longer) among these sources: nothing is known to be above it
		return null;
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
		if (key == null) {
			return null;
		}
		PropertySource<?> above = (this.snapshot.aliasOf(name) != null) ? overridingSource(key) : null;
		return (above != null) ? OriginLookup.getOrigin(above, key) : new SecretOrigin(key, getName());
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
