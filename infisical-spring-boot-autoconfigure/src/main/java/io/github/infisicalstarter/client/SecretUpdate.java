package io.github.infisicalstarter.client;

import org.jspecify.annotations.Nullable;

/**
 * The changes of one secret update: any of a new value, a new comment and a new key.
 *
 * @param value the new value, or {@code null} to keep it; never printed
 * @param comment the new comment, or {@code null} to keep it
 * @param newKey the new key, or {@code null} to keep it
 * @since 0.1.0
 */
public record SecretUpdate(@Nullable String value, @Nullable String comment, @Nullable String newKey) {

	/**
	 * An update of the value.
	 * @param value the new value
	 * @return the update
	 */
	public static SecretUpdate value(String value) {
		return new SecretUpdate(value, null, null);
	}

	/**
	 * A rename.
	 * @param newKey the new key
	 * @return the update
	 */
	public static SecretUpdate rename(String newKey) {
		return new SecretUpdate(null, null, newKey);
	}

	/**
	 * Return this update with a new comment as well.
	 * @param comment the comment
	 * @return the update
	 */
	public SecretUpdate withComment(String comment) {
		return new SecretUpdate(this.value, comment, this.newKey);
	}

	/**
	 * Return this update with a new key as well.
	 * @param newKey the new key
	 * @return the update
	 */
	public SecretUpdate withNewKey(String newKey) {
		return new SecretUpdate(this.value, this.comment, newKey);
	}

	@Override
	public String toString() {
		return "SecretUpdate[value=" + ((this.value != null) ? "****" : "unchanged") + ", comment="
				+ ((this.comment != null) ? "changed" : "unchanged") + ", newKey=" + this.newKey + "]";
	}

}
