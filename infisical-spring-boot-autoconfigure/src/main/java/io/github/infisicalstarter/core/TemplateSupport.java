package io.github.infisicalstarter.core;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.ListIterator;
import java.util.Set;

import io.github.infisicalstarter.client.ImportedSecrets;
import io.github.infisicalstarter.client.InfisicalApiException;
import io.github.infisicalstarter.client.InfisicalSecret;
import io.github.infisicalstarter.client.RawSecret;
import io.github.infisicalstarter.client.SecretsPath;
import io.github.infisicalstarter.client.SecretsResponse;
import io.github.infisicalstarter.config.InfisicalProperties;
import io.github.infisicalstarter.config.SecretsLocation;

/**
 * What both templates share: the default folder, the merge of a list answer and which
 * failures are worth another attempt.
 */
final class TemplateSupport {

	private TemplateSupport() {
	}

	static SecretsPath path(InfisicalProperties properties, String secretPath) {
		String projectId = properties.projectId();
		String environment = properties.environment();
		if (projectId == null || environment == null) {
			throw new IllegalStateException(
					"Set infisical.project-id and infisical.environment, or pass a SecretsPath with both.");
		}
		return SecretsPath.of(projectId, environment, secretPath);
	}

	/**
	 * Merge a list answer as Infisical's own clients do: the folder's secrets win, then
	 * the imports from the last to the first.
	 */
	static List<InfisicalSecret> merge(SecretsLocation location, SecretsResponse response) {
		List<InfisicalSecret> secrets = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (RawSecret secret : response.secrets()) {
			if (seen.add(secret.path() + "\u0000" + secret.key())) {
				secrets.add(secret(secret, location.environment()));
			}
		}
		Set<String> ownKeys = new HashSet<>();
		response.secrets().forEach((secret) -> ownKeys.add(secret.key()));
		ListIterator<ImportedSecrets> imports = response.imports().listIterator(response.imports().size());
		while (imports.hasPrevious()) {
			ImportedSecrets imported = imports.previous();
			for (RawSecret secret : imported.secrets()) {
				if (ownKeys.add(secret.key())) {
					secrets.add(secret(secret, imported.environment()));
				}
			}
		}
		return List.copyOf(secrets);
	}

	private static InfisicalSecret secret(RawSecret raw, String environment) {
		return new InfisicalSecret(raw.key(), raw.value(), raw.path(), environment, raw.version(), raw.comment());
	}

	/**
	 * Whether a failed call may be tried again: reads after any transient failure, writes
	 * only when the server certainly did not apply them (rate limited, or not reached).
	 */
	static boolean isRetryable(Throwable ex, boolean read) {
		if (!(ex instanceof InfisicalApiException api) || !api.isTransient()) {
			return false;
		}
		return read || api.getStatus() == 429 || api.getKind() == InfisicalApiException.Kind.UNREACHABLE;
	}

}
