package io.github.infisicalstarter.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Loads and initializes the classes of the first login and list, without sending
 * anything: the JSON parser, the JDK's HTTP connection classes, Spring's header and media
 * type classes. Run on a background thread while Spring Boot is still starting up (as
 * Boot's own {@code BackgroundPreinitializer} does for its converters and Jackson), this
 * takes their one-time cost, several times that of the two requests themselves on a local
 * server, off the start-up's critical path.
 *
 * @since 0.1.0
 */
public final class TransportPreinitializer {

	private static final byte[] TOKEN = ("{\"accessToken\":\"x\",\"expiresIn\":7200,\"accessTokenMaxTTL\":7200,"
			+ "\"tokenType\":\"Bearer\"}")
		.getBytes(StandardCharsets.UTF_8);

	private static final byte[] SECRETS = ("{\"secrets\":[{\"id\":\"1\",\"workspace\":\"p\",\"environment\":\"dev\","
			+ "\"version\":1,\"type\":\"shared\",\"secretKey\":\"K\",\"secretValue\":\"v\",\"secretComment\":\"\","
			+ "\"secretPath\":\"/\"}],\"imports\":[]}")
		.getBytes(StandardCharsets.UTF_8);

	private TransportPreinitializer() {
	}

	/**
	 * Initialize the classes. Never fails: whatever cannot be loaded here is loaded when
	 * it is needed.
	 */
	public static void run() {
		try {
			InfisicalJson.readToken(new ByteArrayInputStream(TOKEN));
			InfisicalJson.readSecrets(new ByteArrayInputStream(SECRETS), null);
			HttpHeaders headers = new HttpHeaders();
			headers.add(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8");
			MediaType contentType = headers.getContentType();
			if (contentType != null) {
				InfisicalApiFailures.isJson(contentType);
			}
			// opening a connection does not connect; it loads the JDK's HTTP client
			// classes
			URI.create("http://127.0.0.1/").toURL().openConnection();
		}
		catch (IOException | RuntimeException | LinkageError ex) {
			// best effort only
		}
	}

}
