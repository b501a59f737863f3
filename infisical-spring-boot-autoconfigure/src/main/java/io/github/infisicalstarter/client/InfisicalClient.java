package io.github.infisicalstarter.client;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import javax.net.ssl.SSLException;

import io.github.infisicalstarter.client.InfisicalApiException.Kind;
import io.github.infisicalstarter.client.InfisicalJson.BadJsonException;
import io.github.infisicalstarter.client.InfisicalJson.ErrorBody;
import io.github.infisicalstarter.client.InfisicalJson.TruncatedBodyException;
import io.github.infisicalstarter.config.SecretsLocation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.StringUtils;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The calls this starter makes to the Infisical API, over a {@link RestClient}. Bodies
 * are written and read with {@link InfisicalJson} so that no message converter ever sees
 * (or logs) a credential, and every failure becomes an {@link InfisicalApiException} with
 * a safe, readable message.
 * <p>
 * Lists use {@code GET /api/v4/secrets}; a server older than v4 answers that the route
 * does not exist, after which this client uses {@code GET /api/v3/secrets/raw} for good.
 *
 * @since 0.1.0
 */
public final class InfisicalClient {

	static final String LOGIN_PATH = "/api/v1/auth/universal-auth/login";

	static final String RENEW_PATH = "/api/v1/auth/token/renew";

	static final String REVOKE_PATH = "/api/v1/auth/token/revoke";

	static final String V4_SECRETS_PATH = "/api/v4/secrets";

	static final String V3_SECRETS_PATH = "/api/v3/secrets/raw";

	private static final Log logger = LogFactory.getLog(InfisicalClient.class);

	private final RestClient restClient;

	private final String siteUrl;

	private volatile boolean v4Missing;

	/**
	 * Create a client.
	 * @param restClient the client that carries the requests
	 * @param siteUrl the Infisical site URL, without a trailing slash
	 */
	public InfisicalClient(RestClient restClient, String siteUrl) {
		this.restClient = restClient;
		this.siteUrl = siteUrl;
	}

	/**
	 * Return the site URL this client talks to.
	 * @return the site URL
	 */
	public String getSiteUrl() {
		return this.siteUrl;
	}

	/**
	 * Log in with Universal Auth.
	 * @param clientId the machine identity's client id
	 * @param clientSecret the machine identity's client secret
	 * @return the new access token
	 */
	public TokenResponse login(String clientId, String clientSecret) {
		Map<String, String> body = new LinkedHashMap<>();
		body.put("clientId", clientId);
		body.put("clientSecret", clientSecret);
		return post(LOGIN_PATH, body, InfisicalJson::readToken);
	}

	/**
	 * Renew an access token before it expires. Depending on the server generation the
	 * answer carries a new token string or the same one.
	 * @param accessToken the token to renew
	 * @return the renewed token
	 */
	public TokenResponse renew(String accessToken) {
		return post(RENEW_PATH, Map.of("accessToken", accessToken), InfisicalJson::readToken);
	}

	/**
	 * Revoke an access token.
	 * @param accessToken the token to revoke
	 */
	public void revoke(String accessToken) {
		post(REVOKE_PATH, Map.of("accessToken", accessToken), (in) -> Boolean.TRUE);
	}

	/**
	 * List the secrets of a location.
	 * @param location what to list
	 * @param accessToken the bearer token
	 * @param etag the ETag of the last answer, sent as {@code If-None-Match}, or
	 * {@code null}
	 * @return the answer, possibly "not modified"
	 */
	public SecretsResponse listSecrets(SecretsLocation location, String accessToken, @Nullable String etag) {
		if (!this.v4Missing) {
			try {
				return list(V4_SECRETS_PATH, "projectId", location, accessToken, etag);
			}
			catch (InfisicalApiException ex) {
				if (!isMissingRoute(ex)) {
					throw ex;
				}
				logger.info("Infisical at " + this.siteUrl + " has no v4 API; using " + V3_SECRETS_PATH);
				this.v4Missing = true;
			}
		}
		return list(V3_SECRETS_PATH, "workspaceId", location, accessToken, etag);
	}

	private SecretsResponse list(String path, String projectParam, SecretsLocation location, String accessToken,
			@Nullable String etag) {
		String endpoint = "GET " + this.siteUrl + path;
		return call(endpoint,
				() -> this.restClient.get().uri(secretsUri(path, projectParam, location)).headers((headers) -> {
					headers.setBearerAuth(accessToken);
					if (etag != null) {
						headers.setIfNoneMatch(etag);
					}
				}).exchange((request, response) -> {
					int status = response.getStatusCode().value();
					if (status == 304) {
						return SecretsResponse.notModified(etag);
					}
					String newEtag = response.getHeaders().getETag();
					return read(endpoint, status, response.getHeaders(), response.getBody(),
							(in) -> InfisicalJson.readSecrets(in, newEtag));
				}));
	}

	/**
	 * Build the list URI directly: cheaper at start-up than Spring's URI templates, and
	 * the parameters are plain values.
	 */
	private URI secretsUri(String path, String projectParam, SecretsLocation location) {
		StringBuilder uri = new StringBuilder(this.siteUrl).append(path).append('?');
		query(uri, projectParam, location.projectId());
		query(uri, "environment", location.environment());
		query(uri, "secretPath", location.secretPath());
		query(uri, "recursive", String.valueOf(location.recursive()));
		query(uri, "include_imports", String.valueOf(location.includeImports()));
		query(uri, "expandSecretReferences", String.valueOf(location.expandReferences()));
		query(uri, "viewSecretValue", "true");
		if (!location.tags().isEmpty()) {
			query(uri, "tagSlugs", String.join(",", location.tags()));
		}
		return URI.create(uri.toString());
	}

	/** Append one URL-encoded parameter to a query string or a form body. */
	private static void query(StringBuilder target, String name, String value) {
		if (!target.isEmpty() && target.charAt(target.length() - 1) != '?') {
			target.append('&');
		}
		target.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
	}

	private <T> T post(String path, Map<String, String> body, Function<InputStream, T> reader) {
		String endpoint = "POST " + this.siteUrl + path;
		byte[] form = form(body);
		return call(endpoint,
				() -> this.restClient.post()
					.uri(URI.create(this.siteUrl + path))
					.contentType(MediaType.APPLICATION_FORM_URLENCODED)
					.contentLength(form.length)
					.accept(MediaType.APPLICATION_JSON)
					.body((out) -> out.write(form))
					.exchange((request, response) -> read(endpoint, response.getStatusCode().value(),
							response.getHeaders(), response.getBody(), reader)));
	}

	/**
	 * Encode a form body. Infisical takes every auth route's fields as a form (its docs'
	 * own example does), which spares the start-up path a JSON writer.
	 */
	private static byte[] form(Map<String, String> fields) {
		StringBuilder form = new StringBuilder();
		fields.forEach((name, value) -> query(form, name, value));
		return form.toString().getBytes(StandardCharsets.US_ASCII);
	}

	private <T> T read(String endpoint, int status, HttpHeaders headers, InputStream response,
			Function<InputStream, T> reader) {
		if (status < 200 || status >= 300) {
			// the JDK may hand over no error body at all (401 to a streamed POST): not a
			// truncation
			throw ApiFailures.status(endpoint, status, headers, InfisicalJson.readError(response));
		}
		InputStream body = new ContentLengthInputStream(response, headers.getContentLength());
		MediaType contentType = headers.getContentType();
		if (contentType != null && !isJson(contentType)) {
			throw ApiFailures.badResponse(endpoint, "the answer is " + contentType.getType() + "/"
					+ contentType.getSubtype() + " where JSON was expected");
		}
		try {
			return reader.apply(body);
		}
		catch (BadJsonException ex) {
			throw ApiFailures.badResponse(endpoint, ex.getMessage());
		}
	}

	private <T> T call(String endpoint, CallSupplier<T> call) {
		try {
			return call.get();
		}
		catch (TruncatedBodyException ex) {
			// the body broke off: sorted like any other I/O failure (timeout, reset, ...)
			IOException cause = (ex.getCause() instanceof IOException io) ? io : new EOFException(ex.getMessage());
			throw connectionFailure(endpoint, cause);
		}
		catch (ResourceAccessException ex) {
			IOException cause = (ex.getCause() instanceof IOException io) ? io : new IOException("I/O error");
			throw connectionFailure(endpoint, cause);
		}
	}

	private InfisicalApiException connectionFailure(String endpoint, IOException ex) {
		if (ex instanceof SSLException && hasCause(ex, CertificateException.class)) {
			return ApiFailures.untrusted(endpoint, ex);
		}
		if (ex instanceof ConnectException || ex instanceof UnknownHostException || ex instanceof NoRouteToHostException
				|| ex instanceof SSLException) {
			return ApiFailures.unreachable(endpoint, ex);
		}
		String reason = (ex instanceof java.net.SocketTimeoutException) ? "the server did not answer in time"
				: "the connection was closed before a complete answer arrived";
		return ApiFailures.interrupted(endpoint, reason, ex);
	}

	private static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable current = ex; current != null; current = current.getCause()) {
			if (type.isInstance(current)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isJson(MediaType contentType) {
		return contentType.isCompatibleWith(MediaType.APPLICATION_JSON) || contentType.getSubtype().endsWith("+json");
	}

	private static boolean isMissingRoute(InfisicalApiException ex) {
		return ex.getStatus() == 404 && ex.getMessage() != null && ex.getMessage().contains("Route GET:");
	}

	@Override
	public String toString() {
		return "InfisicalClient[" + this.siteUrl + "]";
	}

	@FunctionalInterface
	private interface CallSupplier<T> {

		T get();

	}

	/**
	 * Fails at the end of a body shorter than its {@code Content-Length}. The JDK's
	 * {@code HttpURLConnection} reports a connection closed half-way through a body as a
	 * normal end of stream, which would otherwise read as malformed JSON instead of the
	 * transient network failure it is.
	 */
	static final class ContentLengthInputStream extends FilterInputStream {

		private final long expected;

		private long received;

		ContentLengthInputStream(InputStream in, long expected) {
			super(in);
			this.expected = expected;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b < 0) {
				checkComplete();
			}
			else {
				this.received++;
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n < 0) {
				checkComplete();
			}
			else {
				this.received += n;
			}
			return n;
		}

		@Override
		public long skip(long n) throws IOException {
			long skipped = super.skip(n);
			this.received += skipped;
			return skipped;
		}

		@Override
		public boolean markSupported() {
			return false;
		}

		private void checkComplete() throws EOFException {
			if (this.expected > 0 && this.received < this.expected) {
				throw new EOFException(
						"the connection was closed after " + this.received + " of " + this.expected + " bytes");
			}
		}

	}

	/**
	 * Builds the exceptions of failed calls. Server messages are kept (they name
	 * projects, environments, paths and keys, never values) but shortened.
	 */
	static final class ApiFailures {

		private static final int MAX_SERVER_MESSAGE = 300;

		private ApiFailures() {
		}

		static InfisicalApiException status(String endpoint, int status, HttpHeaders headers, ErrorBody body) {
			StringBuilder message = new StringBuilder("Infisical answered ").append(status);
			if (StringUtils.hasText(body.error())) {
				message.append(" (").append(body.error()).append(')');
			}
			message.append(" to ").append(endpoint);
			String serverMessage = (body.message() != null && body.detail() != null)
					? body.message() + ": " + body.detail() : (body.message() != null) ? body.message() : body.detail();
			if (StringUtils.hasText(serverMessage)) {
				message.append(": ").append(shorten(serverMessage));
			}
			return new InfisicalApiException(Kind.STATUS, endpoint, status, body.error(),
					RetryAfter.parse(headers.getFirst(HttpHeaders.RETRY_AFTER), body.message()), message.toString(),
					actionFor(endpoint, status, serverMessage), null);
		}

		static InfisicalApiException badResponse(String endpoint, String problem) {
			return new InfisicalApiException(Kind.BAD_RESPONSE, endpoint, 200, null, null,
					"Infisical's answer to " + endpoint + " is unusable: " + problem + ".",
					"Check that infisical.site-url points at the Infisical API and not at a proxy or web page.", null);
		}

		static InfisicalApiException interrupted(String endpoint, String reason, @Nullable Throwable cause) {
			return new InfisicalApiException(Kind.INTERRUPTED, endpoint, 0, null, null,
					"The call " + endpoint + " failed: " + reason + ".",
					"Check the network path to Infisical; raise infisical.http.read-timeout if the server is slow.",
					cause);
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

		private static String actionFor(String endpoint, int status, @Nullable String serverMessage) {
			if (status == 403 && serverMessage != null && serverMessage.contains("referenced by secret")) {
				return "Give the machine identity read access to the referenced secret named above, or set infisical.expand-references=false.";
			}
			boolean auth = endpoint.contains("/api/v1/auth/");
			if (status == 401 && auth) {
				return "Check infisical.client-id and infisical.client-secret: they must be the Universal Auth credentials of a machine identity.";
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

		private static String shorten(String message) {
			String single = message.replaceAll("\\s+", " ").trim();
			return (single.length() <= MAX_SERVER_MESSAGE) ? single : single.substring(0, MAX_SERVER_MESSAGE) + "…";
		}

	}

}
