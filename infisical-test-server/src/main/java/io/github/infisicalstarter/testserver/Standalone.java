package io.github.infisicalstarter.testserver;

import java.io.PrintStream;

/**
 * The server run on its own from the command line ({@code java -jar
 * infisical-test-server-standalone.jar}), seeded with the quick start's secrets in the
 * project and environment the test API uses, so an application can be tried without an
 * Infisical account. It prints everything needed to point an application at it and to
 * change a secret while the application runs.
 */
final class Standalone {

	/** Port the standalone server listens on unless told otherwise. */
	static final int DEFAULT_PORT = 8222;

	private static final String ENVIRONMENT = InfisicalTestServer.DEFAULT_ENVIRONMENT;

	private Standalone() {
	}

	static InfisicalTestServer run(String[] args) {
		return run(args, System.out);
	}

	static InfisicalTestServer run(String[] args, PrintStream out) {
		int port = DEFAULT_PORT;
		boolean https = false;
		for (String arg : args) {
			if (arg.startsWith("--port=")) {
				port = port(arg.substring("--port=".length()));
			}
			else if (arg.equals("--https")) {
				https = true;
			}
			else {
				throw new IllegalArgumentException(
						"Unknown argument '" + arg + "'; use --port=N (0 for a free port) and/or --https");
			}
		}
		InfisicalTestServer server = start(port, https);
		seedDemo(server);
		Runtime.getRuntime().addShutdownHook(new Thread(server::close, "infisical-test-server-shutdown"));
		out.print(banner(server));
		out.flush();
		return server;
	}

	static void seedDemo(InfisicalTestServer server) {
		String project = InfisicalTestServer.DEFAULT_PROJECT_ID;
		server.secret(project, ENVIRONMENT, "/", "FOO", "BAR")
			.secret(project, ENVIRONMENT, "/", "GREETING", "hello from Infisical")
			.secret(project, ENVIRONMENT, "/", "APP_MESSAGE", "${GREETING}, served by the test server")
			.secret(project, ENVIRONMENT, "/", "DB_PASSWORD", "demo-only-password");
	}

	static String banner(InfisicalTestServer server) {
		String url = server.url();
		String n = System.lineSeparator();
		return "Infisical test server listening on " + url + " (Ctrl-C stops it; state is in memory only)" + n
				+ "  site-url       " + url + n + "  client id      " + InfisicalTestServer.DEFAULT_CLIENT_ID + n
				+ "  client secret  " + InfisicalTestServer.DEFAULT_CLIENT_SECRET + "  (a test-only credential)" + n
				+ "  project id     " + InfisicalTestServer.DEFAULT_PROJECT_ID + n + "  environment    " + ENVIRONMENT
				+ "  (also: staging, prod)" + n
				+ "  secrets in /   FOO=BAR (as in the quick start), GREETING, APP_MESSAGE (references GREETING),"
				+ " DB_PASSWORD" + n + "Point an application at it:" + n + "  " + String.join(" ", arguments(server))
				+ n + "Change a secret while the application runs (it sees it at its next poll):" + n
				+ "  TOKEN=$(curl -s " + url + "/api/v1/auth/universal-auth/login -d clientId="
				+ InfisicalTestServer.DEFAULT_CLIENT_ID + " -d clientSecret="
				+ InfisicalTestServer.DEFAULT_CLIENT_SECRET + " | sed 's/.*\"accessToken\":\"\\([^\"]*\\)\".*/\\1/')"
				+ n + "  curl -s -X PATCH " + url
				+ "/api/v4/secrets/FOO -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json'"
				+ " -d '{\"projectId\":\"" + InfisicalTestServer.DEFAULT_PROJECT_ID + "\",\"environment\":\""
				+ ENVIRONMENT + "\",\"secretValue\":\"BAZ\"}'" + n;
	}

	private static String[] arguments(InfisicalTestServer server) {
		String[] values = server.propertyValues();
		String[] arguments = new String[values.length];
		for (int i = 0; i < values.length; i++) {
			arguments[i] = "--" + values[i];
		}
		return arguments;
	}

	private static int port(String value) {
		try {
			int port = Integer.parseInt(value);
			if (port >= 0 && port <= 65535) {
				return port;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException("Invalid port '" + value + "'; use --port=N with N from 0 to 65535");
	}

	private static InfisicalTestServer start(int port, boolean https) {
		try {
			return InfisicalTestServer.start(port, https);
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("Cannot listen on port " + port + " (" + ex.getMessage()
					+ "); pass --port=N to use another port, or --port=0 for a free one", ex);
		}
	}

}
