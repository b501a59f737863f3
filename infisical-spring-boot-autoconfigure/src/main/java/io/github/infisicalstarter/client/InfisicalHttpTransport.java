package io.github.infisicalstarter.client;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.List;
import java.util.Map;

import io.github.infisicalstarter.client.InfisicalJson.BadJsonException;
import io.github.infisicalstarter.client.InfisicalJson.TruncatedBodyException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;

/**
 * The one HTTP path of every call the starter makes itself (login, renew, revoke, list,
 * poll, and the operations of {@code InfisicalTemplate}). Requests go through the JDK's
 * {@code HttpURLConnection}, opened from the {@link ConnectionSettings} (timeouts, SSL
 * bundle) as Spring Boot's {@code ClientHttpRequestFactoryBuilder.simple()} would (see
 * {@link UrlConnections}): of Boot's connectors it is by far the cheapest to start
 * (measured in {@code benchmarks/}) and follows the JDK's proxy properties; neither the
 * {@code RestClient} facade nor Spring's request classes, whose start-up cost exceeds
 * that of the two start-up requests themselves, are involved. The JDK connection cannot
 * send {@code PATCH}, so that method alone (used by secret updates, never at start-up)
 * goes through Spring's {@link JdkClientHttpRequestFactory} on a JDK {@code HttpClient}
 * built from the same settings on first use (see {@link JdkHttpClients}). Every failure
 * becomes an {@link InfisicalApiException} whose message never quotes a request or
 * response body.
 *
 * @since 0.1.0
 */
public final class InfisicalHttpTransport {

	private static final String ACCEPT = "application/json";

	private final String siteUrl;

	private final ConnectionSettings settings;

	private final UrlConnections connections;

	private volatile @Nullable ClientHttpRequestFactory patchRequestFactory;

	private final HttpCallObserver observer = new HttpCallObserver();

	private InfisicalHttpTransport(String siteUrl, ConnectionSettings settings) {
		this.siteUrl = siteUrl;
		this.settings = settings;
		this.connections = new UrlConnections(settings);
	}

	/**
	 * Create a transport.
	 * @param siteUrl the Infisical site URL, without a trailing slash
	 * @param settings the timeouts and SSL bundle
	 * @return a new transport
	 */
	public static InfisicalHttpTransport create(String siteUrl, ConnectionSettings settings) {
		return new InfisicalHttpTransport(siteUrl, settings);
	}

	/**
	 * Return the site URL requests go to.
	 * @return the site URL, without a trailing slash
	 */
	public String getSiteUrl() {
		return this.siteUrl;
	}

	/**
	 * Return the settings this transport was built from, so that the reactive client and
	 * event streams connect with the same timeouts and SSL bundle.
	 * @return the settings
	 */
	public ConnectionSettings getSettings() {
		return this.settings;
	}

	/**
	 * Return what observes this transport's calls (Micrometer observations once the
	 * application's registry is there; durations of the start-up calls before).
	 * @return the observer
	 */
	public HttpCallObserver getObserver() {
		return this.observer;
	}

	/**
	 * Send a request and read a successful (2xx, or 304 when the request was conditional)
	 * answer.
	 * @param <T> the result type
	 * @param request the request
	 * @param reader reads the answer
	 * @return what the reader returned
	 * @throws InfisicalApiException when the call failed
	 */
	<T> T exchange(ApiRequest request, ResponseReader<T> reader) {
		return this.observer.observe(request, reader, this::send);
	}

	/**
	 * Send a GET to a URL outside Infisical (a platform's metadata service) with the same
	 * connections, timeouts and SSL bundle as the calls to Infisical.
	 * @param url the absolute URL
	 * @param headers the request headers
	 * @return the answer, whatever its status
	 * @throws IOException when no answer arrived
	 */
	PlatformAnswer getExternal(URI url, Map<String, String> headers) throws IOException {
		HttpURLConnection connection = this.connections.open(url, HttpMethod.GET, false);
		try {
			headers.forEach(connection::setRequestProperty);
			int status = connection.getResponseCode();
			try (InputStream body = (status >= 200 && status < 300) ? connection.getInputStream()
					: errorBody(connection)) {
				byte[] bytes = body.readNBytes(PlatformAnswer.MAX_BODY);
				return new PlatformAnswer(status, ResponseHeaders.mediaType(connection.getContentType()), bytes);
			}
		}
		catch (IOException | RuntimeException ex) {
			connection.disconnect();
			throw ex;
		}
	}

	private <T> T send(ApiRequest request, ResponseReader<T> reader) {
		if (HttpMethod.PATCH.equals(request.method())) {
			return sendPatch(request, reader);
		}
		String endpoint = endpoint(request);
		byte[] body = request.body();
		String contentType = request.contentType();
		HttpURLConnection connection = null;
		try {
			connection = this.connections.open(URI.create(this.siteUrl + request.pathAndQuery()), request.method(),
					body != null && contentType != null);
			connection.setRequestProperty(HttpHeaders.ACCEPT, ACCEPT);
			if (request.bearer() != null) {
				connection.setRequestProperty(HttpHeaders.AUTHORIZATION, "Bearer " + request.bearer());
			}
			if (request.ifNoneMatch() != null) {
				connection.setRequestProperty(HttpHeaders.IF_NONE_MATCH, request.ifNoneMatch());
			}
			if (body != null && contentType != null) {
				connection.setRequestProperty(HttpHeaders.CONTENT_TYPE, contentType);
				// no streaming mode: the JDK buffers the small body and keeps a 401's
				// answer
				try (OutputStream out = connection.getOutputStream()) {
					out.write(body);
				}
			}
			int status = connection.getResponseCode();
			HttpURLConnection answered = connection;
			try {
				return readAnswer(endpoint, request, status, ResponseHeaders.of(answered.getHeaderFields()),
						() -> errorBody(answered), answered::getInputStream, reader);
			}
			finally {
				drainAndClose(answered, status);
			}
		}
		catch (TruncatedBodyException ex) {
			// the body broke off: sorted like any other I/O failure (timeout, reset, ...)
			disconnect(connection);
			throw InfisicalApiFailures.ioFailure(endpoint,
					(ex.getCause() instanceof IOException io) ? io : new EOFException(ex.getMessage()));
		}
		catch (IOException ex) {
			disconnect(connection);
			throw InfisicalApiFailures.ioFailure(endpoint, ex);
		}
	}

	private <T> T sendPatch(ApiRequest request, ResponseReader<T> reader) {
		String endpoint = endpoint(request);
		try {
			ClientHttpRequest http = patchRequestFactory()
				.createRequest(URI.create(this.siteUrl + request.pathAndQuery()), request.method());
			HttpHeaders headers = http.getHeaders();
			headers.set(HttpHeaders.ACCEPT, ACCEPT);
			if (request.bearer() != null) {
				headers.setBearerAuth(request.bearer());
			}
			byte[] body = request.body();
			if (body != null && request.contentType() != null) {
				headers.set(HttpHeaders.CONTENT_TYPE, request.contentType());
				headers.setContentLength(body.length);
				try (OutputStream out = http.getBody()) {
					out.write(body);
				}
			}
			try (ClientHttpResponse response = http.execute()) {
				return readAnswer(endpoint, request, response.getStatusCode().value(),
						ResponseHeaders.of(response.getHeaders()), response::getBody, response::getBody, reader);
			}
		}
		catch (TruncatedBodyException ex) {
			throw InfisicalApiFailures.ioFailure(endpoint,
					(ex.getCause() instanceof IOException io) ? io : new EOFException(ex.getMessage()));
		}
		catch (IOException ex) {
			throw InfisicalApiFailures.ioFailure(endpoint, ex);
		}
	}

	private static InputStream errorBody(HttpURLConnection connection) {
		InputStream body = connection.getErrorStream();
		return (body != null) ? body : InputStream.nullInputStream();
	}

	/**
	 * Finish with an answer so that the JDK can keep the connection alive for the next
	 * call: what the reader left of the body is read and the stream closed.
	 */
	private static void drainAndClose(HttpURLConnection connection, int status) {
		try (InputStream body = (status >= 400) ? connection.getErrorStream() : connection.getInputStream()) {
			if (body != null) {
				body.transferTo(OutputStream.nullOutputStream());
			}
		}
		catch (IOException ex) {
			disconnect(connection);
		}
	}

	private static void disconnect(@Nullable HttpURLConnection connection) {
		if (connection != null) {
			connection.disconnect();
		}
	}

	/**
	 * Read an answer, whichever client received it: a successful one with the reader, an
	 * error as an {@link InfisicalApiException}.
	 * @param <T> the result type
	 * @param endpoint the endpoint, for messages
	 * @param request the request that was sent
	 * @param status the HTTP status
	 * @param headers the response headers
	 * @param errorBody supplies the body of an error answer
	 * @param body supplies the body of a successful answer
	 * @param reader reads a successful answer
	 * @return the result
	 * @throws IOException when the body cannot be read
	 */
	static <T> T readAnswer(String endpoint, ApiRequest request, int status, ResponseHeaders headers,
			BodySupplier errorBody, BodySupplier body, ResponseReader<T> reader) throws IOException {
		if (status == 304 && request.ifNoneMatch() != null) {
			return reader.read(status, headers, InputStream.nullInputStream());
		}
		if (status < 200 || status >= 300) {
			throw InfisicalApiFailures.status(endpoint, status, headers, errorBody.get());
		}
		String mediaType = headers.mediaType();
		if (mediaType != null && !ResponseHeaders.isJson(mediaType)) {
			throw InfisicalApiFailures.badResponse(endpoint, "the answer is " + mediaType + " where JSON was expected");
		}
		try {
			return reader.read(status, headers, new ContentLengthInputStream(body.get(), headers.contentLength()));
		}
		catch (BadJsonException ex) {
			throw InfisicalApiFailures.badResponse(endpoint, ex.getMessage());
		}
	}

	/**
	 * Return the endpoint of a request as messages name it: method and URL without the
	 * query.
	 * @param request the request
	 * @return the endpoint
	 */
	String endpoint(ApiRequest request) {
		return request.method().name() + " " + this.siteUrl + request.path();
	}

	private ClientHttpRequestFactory patchRequestFactory() {
		ClientHttpRequestFactory factory = this.patchRequestFactory;
		if (factory == null) {
			JdkClientHttpRequestFactory jdk = new JdkClientHttpRequestFactory(
					JdkHttpClients.builder(this.settings).build());
			if (this.settings.readTimeout() != null) {
				jdk.setReadTimeout(this.settings.readTimeout());
			}
			factory = jdk;
			this.patchRequestFactory = factory;
		}
		return factory;
	}

	@Override
	public String toString() {
		return "InfisicalHttpTransport[" + this.siteUrl + "]";
	}

	/**
	 * Supplies a response body.
	 */
	@FunctionalInterface
	interface BodySupplier {

		InputStream get() throws IOException;

	}

	/**
	 * Reads a successful answer.
	 *
	 * @param <T> the result type
	 */
	@FunctionalInterface
	interface ResponseReader<T> {

		/**
		 * Read the answer.
		 * @param status the HTTP status (2xx, or 304)
		 * @param headers the response headers
		 * @param body the body (empty for 304)
		 * @return the result
		 */
		T read(int status, ResponseHeaders headers, InputStream body);

	}

}
