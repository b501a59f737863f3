package io.github.infisicalstarter.client;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

import io.github.infisicalstarter.config.InfisicalProperties;
import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.SslBundle;

/**
 * The one way an {@link InfisicalClient} is built, shared by every entry point: one
 * {@link InfisicalHttpTransport} from the {@link ConnectionSettings} (timeouts and the
 * SSL bundle named by {@code infisical.ssl.bundle}).
 *
 * @since 0.1.0
 */
public final class InfisicalClients {

	private InfisicalClients() {
	}

	/**
	 * Build a client.
	 * @param properties the properties that say where and how to connect
	 * @param sslBundle the SSL bundle named by {@code infisical.ssl.bundle}, or
	 * {@code null}
	 * @param logger where to warn about insecure settings
	 * @return a new client
	 */
	public static InfisicalClient create(InfisicalProperties properties, @Nullable SslBundle sslBundle, Log logger) {
		String siteUrl = properties.resolvedSiteUrl();
		warnIfInsecure(siteUrl, logger);
		ConnectionSettings settings = new ConnectionSettings(properties.http().connectTimeout(),
				properties.http().readTimeout(), sslBundle);
		return new InfisicalClient(InfisicalHttpTransport.create(siteUrl, settings));
	}

	private static void warnIfInsecure(String siteUrl, Log logger) {
		URI uri = URI.create(siteUrl);
		if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
			return;
		}
		try {
			if (InetAddress.getByName(uri.getHost()).isLoopbackAddress()) {
				return;
			}
		}
		catch (UnknownHostException ex) {
			// not resolvable: not loopback either
		}
		logger.warn("infisical.site-url uses plain http:// to " + uri.getHost()
				+ "; credentials and secrets cross the network unencrypted. Use https://.");
	}

}
