package io.github.infisicalstarter.testserver;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One version of a secret as stored in a folder.
 *
 * @param id the secret id, the same for every version
 * @param key the secret key
 * @param value the value
 * @param comment the comment, empty when none
 * @param skipMultilineEncoding whether expanded multi-line values are returned unquoted
 * @param version the version, starting at 1
 * @param tags the tags
 * @param createdAt when the first version was created
 * @param updatedAt when this version was created
 */
record StoredSecret(String id, String key, String value, String comment, boolean skipMultilineEncoding, int version,
		List<Tag> tags, Instant createdAt, Instant updatedAt) {

	static StoredSecret first(String key, String value, String comment, boolean skipMultilineEncoding, List<Tag> tags,
			Instant now) {
		return new StoredSecret(UUID.randomUUID().toString(), key, value, comment, skipMultilineEncoding, 1,
				List.copyOf(tags), now, now);
	}

	/**
	 * Return the next version with the given fields, keeping id and creation time.
	 * @param key the key (changed by a rename)
	 * @param value the value
	 * @param comment the comment
	 * @param skipMultilineEncoding the multi-line flag
	 * @param tags the tags
	 * @param now the time of the change
	 * @return the next version
	 */
	StoredSecret next(String key, String value, String comment, boolean skipMultilineEncoding, List<Tag> tags,
			Instant now) {
		return new StoredSecret(this.id, key, value, comment, skipMultilineEncoding, this.version + 1,
				List.copyOf(tags), this.createdAt, now);
	}

	boolean taggedWithAny(List<String> slugs) {
		return this.tags.stream().anyMatch((tag) -> slugs.contains(tag.slug()));
	}

	@Override
	public String toString() {
		return "StoredSecret[" + this.key + " v" + this.version + "]";
	}

	/**
	 * A project tag.
	 *
	 * @param id the tag id
	 * @param slug the slug secrets are filtered by
	 * @param color the colour shown in the UI
	 * @param name the display name
	 */
	record Tag(String id, String slug, String color, String name) {

	}

}
