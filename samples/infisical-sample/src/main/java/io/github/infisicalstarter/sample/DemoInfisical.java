package io.github.infisicalstarter.sample;

import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.infisicalstarter.testserver.InfisicalTestServer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.StringUtils;

/**
 * Demo mode: an in-process Infisical test server seeded with fake secrets, so the sample
 * runs without an Infisical account. It points the starter at itself with system
 * properties (they win over {@code application.yml}), polls every 2 seconds so
 * {@code POST /demo/rotate} shows quickly, and removes the properties again when it
 * closes.
 */
final class DemoInfisical implements AutoCloseable {

	static final String PROJECT_ID = InfisicalTestServer.DEFAULT_PROJECT_ID;

	static final String ENVIRONMENT = "dev";

	static final String GREETING = "Hello from Infisical (demo secret)";

	static final String APP_MESSAGE = "Initial message; POST /demo/rotate to change it without a restart";

	static final String DB_USER = "demo_user";

	private static final String CLIENT_ID_PROPERTY = "infisical.client-id";

	private static final Log logger = LogFactory.getLog(DemoInfisical.class);

	private final InfisicalTestServer server;

	private final Map<String, String> properties;

	private final AtomicInteger rotations = new AtomicInteger();

	private DemoInfisical(InfisicalTestServer server, Map<String, String> properties) {
		this.server = server;
		this.properties = properties;
	}

	/**
	 * Whether to run in demo mode: no Infisical client id in the
	 * {@code INFISICAL_CLIENT_ID} environment variable, the {@code infisical.client-id}
	 * system property or a {@code --infisical.client-id} argument, and not during Spring
	 * AOT processing.
	 * @param env the environment variables
	 * @param system the system properties
	 * @param args the command-line arguments
	 * @return {@code true} when no credentials are configured
	 */
	static boolean isWanted(Map<String, String> env, Properties system, String[] args) {
		if (Boolean.parseBoolean(system.getProperty("spring.aot.processing"))) {
			// spring-boot:process-aot runs main() at build time: no server to start there
			return false;
		}
		if (StringUtils.hasText(env.get("INFISICAL_CLIENT_ID"))
				|| StringUtils.hasText(system.getProperty(CLIENT_ID_PROPERTY))) {
			return false;
		}
		for (String arg : args) {
			if (arg.startsWith("--" + CLIENT_ID_PROPERTY)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Start the server on {@code 127.0.0.1} and a free port, seed the demo secrets and
	 * point the starter at it.
	 * @return the running demo
	 */
	static DemoInfisical start() {
		InfisicalTestServer server = InfisicalTestServer.start();
		server.secret(PROJECT_ID, ENVIRONMENT, "/", "GREETING", GREETING)
			.secret(PROJECT_ID, ENVIRONMENT, "/", "APP_MESSAGE", APP_MESSAGE)
			.secret(PROJECT_ID, ENVIRONMENT, "/", "DB_USER", DB_USER)
			.secret(PROJECT_ID, ENVIRONMENT, "/", "DB_PASSWORD", password(0));
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("infisical.site-url", server.url());
		properties.put(CLIENT_ID_PROPERTY, InfisicalTestServer.DEFAULT_CLIENT_ID);
		properties.put("infisical.client-secret", InfisicalTestServer.DEFAULT_CLIENT_SECRET);
		properties.put("infisical.project-id", PROJECT_ID);
		properties.put("infisical.environment", ENVIRONMENT);
		properties.put("infisical.refresh.interval", "2s");
		properties.put("infisical.refresh.jitter", "0s");
		properties.forEach(System::setProperty);
		return new DemoInfisical(server, properties);
	}

	/**
	 * The fake database password after a number of rotations; its length changes with the
	 * first rotation, so the masked form at {@code GET /} shows the change.
	 * @param rotation how many times the secrets were rotated
	 * @return the password
	 */
	static String password(int rotation) {
		return (rotation != 0) ? "fake-db-password-rotated-" + rotation : "fake-db-password";
	}

	/**
	 * Announce demo mode and make this demo a bean that closes with the context;
	 * registered before the starter's own beans, so it closes after them (the starter
	 * revokes its token).
	 * @param context the application context being prepared
	 */
	void register(ConfigurableApplicationContext context) {
		logger
			.info("Demo mode: no Infisical credentials set, so secrets come from an embedded Infisical test server at "
					+ this.server.url() + " with demo secrets (project " + PROJECT_ID + ", environment " + ENVIRONMENT
					+ "); to use a real Infisical set INFISICAL_CLIENT_ID, INFISICAL_CLIENT_SECRET, INFISICAL_PROJECT_ID, "
					+ "INFISICAL_ENVIRONMENT and optionally INFISICAL_SITE_URL");
		context.getBeanFactory().registerSingleton("demoInfisical", this);
		if (context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry) {
			registry.registerDisposableBean("demoInfisical", this::close);
		}
	}

	/**
	 * Change {@code APP_MESSAGE} and {@code DB_PASSWORD} in the server, as an operator
	 * would in the Infisical dashboard.
	 * @return the new {@code APP_MESSAGE}
	 */
	String rotate() {
		int rotation = this.rotations.incrementAndGet();
		String message = "Rotated " + rotation + " time(s), last at " + LocalTime.now().withNano(0);
		this.server.secret(PROJECT_ID, ENVIRONMENT, "/", "APP_MESSAGE", message)
			.secret(PROJECT_ID, ENVIRONMENT, "/", "DB_PASSWORD", password(rotation));
		return message;
	}

	/**
	 * The current fake database password.
	 * @return the password
	 */
	String password() {
		return password(this.rotations.get());
	}

	@Override
	public void close() {
		this.server.close();
		this.properties.keySet().forEach(System::clearProperty);
	}

	@Override
	public String toString() {
		return "DemoInfisical[" + this.server.url() + "]";
	}

}
