package io.github.infisicalstarter.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.util.regex.Pattern;

import javax.net.ssl.SSLException;

import io.github.infisicalstarter.client.InfisicalApiException.Kind;
import io.github.infisicalstarter.client.InfisicalJson.ErrorBody;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.util.StringUtils;

/**
 * Classifies failed calls into {@link InfisicalApiException}s. Server messages are kept
 * (they name projects, environments, paths and keys, never values) but shortened. An
 * answer that does not carry Infisical's JSON error envelope (an HTML page, a 405 or 501,
 * Fastify's "Route … not found" on a route every Infisical has) comes from something that
 * is not the Infisical API, so it points at {@code infisical.site-url} and is never
 * retried.
 *
 * @since 0.1.0
 */
final class InfisicalApiFailures {

	private static final int MAX_SERVER_MESSAGE = 300;

	private static final Pattern MISSING_ROUTE = Pattern.compile("^Route [A-Z]+:\\S* not found");

	private static final String SITE_URL_ACTION = "Check infisical.site-url: it must be the base URL of Infisical "
			+ "(for example https://app.infisical.com, or us / eu), without /api or any other path.";

	private InfisicalApiFailures() {
	}

	static InfisicalApiException status(String endpoint, int status, ResponseHeaders headers, InputStream body) {
		String mediaType = headers.mediaType();
		ErrorBody error = (mediaType == null || ResponseHeaders.isJson(mediaType)) ? InfisicalJson.readError(body)
				: new ErrorBody(null, null, null);
		String serverMessage = (error.message() != null && error.detail() != null)
				? error.message() + ": " + error.detail()
				: (error.message() != null) ? error.message() : error.detail();
		boolean missingRoute = status == 404 && error.message() != null
				&& MISSING_ROUTE.matcher(error.message()).find();
		if (missingRoute || isForeign(status, error)) {
			return notInfisical(endpoint, status, mediaType, serverMessage, missingRoute);
		}
		StringBuilder message = new StringBuilder("Infisical answered ").append(status);
		if (StringUtils.hasText(error.error())) {
			message.append(" (").append(error.error()).append(')');
		}
		message.append(" to ").append(endpoint);
		if (StringUtils.hasText(serverMessage)) {
			message.append(": ").append(shorten(serverMessage));
		}
		else {
			message.append('.');
		}
		return new InfisicalApiException(Kind.STATUS, endpoint, status, error.error(),
				RetryAfter.parse(headers.first(HttpHeaders.RETRY_AFTER), error.message()), message.toString(),
				actionFor(status, serverMessage), null);
	}

	/**
	 * Whether an error answer cannot be Infisical's: Infisical answers every error with
	 * its JSON envelope and never with 405 or 501. A 5xx without the envelope is left
	 * alone (a gateway in front of Infisical answers so while Infisical restarts), and so
	 * is a 401 without a body (the JDK withholds the body of a 401 to a streamed
	 * request).
	 */
	private static boolean isForeign(int status, ErrorBody error) {
		if (status == 405 || status == 501) {
			return true;
		}
		if (status >= 500 || status == 429 || status == 401) {
			return false;
		}
		return error.message() == null && error.error() == null;
	}

	private static InfisicalApiException notInfisical(String endpoint, int status, @Nullable String mediaType,
			@Nullable String serverMessage, boolean missingRoute) {
		String message = missingRoute
				? "The server has no route " + endpoint + " (" + shorten(String.valueOf(serverMessage))
						+ "), which every Infisical has: it is not the Infisical API."
				: "The answer to " + endpoint + " did not come from the Infisical API: " + status
						+ ((mediaType != null) ? " " + mediaType : "") + " instead of Infisical's JSON error.";
		return new InfisicalApiException(missingRoute ? Kind.MISSING_ROUTE : Kind.NOT_INFISICAL, endpoint, status, null,
				null, message, SITE_URL_ACTION, null);
	}

	static InfisicalApiException badResponse(String endpoint, String problem) {
		return new InfisicalApiException(Kind.BAD_RESPONSE, endpoint, 200, null, null,
				"Infisical's answer to " + endpoint + " is unusable: " + problem + ".",
				"Check that infisical.site-url points at the Infisical API and not at a proxy or web page.", null);
	}

	static InfisicalApiException interrupted(String endpoint, String reason, @Nullable Throwable cause) {
		return new InfisicalApiException(Kind.INTERRUPTED, endpoint, 0, null, null,
				"The call " + endpoint + " failed: " + reason + ".",
				"Check the network path to Infisical; raise infisical.http.read-timeout if the server is slow.", cause);
	}

	static InfisicalApiException unreachable(String endpoint, IOException cause) {
		return new InfisicalApiException(Kind.UNREACHABLE, endpoint, 0, null, null,
				"Infisical could not be reached at " + endpoint.substring(endpoint.indexOf(' ') + 1) + " ("
						+ cause.getClass().getSimpleName() + ").",
				"Check infisical.site-url and that the server is running and reachable from this host.", cause);
	}

	static InfisicalApiException untrusted(String endpoint, IOException cause) {
		return new InfisicalApiException(Kind.UNTRUSTED, endpoint, 0, null, null,
				"The TLS connection to " + endpoint.substring(endpoint.indexOf(' ') + 1)
						+ " failed: the server's certificate is not trusted or does not match the host.",
				"Set infisical.ssl.bundle to an SSL bundle (spring.ssl.bundle.*) that trusts the server's certificate authority.",
				cause);
	}

	static InfisicalApiException ioFailure(String endpoint, IOException ex) {
		if (ex instanceof SSLException && hasCause(ex, CertificateException.class)) {
			return untrusted(endpoint, ex);
		}
		if (ex instanceof ConnectException || ex instanceof UnknownHostException || ex instanceof NoRouteToHostException
				|| ex instanceof SSLException) {
			return unreachable(endpoint, ex);
		}
		String reason = (ex instanceof SocketTimeoutException || ex instanceof java.net.http.HttpTimeoutException)
				? "the server did not answer in time" : "the connection was closed before a complete answer arrived";
		return interrupted(endpoint, reason, ex);
	}

	private static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable current = ex; current != null; current = current.getCause()) {
			if (type.isInstance(current)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The action for a secrets call; the auth routes replace it with advice about the
	 * login method (see {@link InfisicalLoginClient}).
	 */
	private static String actionFor(int status, @Nullable String serverMessage) {
		if (status == 403 && serverMessage != null && serverMessage.contains("referenced by secret")) {
			return "Give the machine identity read access to the referenced secret named above, or set infisical.expand-references=false.";
		}
		if (status == 401 || status == 403) {
			return "Give the machine identity access to this project, environment and path in Infisical (project > Access Control), and check infisical.project-id.";
		}
		if (status == 404) {
			return "Check infisical.environment (the environment slug, e.g. dev) and infisical.secret-path: both must exist in the project.";
		}
		if (status == 400 || status == 422) {
			return "Check infisical.project-id, infisical.environment and infisical.secret-path: the server rejected them as invalid.";
		}
		if (status == 429) {
			return "Infisical is rate-limiting this client: wait, or lower the request rate (infisical.refresh.interval).";
		}
		if (status >= 500) {
			return "Infisical failed internally: retry later or check the server's health.";
		}
		return "Check infisical.site-url and the other infisical.* properties.";
	}

	static String shorten(String message) {
		String single = message.replaceAll("\\s+", " ").trim();
		return (single.length() <= MAX_SERVER_MESSAGE) ? single : single.substring(0, MAX_SERVER_MESSAGE) + "…";
	}

}
