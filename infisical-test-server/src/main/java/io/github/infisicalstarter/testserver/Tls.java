package io.github.infisicalstarter.testserver;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The bundled self-signed certificate (CN=localhost, SAN ip:127.0.0.1 and dns:localhost,
 * valid for a hundred years): the server side for {@code startHttps()} and a client side
 * that trusts exactly this certificate.
 */
final class Tls {

	static final String PASSWORD = "changeit";

	private static final String KEY_STORE = "tls/server.p12";

	private static final String TRUST_STORE = "tls/truststore.p12";

	private Tls() {
	}

	static URL trustStore() {
		return resource(TRUST_STORE);
	}

	static SSLContext serverContext() {
		try {
			KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			keys.init(load(KEY_STORE), PASSWORD.toCharArray());
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(keys.getKeyManagers(), null, null);
			return context;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot use the bundled server certificate", ex);
		}
	}

	static SSLContext clientContext() {
		try {
			TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trust.init(load(TRUST_STORE));
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, trust.getTrustManagers(), null);
			return context;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot use the bundled trust store", ex);
		}
	}

	private static KeyStore load(String name) throws GeneralSecurityException {
		try (InputStream in = resource(name).openStream()) {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(in, PASSWORD.toCharArray());
			return store;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + name, ex);
		}
	}

	private static URL resource(String name) {
		URL url = Tls.class.getResource(name);
		if (url == null) {
			throw new IllegalStateException("Missing resource " + name);
		}
		return url;
	}

}
