package io.github.infisicalstarter.testserver;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Resolves a folder's secret imports the way Infisical lists them: one entry per direct
 * import in position order, with the secrets of nested imports (imports of the imported
 * folder, up to depth 10, cycles skipped) appended after the imported folder's own.
 * Secrets of folders the caller may not read are left out.
 */
final class ImportResolver {

	static final int MAX_DEPTH = 10;

	private final Project project;

	private final Predicate<Folder> readable;

	ImportResolver(Project project, Predicate<Folder> readable) {
		this.project = project;
		this.readable = readable;
	}

	List<Entry> entries(Folder folder) {
		List<Entry> entries = new ArrayList<>();
		for (Folder.Import secretImport : folder.imports()) {
			Folder source = this.project.folder(secretImport.environment(), secretImport.path());
			if (source == null) {
				continue;
			}
			Set<String> chain = new HashSet<>(Set.of(folder.id(), source.id()));
			List<SecretView> secrets = new ArrayList<>();
			collect(source, 1, chain, secrets);
			entries.add(new Entry(source, secrets));
		}
		return entries;
	}

	private void collect(Folder source, int depth, Set<String> chain, List<SecretView> into) {
		if (this.readable.test(source)) {
			source.secrets().forEach((secret) -> into.add(SecretView.of(secret, source.environment(), source.path())));
		}
		if (depth >= MAX_DEPTH) {
			return;
		}
		for (Folder.Import nested : source.imports()) {
			Folder next = this.project.folder(nested.environment(), nested.path());
			if (next != null && chain.add(next.id())) {
				collect(next, depth + 1, chain, into);
				chain.remove(next.id());
			}
		}
	}

	/**
	 * One {@code imports[]} entry.
	 *
	 * @param source the imported folder
	 * @param secrets its secrets followed by those of its own imports
	 */
	record Entry(Folder source, List<SecretView> secrets) {

	}

}
