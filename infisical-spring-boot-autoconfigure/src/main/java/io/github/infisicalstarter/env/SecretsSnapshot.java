package io.github.infisicalstarter.env;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The secrets of one location at one moment: keys as they appear in the Environment, plus
 * the relaxed aliases ({@code DB_PASSWORD} readable as {@code db.password}). Immutable,
 * so a property source can swap one snapshot for the next in a single step and readers
 * never see a mix. Equality compares keys and values only; {@code toString()} never shows
 * a value.
 *
 * @since 0.1.0
 */
public final class SecretsSnapshot {

	/** A snapshot without secrets. */
	public static final SecretsSnapshot EMPTY = new SecretsSnapshot(Map.of(), false, null);

	private final Map<String, String> values;

	private final Map<String, String> aliases;

	private final String[] names;

	private final @Nullable String etag;

	/**
	 * Create a snapshot.
	 * @param values keys and values, in precedence order
	 * @param relaxedNames whether to add lower-case dotted aliases of env-var-style keys
	 * @param etag the ETag of the answer the values came from
	 */
	public SecretsSnapshot(Map<String, String> values, boolean relaxedNames, @Nullable String etag) {
		this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
		this.aliases = relaxedNames ? aliases(values) : Map.of();
		this.names = new String[this.values.size() + this.aliases.size()];
		int i = 0;
		for (String key : this.values.keySet()) {
			this.names[i++] = key;
		}
		for (String alias : this.aliases.keySet()) {
			this.names[i++] = alias;
		}
		this.etag = etag;
	}

	private static Map<String, String> aliases(Map<String, String> values) {
		Map<String, String> aliases = new LinkedHashMap<>();
		for (String key : values.keySet()) {
			String alias = RelaxedNames.alias(key);
			if (alias != null && !values.containsKey(alias)) {
				aliases.putIfAbsent(alias, key);
			}
		}
		return aliases;
	}

	/**
	 * Return the value of a key or alias.
	 * @param name the property name
	 * @return the value or {@code null}
	 */
	public @Nullable String get(String name) {
		String value = this.values.get(name);
		if (value == null && !this.aliases.isEmpty()) {
			String key = this.aliases.get(name);
			return (key != null) ? this.values.get(key) : null;
		}
		return value;
	}

	/**
	 * Return the stored key a property name reads: the name itself, or the key it is the
	 * relaxed alias of.
	 * @param name the property name
	 * @return the key or {@code null} when the name is not in this snapshot
	 */
	public @Nullable String key(String name) {
		return this.values.containsKey(name) ? name : this.aliases.get(name);
	}

	/**
	 * Return the key a relaxed alias stands for.
	 * @param name a property name
	 * @return the key, or {@code null} when the name is not an alias (a key itself, or
	 * unknown)
	 */
	public @Nullable String aliasOf(String name) {
		return this.aliases.isEmpty() ? null : this.aliases.get(name);
	}

	/**
	 * Return every property name: keys, then aliases.
	 * @return the names (a shared array; do not modify)
	 */
	String[] names() {
		return this.names;
	}

	/**
	 * Return the keys, without aliases.
	 * @return the keys
	 */
	public Set<String> keys() {
		return this.values.keySet();
	}

	/**
	 * Return the ETag of the answer these values came from.
	 * @return the ETag or {@code null}
	 */
	public @Nullable String etag() {
		return this.etag;
	}

	/**
	 * Return how many secrets the snapshot holds.
	 * @return the number of keys
	 */
	public int size() {
		return this.values.size();
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return this == other || (other instanceof SecretsSnapshot snapshot && this.values.equals(snapshot.values));
	}

	@Override
	public int hashCode() {
		return this.values.hashCode();
	}

	@Override
	public String toString() {
		return "SecretsSnapshot[" + this.values.size() + " secrets]";
	}

}
