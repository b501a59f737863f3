package io.github.infisicalstarter.auth;

import java.net.URI;
import java.net.URISyntaxException;

import io.github.infisicalstarter.config.InfisicalConfigurationException;

/**
 * Parses the metadata and STS endpoints that properties override, so that a typo is
 * reported by its property before any call.
 *
 * @since 0.1.0
 */
final class PlatformUrls {

	private PlatformUrls() {
	}

	static URI parse(String url, String property) {
		try {
			URI uri = new URI(url);
			if (uri.getScheme() == null || uri.getHost() == null
					|| !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
				throw new URISyntaxException(url, "not an absolute http(s) URL");
			}
			return uri;
		}
		catch (URISyntaxException ex) {
			throw new InfisicalConfigurationException(property,
					"Infisical property '" + property + "' is not an absolute http(s) URL.",
					"Set " + property + " to a URL such as http://169.254.169.254, or remove it to use the default.");
		}
	}

}
