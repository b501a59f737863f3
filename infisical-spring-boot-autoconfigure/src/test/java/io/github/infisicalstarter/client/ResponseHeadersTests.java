package io.github.infisicalstarter.client;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ResponseHeaders}.
 */
class ResponseHeadersTests {

	@Test
	void readsTheJdksHeaderFieldsInAnyCase() {
		Map<String, List<String>> fields = new HashMap<>();
		fields.put(null, List.of("HTTP/1.1 200 OK"));
		fields.put("Content-Type", List.of("Application/JSON; charset=utf-8"));
		fields.put("content-length", List.of("42"));
		fields.put("ETag", List.of("W/\"abc\""));
		fields.put("Retry-After", List.of("7", "8"));
		ResponseHeaders headers = ResponseHeaders.of(fields);
		assertThat(headers.mediaType()).isEqualTo("application/json");
		assertThat(headers.contentLength()).isEqualTo(42);
		assertThat(headers.eTag()).isEqualTo("W/\"abc\"");
		assertThat(headers.first("retry-after")).isEqualTo("7");
		assertThat(headers.first("X-Missing")).isNull();
	}

	@Test
	void wrapsSpringHeaders() {
		HttpHeaders spring = new HttpHeaders();
		spring.set(HttpHeaders.CONTENT_TYPE, "text/html");
		spring.setETag("\"v2\"");
		ResponseHeaders headers = ResponseHeaders.of(spring);
		assertThat(headers.mediaType()).isEqualTo("text/html");
		assertThat(headers.eTag()).isEqualTo("\"v2\"");
		assertThat(headers.contentLength()).isEqualTo(-1);
	}

	@Test
	void contentLengthThatIsNoNumberIsUnknown() {
		assertThat(ResponseHeaders.of(Map.of("Content-Length", List.of("many"))).contentLength()).isEqualTo(-1);
	}

	@Test
	void mediaTypeDropsParametersAndRefusesWhatIsNoMediaType() {
		assertThat(ResponseHeaders.mediaType(" text/event-stream ;charset=UTF-8")).isEqualTo("text/event-stream");
		assertThat(Arrays.asList(ResponseHeaders.mediaType(null), ResponseHeaders.mediaType("json"),
				ResponseHeaders.mediaType("/json"), ResponseHeaders.mediaType("application/"),
				ResponseHeaders.mediaType("a/b/c")))
			.containsOnlyNulls();
	}

	@Test
	void jsonIsApplicationJsonAPlusJsonTypeOrAWildcard() {
		assertThat(List.of("application/json", "application/problem+json", "*/*", "application/*"))
			.allMatch(ResponseHeaders::isJson);
		assertThat(List.of("text/html", "text/plain", "application/xml", "application/jsonp"))
			.noneMatch(ResponseHeaders::isJson);
	}

	@Test
	void toStringNamesTheHeadersButNoValue() {
		ResponseHeaders headers = ResponseHeaders.of(Map.of("Set-Cookie", List.of("session=secret")));
		assertThat(headers.toString()).contains("Set-Cookie").doesNotContain("secret");
	}

}
