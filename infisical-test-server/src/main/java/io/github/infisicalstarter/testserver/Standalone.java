package io.github.infisicalstarter.testserver;

import java.util.List;

/**
 * The server run on its own from the command line, with a demo project, so a sample
 * application can be tried without an Infisical account.
 */
final class Standalone {

	static final String DEMO_PROJECT_ID = "demo-project";

	private Standalone() {
	}

	static InfisicalTestServer run(String[] args) {
		int port = 0;
		boolean https = false;
		for (String arg : args) {
			if (arg.startsWith("--port=")) {
				port = Integer.parseInt(arg.substring("--port=".length()));
			}
			else if (arg.equals("--https")) {
				https = true;
			}
			else {
				throw new IllegalArgumentException("Unknown argument '" + arg + "'; use --port=N and/or --https");
			}
		}
		InfisicalTestServer server = InfisicalTestServer.start(port, https);
		seedDemo(server);
		Runtime.getRuntime().addShutdownHook(new Thread(server::close, "infisical-test-server-shutdown"));
		System.out.println("Infisical test server listening on " + server.url() + " (client id "
				+ InfisicalTestServer.DEFAULT_CLIENT_ID + ", project " + DEMO_PROJECT_ID + ", environment dev)");
		return server;
	}

	static void seedDemo(InfisicalTestServer server) {
		List.of("dev", "staging", "prod").forEach((env) -> server.environment(DEMO_PROJECT_ID, env));
		server.secret(DEMO_PROJECT_ID, "dev", "/", "GREETING", "hello from Infisical")
			.secret(DEMO_PROJECT_ID, "dev", "/", "DB_PASSWORD", "demo-only-password")
			.secret(DEMO_PROJECT_ID, "dev", "/", "APP_MESSAGE", "${GREETING}, served by the test server");
	}

}
