package io.github.infisicalstarter.testserver;

import java.time.Instant;
import java.util.List;

/**
 * One stored version of a secret as a test sees it through
 * {@link InfisicalTestServer#findSecret(String, String, String, String)}: what the
 * application wrote (value, comment, tags, multi-line flag) and the version Infisical
 * would report. {@link #toString()} never shows the value.
 *
 * @param key the key
 * @param value the value
 * @param comment the comment, empty when none
 * @param version the version, starting at 1 and raised by every update
 * @param skipMultilineEncoding the multi-line flag
 * @param tagSlugs the slugs of the secret's tags
 * @param updatedAt when this version was written, by the server clock
 * @since 0.1.0
 */
public record SecretSnapshot(String key, String value, String comment, int version, boolean skipMultilineEncoding,
		List<String> tagSlugs, Instant updatedAt) {

	static SecretSnapshot of(StoredSecret secret) {
		return new SecretSnapshot(secret.key(), secret.value(), secret.comment(), secret.version(),
				secret.skipMultilineEncoding(), secret.tags().stream().map(StoredSecret.Tag::slug).toList(),
				secret.updatedAt());
	}

	@Override
	public String toString() {
		return "SecretSnapshot[" + this.key + " v" + this.version + "]";
	}

}
