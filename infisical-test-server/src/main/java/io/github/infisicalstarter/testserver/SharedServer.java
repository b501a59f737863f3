package io.github.infisicalstarter.testserver;

import org.jspecify.annotations.Nullable;

/**
 * The one server per JVM behind {@link InfisicalTestServer#shared()}: started on first
 * use, closed when the JVM exits, restarted on the same port if a test stopped it.
 */
final class SharedServer {

	private static @Nullable InfisicalTestServer server;

	private SharedServer() {
	}

	static synchronized InfisicalTestServer get() {
		InfisicalTestServer current = server;
		if (current == null) {
			current = InfisicalTestServer.start();
			Runtime.getRuntime().addShutdownHook(new Thread(current::close, "infisical-test-server-shutdown"));
			server = current;
		}
		else if (!current.isRunning()) {
			current.restart();
		}
		return current;
	}

}
