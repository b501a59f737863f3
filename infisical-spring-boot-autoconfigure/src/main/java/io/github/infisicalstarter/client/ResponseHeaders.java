package io.github.infisicalstarter.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * The headers of an answer, as the starter reads them: content type, length, ETag,
 * {@code Retry-After}. A type of its own rather than Spring's {@link HttpHeaders} on the
 * path of the first login, because the class initialization of {@code HttpHeaders} (its
 * date formatters load the JDK's locale data) and of {@code MediaType} (its constants and
 * parser cache) cost every start-up about 15 ms (see {@code benchmarks/README.md});
 * answers received by Spring's clients are wrapped with {@link #of(HttpHeaders)}.
 *
 * @since 0.1.0
 */
final class ResponseHeaders {

	private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

	private ResponseHeaders(Map<String, List<String>> headers) {
		headers.forEach((name, values) -> {
			// the JDK lists the status line under a null name
			if (name != null && !values.isEmpty()) {
				this.headers.put(name, values);
			}
		});
	}

	/**
	 * Wrap the header fields of a JDK connection.
	 * @param fields the fields, as {@code HttpURLConnection#getHeaderFields()} returns
	 * them
	 * @return the headers
	 */
	static ResponseHeaders of(Map<String, List<String>> fields) {
		return new ResponseHeaders(fields);
	}

	/**
	 * Wrap the headers of an answer received by one of Spring's clients.
	 * @param headers the headers
	 * @return the headers
	 */
	static ResponseHeaders of(HttpHeaders headers) {
		Map<String, List<String>> fields = new LinkedHashMap<>();
		headers.forEach(fields::put);
		return new ResponseHeaders(fields);
	}

	/**
	 * Return the first value of a header.
	 * @param name the header's name, in any case
	 * @return the value, or {@code null} when the header is absent
	 */
	@Nullable String first(String name) {
		List<String> values = this.headers.get(name);
		return (values != null) ? values.get(0) : null;
	}

	/**
	 * Return the media type of the {@code Content-Type} header.
	 * @return {@code type/subtype} in lower case without parameters, or {@code null} when
	 * the header is absent or no media type
	 */
	@Nullable String mediaType() {
		return mediaType(first(HttpHeaders.CONTENT_TYPE));
	}

	/**
	 * Return the {@code Content-Length}.
	 * @return the length, or -1 when unknown
	 */
	long contentLength() {
		String value = first(HttpHeaders.CONTENT_LENGTH);
		try {
			return (value != null) ? Long.parseLong(value.trim()) : -1;
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	/**
	 * Return the {@code ETag}.
	 * @return the entity tag, or {@code null}
	 */
	@Nullable String eTag() {
		return first(HttpHeaders.ETAG);
	}

	/**
	 * Return the media type of a {@code Content-Type} value.
	 * @param contentType the header's value, or {@code null}
	 * @return {@code type/subtype} in lower case without parameters, or {@code null}
	 */
	static @Nullable String mediaType(@Nullable String contentType) {
		if (contentType == null) {
			return null;
		}
		int semicolon = contentType.indexOf(';');
		String type = ((semicolon >= 0) ? contentType.substring(0, semicolon) : contentType).trim()
			.toLowerCase(Locale.ROOT);
		int slash = type.indexOf('/');
		return (slash > 0 && slash < type.length() - 1 && slash == type.lastIndexOf('/')) ? type : null;
	}

	/**
	 * Whether a media type is JSON: {@code application/json}, a {@code +json} type, or a
	 * wildcard that admits it.
	 * @param mediaType a media type as {@link #mediaType(String)} returns it
	 * @return {@code true} for JSON
	 */
	static boolean isJson(String mediaType) {
		return mediaType.equals("application/json") || mediaType.endsWith("+json") || mediaType.equals("*/*")
				|| mediaType.equals("application/*");
	}

	@Override
	public String toString() {
		return "ResponseHeaders" + this.headers.keySet();
	}

}
