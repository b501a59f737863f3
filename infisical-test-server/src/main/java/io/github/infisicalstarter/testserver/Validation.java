package io.github.infisicalstarter.testserver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Collects request-schema problems the way Infisical's zod schemas report them: every
 * problem at once, as an array of zod issues in the {@code message} of a 422
 * {@code ValidationFailure}.
 */
final class Validation {

	private final List<Map<String, Object>> issues = new ArrayList<>();

	/**
	 * Check a boolean query parameter, which Infisical declares as
	 * {@code z.enum(["true","false"])}.
	 * @param query the query parameters
	 * @param name the parameter name
	 * @param defaultValue the value when absent
	 * @return the value, or the default when absent or invalid
	 */
	boolean flag(Map<String, String> query, String name, boolean defaultValue) {
		String value = query.get(name);
		if (value == null) {
			return defaultValue;
		}
		return "true".equals(oneOf(query, name, List.of("true", "false"), String.valueOf(defaultValue)));
	}

	String oneOf(Map<String, String> query, String name, List<String> options, String defaultValue) {
		String value = query.get(name);
		if (value == null) {
			return defaultValue;
		}
		if (!options.contains(value)) {
			Map<String, Object> issue = new LinkedHashMap<>();
			issue.put("received", value);
			issue.put("code", "invalid_enum_value");
			issue.put("options", options);
			issue.put("path", List.of(name));
			issue.put("message",
					"Invalid enum value. Expected "
							+ options.stream().map((option) -> "'" + option + "'").collect(Collectors.joining(" | "))
							+ ", received '" + value + "'");
			this.issues.add(issue);
			return defaultValue;
		}
		return value;
	}

	@Nullable Integer number(Map<String, String> query, String name) {
		String value = query.get(name);
		if (value == null) {
			return null;
		}
		try {
			return Integer.valueOf(value.trim());
		}
		catch (NumberFormatException ex) {
			typeIssue(name, "number", "nan");
			return null;
		}
	}

	void required(Map<String, String> query, String name) {
		if (query.get(name) == null) {
			typeIssue(name, "string", "undefined");
		}
	}

	/**
	 * Check that a request body is an object.
	 * @param body the parsed body, {@code null} when there was none
	 * @return whether it is an object
	 */
	boolean object(@Nullable JsonNode body) {
		if (body != null && body.isObject()) {
			return true;
		}
		typeIssue(null, "object", typeOf(body));
		return false;
	}

	/**
	 * Check a required string field of a body object; strings are trimmed.
	 * @param body the body object
	 * @param name the field name
	 * @return the trimmed value or {@code null} when invalid
	 */
	@Nullable String string(JsonNode body, String name) {
		JsonNode value = body.get(name);
		if (value != null && value.isString()) {
			return value.stringValue().trim();
		}
		typeIssue(name, "string", typeOf(value));
		return null;
	}

	/**
	 * Add a problem found by a refinement ({@code code: "custom"}).
	 * @param name the field name
	 * @param message the message
	 */
	void custom(String name, String message) {
		Map<String, Object> issue = new LinkedHashMap<>();
		issue.put("code", "custom");
		issue.put("message", message);
		issue.put("path", List.of(name));
		this.issues.add(issue);
	}

	/**
	 * Add the problem of a string shorter than its minimum length.
	 * @param name the field name
	 * @param minimum the minimum length
	 */
	void tooShort(String name, int minimum) {
		Map<String, Object> issue = new LinkedHashMap<>();
		issue.put("code", "too_small");
		issue.put("minimum", minimum);
		issue.put("type", "string");
		issue.put("inclusive", true);
		issue.put("exact", false);
		issue.put("message", "String must contain at least " + minimum + " character(s)");
		issue.put("path", List.of(name));
		this.issues.add(issue);
	}

	void throwIfInvalid() {
		if (!this.issues.isEmpty()) {
			throw ApiError.validation(List.copyOf(this.issues));
		}
	}

	/**
	 * Throw the {@code ValidationFailure} body with another status, as older Infisical
	 * generations did for some routes.
	 * @param status the status
	 */
	void throwIfInvalid(int status) {
		if (!this.issues.isEmpty()) {
			throw ApiError.of(status, "ValidationFailure", List.copyOf(this.issues));
		}
	}

	void typeIssue(@Nullable String name, String expected, String received) {
		pathIssue((name != null) ? List.of(name) : List.of(), expected, received);
	}

	void pathIssue(List<Object> path, String expected, String received) {
		Map<String, Object> issue = new LinkedHashMap<>();
		issue.put("code", "invalid_type");
		issue.put("expected", expected);
		issue.put("received", received);
		issue.put("path", path);
		issue.put("message",
				"undefined".equals(received) ? "Required" : "Expected " + expected + ", received " + received);
		this.issues.add(issue);
	}

	static String typeOf(@Nullable JsonNode node) {
		if (node == null || node.isMissingNode()) {
			return "undefined";
		}
		if (node.isNull()) {
			return "null";
		}
		if (node.isString()) {
			return "string";
		}
		if (node.isNumber()) {
			return "number";
		}
		if (node.isBoolean()) {
			return "boolean";
		}
		return node.isArray() ? "array" : "object";
	}

}
