package io.github.infisicalstarter.client;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.github.infisicalstarter.client.InfisicalApiException.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InfisicalApiFailuresTests {

	private static final String LIST = "GET http://infisical.test/api/v4/secrets";

	@Test
	void infisicalErrorEnvelopeKeepsStatusNameAndMessage() {
		InfisicalApiException ex = status(404, "application/json; charset=utf-8",
				"{\"statusCode\":404,\"error\":\"SecretPathNotFound\",\"message\":\"Folder with path '/x' not found\"}");
		assertThat(ex.getKind()).isEqualTo(Kind.STATUS);
		assertThat(ex.getErrorName()).isEqualTo("SecretPathNotFound");
		assertThat(ex)
			.hasMessage("Infisical answered 404 (SecretPathNotFound) to " + LIST + ": Folder with path '/x' not found");
		assertThat(ex.getAction()).contains("infisical.environment");
		assertThat(ex.isTransient()).isFalse();
	}

	@Test
	void answersWithoutTheEnvelopeAreNotInfisical() {
		assertThat(status(404, "text/html", "<html>nope</html>").getKind()).isEqualTo(Kind.NOT_INFISICAL);
		assertThat(status(400, "application/json", "{}").getKind()).isEqualTo(Kind.NOT_INFISICAL);
		assertThat(status(405, "application/json", "{\"message\":\"x\",\"error\":\"y\"}").getKind())
			.isEqualTo(Kind.NOT_INFISICAL);
		InfisicalApiException notImplemented = status(501, "text/plain", "Not Implemented");
		assertThat(notImplemented.getKind()).isEqualTo(Kind.NOT_INFISICAL);
		assertThat(notImplemented.isTransient()).isFalse();
		assertThat(notImplemented.getAction()).contains("infisical.site-url");
	}

	@Test
	void fastifyMissingRouteIsItsOwnKind() {
		InfisicalApiException ex = status(404, "application/json",
				"{\"message\":\"Route GET:/api/v4/secrets?projectId=p not found\",\"error\":\"Not Found\",\"statusCode\":404}");
		assertThat(ex.getKind()).isEqualTo(Kind.MISSING_ROUTE);
		assertThat(ex.isTransient()).isFalse();
		assertThat(ex.isTokenRejected()).isFalse();
	}

	@Test
	void gatewayErrorsAndRateLimitsStayTransient() {
		InfisicalApiException gateway = status(502, "text/html", "<html>Bad Gateway</html>");
		assertThat(gateway.getKind()).isEqualTo(Kind.STATUS);
		assertThat(gateway.isTransient()).isTrue();
		assertThat(status(429, "text/plain", "slow down").isTransient()).isTrue();
	}

	@Test
	void emptyUnauthorizedIsTheJdkWithholdingTheBody() {
		InfisicalApiException ex = status(401, null, "");
		assertThat(ex.getKind()).isEqualTo(Kind.STATUS);
		assertThat(ex.isTokenRejected()).isTrue();
		assertThat(ex).hasMessage("Infisical answered 401 to " + LIST + ".");
	}

	private static InfisicalApiException status(int status, String contentType, String body) {
		ResponseHeaders headers = ResponseHeaders
			.of((contentType != null) ? Map.of("content-type", List.of(contentType)) : Map.of());
		return InfisicalApiFailures.status(LIST, status, headers,
				new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
	}

}
