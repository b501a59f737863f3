package io.github.infisicalstarter.client;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.github.infisicalstarter.config.InfisicalProperties;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.http.HttpHeaders;
import org.springframework.util.ClassUtils;
import org.springframework.web.util.DefaultUriBuilderFactory;

/**
 * Runs the cold parts of the start-up path once, off the main thread, so that the classes the
 * first login and list need (Spring's {@code RestClient}, the JDK's HTTP connection, Jackson's
 * streaming parser, Spring's retry support) are loaded and initialized while Spring Boot
 * prepares the environment. Nothing is sent over the network.
 *
 * @since 0.1.0
 */
public final class InfisicalClientWarmUp {

	private static final String SAMPLE = "{\"secrets\":[{\"secretKey\":\"K\",\"secretValue\":\"v\",\"secretPath\":\"/\","
			+ "\"tags\":[{\"slug\":\"t\"}]}],\"imports\":[{\"secretPath\":\"/\",\"environment\":\"e\",\"secrets\":[]}],"
			+ "\"accessToken\":\"t\"}";

	private InfisicalClientWarmUp() {
	}

	/**
	 * Warm up the client classes.
	 */
	public static void run() {
		InfisicalClient client = InfisicalClients.create(InfisicalProperties.defaults(), (SslBundle) null,
				LogFactory.getLog(InfisicalClientWarmUp.class));
		client.getSiteUrl();
		new DefaultUriBuilderFactory("http://127.0.0.1").builder()
			.path(InfisicalClient.V4_SECRETS_PATH)
			.queryParam("projectId", "p")
			.build();
		new HttpHeaders().setBearerAuth("warm-up");
		InfisicalJson.readSecrets(new ByteArrayInputStream(SAMPLE.getBytes(StandardCharsets.UTF_8)), null);
		InfisicalJson.readToken(new ByteArrayInputStream(SAMPLE.getBytes(StandardCharsets.UTF_8)));
		InfisicalJson.writeObject(new ByteArrayOutputStream(), Map.of("k", "v"));
		try {
			URI.create("http://127.0.0.1/").toURL().openConnection();
		}
		catch (java.io.IOException ex) {
			// only class loading matters here
		}
		ClassLoader classLoader = InfisicalClientWarmUp.class.getClassLoader();
		for (String name : new String[] { "org.springframework.core.retry.RetryTemplate",
				"org.springframework.core.retry.RetryPolicy", "org.springframework.util.backoff.ExponentialBackOff",
				"org.springframework.web.client.DefaultRestClient",
				"org.springframework.http.client.SimpleClientHttpRequest" }) {
			if (ClassUtils.isPresent(name, classLoader)) {
				ClassUtils.resolveClassName(name, classLoader);
			}
		}
	}

}
