package io.github.infisicalstarter.testserver;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link InfisicalTestServerExtension}.
 */
class ExtensionTests {

	/**
	 * The extension in a static field.
	 */
	@Nested
	@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
	class Registered {

		@RegisterExtension
		static final InfisicalTestServerExtension infisical = new InfisicalTestServerExtension();

		static InfisicalTestServer started;

		@BeforeAll
		static void captureServer() {
			started = infisical.server();
		}

		@Test
		@Order(1)
		void serverIsRunningAndSeeded() {
			InfisicalTestServer server = infisical.server();
			assertThat(server).isSameAs(started);
			assertThat(server.isRunning()).isTrue();
			TestClient client = new TestClient(server);
			assertThat(client.get("/api/v4/secrets?projectId=test-project&environment=prod", client.login()).status())
				.isEqualTo(200);
			server.secret("test-project", "dev", "/", "LEFTOVER", "x");
			server.faults().always("/api", Fault.status(500));
			server.stop();
		}

		@Test
		@Order(2)
		void serverIsResetAndRestartedBeforeEachTest(InfisicalTestServer parameter) {
			assertThat(parameter).isSameAs(infisical.server());
			assertThat(parameter.isRunning()).as("restarted after the last test stopped it").isTrue();
			assertThat(parameter.journal()).isEmpty();
			TestClient client = new TestClient(parameter);
			assertThat(SecretListTests
				.keys(client.get("/api/v4/secrets?projectId=test-project&environment=dev", client.login()))).isEmpty();
		}

		@Nested
		class Inner {

			@Test
			void nestedClassSharesTheServer(InfisicalTestServer parameter) {
				assertThat(parameter).isSameAs(started);
				assertThat(infisical.server()).isSameAs(started);
			}

		}

	}

	/**
	 * The extension declared on the class, the server as a parameter.
	 */
	@Nested
	@ExtendWith(InfisicalTestServerExtension.class)
	class Declared {

		@Test
		void serverIsInjected(InfisicalTestServer server) {
			assertThat(server.isRunning()).isTrue();
			assertThat(server.url()).isEqualTo("http://127.0.0.1:" + server.port());
		}

	}

}
