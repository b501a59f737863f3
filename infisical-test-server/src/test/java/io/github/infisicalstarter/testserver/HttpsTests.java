package io.github.infisicalstarter.testserver;

import java.io.InputStream;
import java.security.KeyStore;
import java.util.Collections;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for the HTTPS server and its bundled certificate.
 */
class HttpsTests {

	@Test
	void httpsWithBundledTrustStore() throws Exception {
		try (InfisicalTestServer server = InfisicalTestServer.startHttps()) {
			assertThat(server.url()).isEqualTo("https://127.0.0.1:" + server.port());
			TestClient client = TestClient.https(server, sslContextFromTrustStore());
			assertThat(client.get("/api/status", java.util.Map.of()).status()).isEqualTo(200);
			TestClient shortcut = TestClient.https(server, InfisicalTestServer.clientSslContext());
			String list = "/api/v4/secrets?projectId=test-project&environment=dev";
			assertThat(shortcut.get(list, shortcut.login()).status()).isEqualTo(200);
		}
	}

	@Test
	void untrustedClientFailsTheHandshake() throws Exception {
		try (InfisicalTestServer server = InfisicalTestServer.startHttps()) {
			TestClient client = TestClient.https(server, SSLContext.getDefault());
			assertThatException().isThrownBy(() -> client.get("/api/status", java.util.Map.of()));
		}
	}

	@Test
	void trustStoreHoldsOnlyTheCertificate() throws Exception {
		KeyStore store = load();
		assertThat(Collections.list(store.aliases())).hasSize(1);
		String alias = store.aliases().nextElement();
		assertThat(store.isCertificateEntry(alias)).isTrue();
	}

	private static SSLContext sslContextFromTrustStore() throws Exception {
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(load());
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, trust.getTrustManagers(), null);
		return context;
	}

	private static KeyStore load() throws Exception {
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = InfisicalTestServer.trustStore().openStream()) {
			store.load(in, InfisicalTestServer.TLS_STORE_PASSWORD.toCharArray());
		}
		return store;
	}

}
