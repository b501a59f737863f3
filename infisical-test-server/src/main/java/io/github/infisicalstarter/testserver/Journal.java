package io.github.infisicalstarter.testserver;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Every request in arrival order. An entry is reserved when a request arrives and
 * completed just before its answer is written, so a client that has its answer always
 * finds the final status here.
 */
final class Journal {

	private final List<Entry> entries = new ArrayList<>();

	synchronized Entry arrived(String method, String path, Map<String, String> query, @Nullable String ifNoneMatch,
			Instant at) {
		Entry entry = new Entry(method, path, query, ifNoneMatch, at);
		this.entries.add(entry);
		return entry;
	}

	synchronized List<RecordedRequest> snapshot() {
		return this.entries.stream().map(Entry::toRecord).toList();
	}

	synchronized long count(String method, String pathPrefix) {
		return this.entries.stream()
			.filter((entry) -> entry.method.equalsIgnoreCase(method) && entry.path.startsWith(pathPrefix))
			.count();
	}

	synchronized void clear() {
		this.entries.clear();
	}

	/**
	 * A journal entry whose outcome is filled in once known.
	 */
	final class Entry {

		private final String method;

		private final String path;

		private final Map<String, String> query;

		private final @Nullable String ifNoneMatch;

		private final Instant at;

		private int status;

		private boolean authorized;

		private Entry(String method, String path, Map<String, String> query, @Nullable String ifNoneMatch, Instant at) {
			this.method = method;
			this.path = path;
			this.query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
			this.ifNoneMatch = ifNoneMatch;
			this.at = at;
		}

		void complete(int status, boolean authorized) {
			synchronized (Journal.this) {
				this.status = status;
				this.authorized = authorized;
			}
		}

		private RecordedRequest toRecord() {
			return new RecordedRequest(this.method, this.path, this.query, this.status, this.ifNoneMatch,
					this.authorized, this.at);
		}

	}

}
