package io.github.infisicalstarter.testserver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Expands {@code ${KEY}}, {@code ${env.KEY}} and {@code ${env.a.b.KEY}} references as
 * Infisical does with {@code expandSecretReferences=true}: recursively up to depth 10,
 * leaving a reference verbatim when it cannot be resolved, points at an empty value or
 * closes a cycle. A reference into a folder the caller may not read is collected as a
 * permission problem that fails the whole request.
 */
final class ReferenceExpander {

	static final int MAX_DEPTH = 10;

	private static final Pattern REFERENCE = Pattern.compile("\\$\\{([a-zA-Z0-9-_.]+)}");

	private final Project project;

	private final Identity identity;

	private final AccessPolicy access;

	private final Set<String> problems = new LinkedHashSet<>();

	ReferenceExpander(Project project, Identity identity, AccessPolicy access) {
		this.project = project;
		this.identity = identity;
		this.access = access;
	}

	SecretView expand(SecretView view) {
		Target self = new Target(view.environment(), view.path(), view.key());
		Set<Target> chain = new HashSet<>(Set.of(self));
		return view.withValue(expand(self, view.value(), 0, chain));
	}

	/**
	 * Throw 403 {@code ForbiddenError} when any reference pointed into a denied folder.
	 */
	void throwIfForbidden() {
		if (!this.problems.isEmpty()) {
			throw ApiError.of(403, "ForbiddenError", "Failed to expand one or more secret references",
					List.copyOf(this.problems));
		}
	}

	private String expand(Target owner, String value, int depth, Set<Target> chain) {
		Matcher matcher = REFERENCE.matcher(value);
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			String replacement = resolve(owner, matcher.group(1), depth, chain);
			matcher.appendReplacement(result,
					Matcher.quoteReplacement((replacement != null) ? replacement : matcher.group()));
		}
		matcher.appendTail(result);
		return result.toString();
	}

	private @Nullable String resolve(Target owner, String reference, int depth, Set<Target> chain) {
		Target target = target(owner, reference);
		if (target == null || depth >= MAX_DEPTH || chain.contains(target)) {
			return null;
		}
		if (this.access.denied(this.identity, this.project.id(), target.environment, target.path)) {
			this.problems.add("You do not have permission to read secret '" + target.key + "' in environment '"
					+ target.environment + "' at path '" + target.path + "', which is referenced by secret '"
					+ owner.key + "'");
			return null;
		}
		StoredSecret secret = this.project.secret(target.environment, target.path, target.key);
		if (secret == null || secret.value().isEmpty()) {
			return null;
		}
		chain.add(target);
		String expanded = expand(target, secret.value(), depth + 1, chain);
		chain.remove(target);
		return expanded.isEmpty() ? null : expanded;
	}

	/**
	 * Work out what a reference points at: a key of the owner's folder (also when a local
	 * key contains dots), else environment, folders and key separated by dots.
	 */
	private @Nullable Target target(Target owner, String reference) {
		if (!reference.contains(".") || this.project.secret(owner.environment, owner.path, reference) != null) {
			return new Target(owner.environment, owner.path, reference);
		}
		List<String> parts = new ArrayList<>(Arrays.asList(reference.split("\\.", -1)));
		if (parts.size() < 2 || parts.contains("")) {
			return null;
		}
		String environment = parts.remove(0);
		String key = parts.remove(parts.size() - 1);
		return new Target(environment, SecretPaths.ROOT + String.join("/", parts), key);
	}

	private record Target(String environment, String path, String key) {

	}

}
