package io.github.infisicalstarter.client;

import java.net.http.HttpClient;

import javax.net.ssl.SSLParameters;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslOptions;

/**
 * Builds the JDK {@link HttpClient}s of the calls that {@code HttpURLConnection} cannot
 * make ({@code PATCH}, closable event streams) from {@link ConnectionSettings}, the way
 * Spring Boot's {@code JdkHttpClientBuilder} does: connect timeout, the SSL bundle's
 * context with its ciphers and protocols; proxies come from the JDK's
 * {@code ProxySelector} as in every JDK client. The read timeout is not the client's: it
 * is set per request.
 *
 * @since 0.1.0
 */
final class JdkHttpClients {

	private JdkHttpClients() {
	}

	/**
	 * Return a builder configured from the settings, for the caller to complete.
	 * @param settings the connection settings
	 * @return the builder
	 */
	static HttpClient.Builder builder(ConnectionSettings settings) {
		HttpClient.Builder builder = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL);
		if (settings.connectTimeout() != null) {
			builder.connectTimeout(settings.connectTimeout());
		}
		SslBundle bundle = settings.sslBundle();
		if (bundle != null) {
			SslOptions options = bundle.getOptions();
			SSLParameters parameters = new SSLParameters();
			parameters.setCipherSuites(options.getCiphers());
			parameters.setProtocols(options.getEnabledProtocols());
			builder.sslContext(bundle.createSslContext()).sslParameters(parameters);
		}
		return builder;
	}

}
