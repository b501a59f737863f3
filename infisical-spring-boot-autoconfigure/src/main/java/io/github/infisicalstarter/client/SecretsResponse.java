package io.github.infisicalstarter.client;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The answer of a secrets list call, or the fact that nothing changed since the ETag the
 * caller sent.
 *
 * @param secrets the folder's own secrets (and sub-folders' when recursive)
 * @param imports the imported secrets, unmerged, in import position order
 * @param etag the ETag of the answer, if the server sent one
 * @param notModified whether the server answered 304 to {@code If-None-Match}
 * @since 0.1.0
 */
public record SecretsResponse(List<RawSecret> secrets, List<ImportedSecrets> imports, @Nullable String etag,
		boolean notModified) {

	/**
	 * Create the answer to a conditional request that found no change.
	 * @param etag the ETag that still matches
	 * @return a not-modified answer
	 */
	public static SecretsResponse notModified(@Nullable String etag) {
		return new SecretsResponse(List.of(), List.of(), etag, true);
	}

	@Override
	public String toString() {
		return "SecretsResponse[secrets=" + this.secrets.size() + ", imports=" + this.imports.size() + ", notModified="
				+ this.notModified + "]";
	}

}
