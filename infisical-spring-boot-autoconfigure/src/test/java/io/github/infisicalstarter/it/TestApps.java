package io.github.infisicalstarter.it;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.infisicalstarter.testserver.InfisicalTestServer;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts {@link SampleApp} against a test server with command-line style properties.
 */
public final class TestApps {

	private TestApps() {
	}

	/**
	 * The properties of the zero-configuration quick start, pointing at the test server.
	 * @param server the server
	 * @return the arguments
	 */
	public static List<String> credentials(InfisicalTestServer server) {
		return List.of("--infisical.site-url=" + server.url(),
				"--infisical.client-id=" + InfisicalTestServer.DEFAULT_CLIENT_ID,
				"--infisical.client-secret=" + InfisicalTestServer.DEFAULT_CLIENT_SECRET,
				"--infisical.project-id=" + InfisicalTestServer.DEFAULT_PROJECT_ID, "--infisical.environment=dev",
				"--infisical.retry.max-attempts=1", "--infisical.refresh.enabled=false",
				// every leak scan then also covers the starter's DEBUG lines
				"--logging.level.io.github.infisicalstarter=DEBUG", "--spring.main.banner-mode=off");
	}

	/**
	 * Run the sample application; an extra argument replaces a default one with the same
	 * key.
	 * @param server the server
	 * @param extra more {@code --key=value} arguments
	 * @return the running context
	 */
	public static ConfigurableApplicationContext run(InfisicalTestServer server, String... extra) {
		return runRaw(arguments(server, extra));
	}

	/**
	 * The arguments {@link #run} starts with: the {@link #credentials}, an extra argument
	 * replacing a default one with the same key.
	 * @param server the server
	 * @param extra more {@code --key=value} arguments
	 * @return the arguments
	 */
	public static String[] arguments(InfisicalTestServer server, String... extra) {
		Map<String, String> args = new LinkedHashMap<>();
		for (String arg : credentials(server)) {
			args.put(key(arg), arg);
		}
		for (String arg : extra) {
			args.put(key(arg), arg);
		}
		return args.values().toArray(String[]::new);
	}

	private static String key(String arg) {
		int eq = arg.indexOf('=');
		return (eq >= 0) ? arg.substring(0, eq) : arg;
	}

	public static ConfigurableApplicationContext runRaw(String... args) {
		return new SpringApplicationBuilder(SampleApp.class).web(WebApplicationType.NONE).run(args);
	}

}
