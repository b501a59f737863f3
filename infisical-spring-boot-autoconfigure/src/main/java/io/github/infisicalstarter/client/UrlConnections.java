package io.github.infisicalstarter.client;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLConnection;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.http.HttpMethod;

/**
 * Opens the JDK's {@link HttpURLConnection}s as Spring Boot's
 * {@code ClientHttpRequestFactoryBuilder.simple()} configures them from its default
 * settings and {@link ConnectionSettings}: connect and read timeouts, the SSL bundle's
 * socket factory, redirects followed for {@code GET} only, proxies from the JDK's
 * {@code ProxySelector}. The transport drives the connections itself rather than through
 * Spring's {@code SimpleClientHttpRequest}, because that one always streams a request
 * body, and the JDK drops the body of a 401 answer to a streamed request: the login's
 * "invalid credentials" or lockout message would be lost. A request body here is a few
 * hundred bytes, which the JDK buffers and sends with its length.
 *
 * @since 0.1.0
 */
final class UrlConnections {

	private final @Nullable Integer connectTimeout;

	private final @Nullable Integer readTimeout;

	private final @Nullable SSLSocketFactory sslSocketFactory;

	UrlConnections(ConnectionSettings settings) {
		this.connectTimeout = millis(settings.connectTimeout());
		this.readTimeout = millis(settings.readTimeout());
		SslBundle bundle = settings.sslBundle();
		if (bundle != null && bundle.getOptions().isSpecified()) {
			throw new IllegalStateException("SSL options (ciphers, protocols) of the SSL bundle cannot be applied to "
					+ "Java connections; configure them through the JVM's javax.net.ssl properties instead");
		}
		// one context for all connections: building it reads key and trust material
		this.sslSocketFactory = (bundle != null) ? bundle.createSslContext().getSocketFactory() : null;
	}

	/**
	 * Open a connection, not yet connected.
	 * @param uri where to
	 * @param method the request method ({@code PATCH} is not supported by the JDK)
	 * @param withBody whether a body will be written
	 * @return the connection
	 * @throws IOException when the URL cannot be opened
	 */
	HttpURLConnection open(URI uri, HttpMethod method, boolean withBody) throws IOException {
		URLConnection urlConnection = uri.toURL().openConnection();
		if (!(urlConnection instanceof HttpURLConnection connection)) {
			throw new IOException("Not an HTTP URL: " + uri.getScheme());
		}
		if (this.connectTimeout != null) {
			connection.setConnectTimeout(this.connectTimeout);
		}
		if (this.readTimeout != null) {
			connection.setReadTimeout(this.readTimeout);
		}
		if (this.sslSocketFactory != null && connection instanceof HttpsURLConnection secure) {
			secure.setSSLSocketFactory(this.sslSocketFactory);
		}
		connection.setInstanceFollowRedirects(HttpMethod.GET.equals(method));
		connection.setUseCaches(false);
		connection.setDoInput(true);
		connection.setDoOutput(withBody);
		connection.setRequestMethod(method.name());
		return connection;
	}

	private static @Nullable Integer millis(java.time.@Nullable Duration duration) {
		return (duration != null) ? (int) Math.min(Integer.MAX_VALUE, duration.toMillis()) : null;
	}

}
