package io.github.infisicalstarter.testserver;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that runs one {@link InfisicalTestServer} per test class: started
 * before all tests, {@link InfisicalTestServer#reset() reset} (and restarted, if a test
 * stopped it) before each, closed after all. Nested test classes share the server of
 * their enclosing class. Register it in a static field to reach the server from
 * {@code @BeforeAll} code and property registrars: <pre class="code">
 * &#64;RegisterExtension
 * static final InfisicalTestServerExtension infisical = new InfisicalTestServerExtension();
 *
 * &#64;Test
 * void readsSecret() {
 *     infisical.server().secret(InfisicalTestServer.DEFAULT_PROJECT_ID, "dev", "/", "KEY", "value");
 * }
 * </pre> or declaratively, with the server as a test or lifecycle method parameter:
 * <pre class="code">
 * &#64;ExtendWith(InfisicalTestServerExtension.class)
 * class MyTests {
 *     &#64;Test
 *     void readsSecret(InfisicalTestServer infisical) { ... }
 * }
 * </pre>
 *
 * @since 0.1.0
 */
public final class InfisicalTestServerExtension
		implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(InfisicalTestServerExtension.class);

	private static final String SERVER = "server";

	private final boolean https;

	private volatile @Nullable InfisicalTestServer server;

	/**
	 * Create an extension that runs a plain HTTP server.
	 */
	public InfisicalTestServerExtension() {
		this(false);
	}

	private InfisicalTestServerExtension(boolean https) {
		this.https = https;
	}

	/**
	 * Create an extension that runs an HTTPS server with the bundled certificate (see
	 * {@link InfisicalTestServer#startHttps()}).
	 * @return the extension
	 */
	public static InfisicalTestServerExtension https() {
		return new InfisicalTestServerExtension(true);
	}

	/**
	 * Return the server of the current test class, starting it if a static initializer
	 * asks before JUnit's before-all phase.
	 * @return the running server
	 */
	public InfisicalTestServer server() {
		InfisicalTestServer server = this.server;
		if (server == null) {
			synchronized (this) {
				server = this.server;
				if (server == null) {
					server = this.https ? InfisicalTestServer.startHttps() : InfisicalTestServer.start();
					this.server = server;
				}
			}
		}
		return server;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		if (context.getStore(NAMESPACE).get(SERVER) == null) {
			// the outermost class owns the server; nested classes find it through the
			// parent store
			context.getStore(NAMESPACE).put(SERVER, new Owner(server()));
		}
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		InfisicalTestServer server = serverOf(context);
		server.reset();
		if (!server.isRunning()) {
			server.restart();
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		Owner owner = context.getStore(NAMESPACE).remove(SERVER, Owner.class);
		if (owner != null) {
			owner.server().close();
			synchronized (this) {
				if (this.server == owner.server()) {
					this.server = null;
				}
			}
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == InfisicalTestServer.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return serverOf(extensionContext);
	}

	private InfisicalTestServer serverOf(ExtensionContext context) {
		Owner owner = context.getStore(NAMESPACE).get(SERVER, Owner.class);
		return (owner != null) ? owner.server() : server();
	}

	/**
	 * The server as stored by the class that started it.
	 *
	 * @param server the server
	 */
	private record Owner(InfisicalTestServer server) {

	}

}
