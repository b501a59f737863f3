package io.github.infisicalstarter.testserver;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The optional fields of a request body object, checked as zod's {@code optional()},
 * {@code nullish()} and {@code nativeEnum()} check them; problems go to the
 * {@link Validation} of the request, so all of them are reported at once.
 */
final class BodyFields {

	private final Validation validation;

	private final JsonNode body;

	BodyFields(Validation validation, JsonNode body) {
		this.validation = validation;
		this.body = body;
	}

	/**
	 * Check an optional string field of a body object.
	 * @param name the field name
	 * @param trim whether the schema trims it
	 * @return the value, or {@code null} when absent or invalid
	 */
	@Nullable String string(String name, boolean trim) {
		JsonNode value = this.body.get(name);
		if (value == null || value.isMissingNode()) {
			return null;
		}
		if (value.isString()) {
			return trim ? value.stringValue().trim() : value.stringValue();
		}
		this.validation.typeIssue(name, "string", Validation.typeOf(value));
		return null;
	}

	/**
	 * Check an optional boolean field of a body object.
	 * @param name the field name
	 * @param nullable whether JSON {@code null} counts as absent ({@code nullish()})
	 * @return the value, or {@code null} when absent or invalid
	 */
	@Nullable Boolean bool(String name, boolean nullable) {
		JsonNode value = this.body.get(name);
		if (value == null || value.isMissingNode() || (nullable && value.isNull())) {
			return null;
		}
		if (value.isBoolean()) {
			return value.booleanValue();
		}
		this.validation.typeIssue(name, "boolean", Validation.typeOf(value));
		return null;
	}

	/**
	 * Check an optional array-of-strings field of a body object.
	 * @param name the field name
	 * @return the strings, or {@code null} when absent or invalid
	 */
	@Nullable List<String> strings(String name) {
		JsonNode value = this.body.get(name);
		if (value == null || value.isMissingNode()) {
			return null;
		}
		if (!value.isArray()) {
			this.validation.typeIssue(name, "array", Validation.typeOf(value));
			return null;
		}
		List<String> strings = new ArrayList<>();
		for (int i = 0; i < value.size(); i++) {
			JsonNode element = value.get(i);
			if (element.isString()) {
				strings.add(element.stringValue());
			}
			else {
				this.validation.pathIssue(List.of(name, i), "string", Validation.typeOf(element));
			}
		}
		return strings;
	}

	/**
	 * Check an optional enum field of a body object, as {@code z.nativeEnum} does.
	 * @param name the field name
	 * @param options the allowed values
	 * @param defaultValue the value when absent
	 * @return the value, or the default when absent or invalid
	 */
	String oneOf(String name, List<String> options, String defaultValue) {
		JsonNode value = this.body.get(name);
		if (value == null || value.isMissingNode()) {
			return defaultValue;
		}
		if (!value.isString()) {
			this.validation.typeIssue(name, "string", Validation.typeOf(value));
			return defaultValue;
		}
		return this.validation.oneOf(Map.of(name, value.stringValue()), name, options, defaultValue);
	}

}
