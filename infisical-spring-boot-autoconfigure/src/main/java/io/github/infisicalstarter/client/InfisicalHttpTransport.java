package io.github.infisicalstarter.client;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpRetryException;
import java.net.URI;
import java.util.List;

import io.github.infisicalstarter.client.InfisicalJson.BadJsonException;
import io.github.infisicalstarter.client.InfisicalJson.TruncatedBodyException;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;

/**
 * The one HTTP path of every call the starter makes itself (login, renew, revoke, list,
 * poll, and the operations of {@code InfisicalTemplate}). It sends requests through a
 * {@link ClientHttpRequestFactory} that Spring Boot's
 * {@link ClientHttpRequestFactoryBuilder} builds from {@link HttpClientSettings}
 * (timeouts, SSL bundle, redirects), without the {@code RestClient} facade, whose builder
 * and exchange path cost more start-up time than the two start-up requests themselves.
 * <p>
 * The JDK's {@code HttpURLConnection} carries the requests: of Boot's connectors it is by
 * far the cheapest to start (measured in {@code benchmarks/}) and follows the JDK's proxy
 * properties. It cannot send {@code PATCH}, so that method alone (used by secret updates,
 * never at start-up) goes through the JDK {@code HttpClient}, built from the same
 * settings on first use. Every failure becomes an {@link InfisicalApiException} whose
 * message never quotes a request or response body.
 *
 * @since 0.1.0
 */
public final class InfisicalHttpTransport {

	private static final List<MediaType> ACCEPT = List.of(MediaType.APPLICATION_JSON);

	private final String siteUrl;

	private final HttpClientSettings settings;

	private final ClientHttpRequestFactory requestFactory;

	private volatile @Nullable ClientHttpRequestFactory patchRequestFactory;

	private final HttpCallObserver observer = new HttpCallObserver();

	private InfisicalHttpTransport(String siteUrl, HttpClientSettings settings) {
		this.siteUrl = siteUrl;
		this.settings = settings;
		this.requestFactory = ClientHttpRequestFactoryBuilder.simple().build(settings);
	}

	/**
	 * Create a transport.
	 * @param siteUrl the Infisical site URL, without a trailing slash
	 * @param settings Spring Boot's HTTP client settings (timeouts, SSL bundle)
	 * @return a new transport
	 */
	public static InfisicalHttpTransport create(String siteUrl, HttpClientSettings settings) {
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
	 * Return the HTTP client settings this transport was built from, so that the reactive
	 * client connects with the same timeouts and SSL bundle.
	 * @return the settings
	 */
	public HttpClientSettings getSettings() {
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

	private <T> T send(ApiRequest request, ResponseReader<T> reader) {
		String endpoint = endpoint(request);
		try {
			ClientHttpRequest http = factoryFor(request.method())
				.createRequest(URI.create(this.siteUrl + request.pathAndQuery()), request.method());
			HttpHeaders headers = http.getHeaders();
			headers.setAccept(ACCEPT);
			if (request.bearer() != null) {
				headers.setBearerAuth(request.bearer());
			}
			if (request.ifNoneMatch() != null) {
				headers.setIfNoneMatch(request.ifNoneMatch());
			}
			byte[] body = request.body();
			if (body != null && request.contentType() != null) {
				headers.setContentType(request.contentType());
				headers.setContentLength(body.length);
				try (OutputStream out = http.getBody()) {
					out.write(body);
				}
			}
			try (ClientHttpResponse response = http.execute()) {
				return read(endpoint, request, response, reader);
			}
		}
		catch (TruncatedBodyException ex) {
			// the body broke off: sorted like any other I/O failure (timeout, reset, ...)
			throw InfisicalApiFailures.ioFailure(endpoint,
					(ex.getCause() instanceof IOException io) ? io : new EOFException(ex.getMessage()));
		}
		catch (IOException ex) {
			throw InfisicalApiFailures.ioFailure(endpoint, ex);
		}
	}

	private static <T> T read(String endpoint, ApiRequest request, ClientHttpResponse response,
			ResponseReader<T> reader) throws IOException {
		return readAnswer(endpoint, request, response.getStatusCode().value(), response.getHeaders(),
				() -> errorBody(response), response::getBody, reader);
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
	static <T> T readAnswer(String endpoint, ApiRequest request, int status, HttpHeaders headers,
			BodySupplier errorBody, BodySupplier body, ResponseReader<T> reader) throws IOException {
		if (status == 304 && request.ifNoneMatch() != null) {
			return reader.read(status, headers, InputStream.nullInputStream());
		}
		if (status < 200 || status >= 300) {
			throw InfisicalApiFailures.status(endpoint, status, headers, errorBody.get());
		}
		MediaType contentType = headers.getContentType();
		if (contentType != null && !InfisicalApiFailures.isJson(contentType)) {
			throw InfisicalApiFailures.badResponse(endpoint, "the answer is " + contentType.getType() + "/"
					+ contentType.getSubtype() + " where JSON was expected");
		}
		try {
			return reader.read(status, headers, new ContentLengthInputStream(body.get(), headers.getContentLength()));
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

	/**
	 * Return the error body, or an empty stream when the JDK withholds it: it drops the
	 * body of a 401 answer to a request whose body it streamed.
	 */
	private static InputStream errorBody(ClientHttpResponse response) throws IOException {
		try {
			return response.getBody();
		}
		catch (HttpRetryException ex) {
			return InputStream.nullInputStream();
		}
	}

	private ClientHttpRequestFactory factoryFor(HttpMethod method) {
		if (!HttpMethod.PATCH.equals(method)) {
			return this.requestFactory;
		}
		ClientHttpRequestFactory factory = this.patchRequestFactory;
		if (factory == null) {
			factory = ClientHttpRequestFactoryBuilder.jdk().build(this.settings);
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
		T read(int status, HttpHeaders headers, InputStream body);

	}

}
