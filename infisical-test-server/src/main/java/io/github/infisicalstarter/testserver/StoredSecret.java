package io.github.infisicalstarter.testserver;

import java.time.Instant;
import java.util.List;

/**
 * One version of a secret as stored in a folder.
 *
 * @param id the secret id, the same for every version
 * @param key the secret key
 * @param value the value
 * @param version the version, starting at 1
 * @param tags the tags
 * @param createdAt when the first version was created
 * @param updatedAt when this version was created
 */
record StoredSecret(String id, String key, String value, int version, List<Tag> tags, Instant createdAt,
		Instant updatedAt) {

	StoredSecret next(String value, List<Tag> tags, Instant now) {
		return new StoredSecret(this.id, this.key, value, this.version + 1, tags, this.createdAt, now);
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
