package io.github.infisicalstarter.testserver;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The fault rules of a server. A rule applies to requests whose path starts with its
 * prefix ({@code "/api/v4/secrets"}, {@code "/api/v1/auth/universal-auth/login"},
 * {@code "/api"} for all); rules are checked in the order they were added and the first
 * match wins. A rule added with a count disappears after hitting that many requests, so
 * "fail twice, then recover" is one line.
 *
 * @since 0.1.0
 */
public final class Faults {

	private final List<Rule> rules = new ArrayList<>();

	Faults() {
	}

	/**
	 * Add a rule that hits the next {@code times} matching requests.
	 * @param pathPrefix the path prefix requests must start with
	 * @param times how many requests the rule hits, at least one
	 * @param fault what happens to them
	 * @return these faults, to add more
	 */
	public Faults add(String pathPrefix, int times, Fault fault) {
		if (times < 1) {
			throw new IllegalArgumentException("'times' must be at least 1");
		}
		return addRule(pathPrefix, times, fault);
	}

	/**
	 * Add a rule that hits every matching request until {@link #clear()} or a reset.
	 * @param pathPrefix the path prefix requests must start with
	 * @param fault what happens to them
	 * @return these faults, to add more
	 */
	public Faults always(String pathPrefix, Fault fault) {
		return addRule(pathPrefix, -1, fault);
	}

	/**
	 * Remove all rules.
	 */
	public synchronized void clear() {
		this.rules.clear();
	}

	private synchronized Faults addRule(String pathPrefix, int times, Fault fault) {
		Objects.requireNonNull(pathPrefix, "'pathPrefix' must not be null");
		Objects.requireNonNull(fault, "'fault' must not be null");
		this.rules.add(new Rule(pathPrefix, fault, times));
		return this;
	}

	/**
	 * Take the fault for a request, counting it against its rule.
	 * @param path the request path
	 * @return the fault or {@code null} when no rule matches
	 */
	synchronized @Nullable Fault take(String path) {
		Iterator<Rule> iterator = this.rules.iterator();
		while (iterator.hasNext()) {
			Rule rule = iterator.next();
			if (path.startsWith(rule.pathPrefix)) {
				if (rule.remaining > 0 && --rule.remaining == 0) {
					iterator.remove();
				}
				return rule.fault;
			}
		}
		return null;
	}

	/**
	 * A rule with its remaining hits ({@code -1} for unlimited).
	 */
	private static final class Rule {

		private final String pathPrefix;

		private final Fault fault;

		private int remaining;

		Rule(String pathPrefix, Fault fault, int remaining) {
			this.pathPrefix = pathPrefix;
			this.fault = fault;
			this.remaining = remaining;
		}

	}

}
