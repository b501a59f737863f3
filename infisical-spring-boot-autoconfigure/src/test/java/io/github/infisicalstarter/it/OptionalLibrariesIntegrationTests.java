package io.github.infisicalstarter.it;

import java.io.File;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.infisicalstarter.testserver.InfisicalTestServer;
import io.github.infisicalstarter.testserver.InfisicalTestServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The optional libraries of {@code aws-iam} and {@code gcp-iam} cost an application on
 * Universal Auth nothing: a start-up in a class loader of its own, which records every
 * class it is asked for, loads secrets without asking for one class of the AWS SDK or of
 * Google's auth library (although both are on the class path).
 */
@ExtendWith(OutputCaptureExtension.class)
class OptionalLibrariesIntegrationTests {

	@RegisterExtension
	static final InfisicalTestServerExtension infisical = new InfisicalTestServerExtension();

	private static final List<String> OPTIONAL = List.of("software.amazon.awssdk.", "com.google.auth.",
			"com.google.api.client.");

	@Test
	void universalAuthLoadsNoClassOfTheOptionalLibraries() throws Exception {
		InfisicalTestServer server = infisical.server();
		server.secret(InfisicalTestServer.DEFAULT_PROJECT_ID, "dev", "/", "FOO", "universal-value");
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		try (RecordingClassLoader loader = new RecordingClassLoader(classPath())) {
			thread.setContextClassLoader(loader);
			Class<?> apps = loader.loadClass(TestApps.class.getName());
			assertThat(apps.getClassLoader()).isSameAs(loader);
			Method run = apps.getMethod("runRaw", String[].class);
			String[] args = TestApps.credentials(server).toArray(String[]::new);
			try (AutoCloseable context = (AutoCloseable) run.invoke(null, (Object) args)) {
				Object environment = context.getClass().getMethod("getEnvironment").invoke(context);
				Object foo = environment.getClass().getMethod("getProperty", String.class).invoke(environment, "FOO");
				assertThat(foo).isEqualTo("universal-value");
			}
			assertThat(loader.requested).as("classes of the starter were loaded in isolation")
				.anyMatch((name) -> name.startsWith("io.github.infisicalstarter.auth.UniversalAuthentication"));
			assertThat(loader.requested).as("no class of an optional login library")
				.noneMatch((name) -> OPTIONAL.stream().anyMatch(name::startsWith));
			assertThat(loader.requested).doesNotContain("io.github.infisicalstarter.auth.AwsRequestSigner",
					"io.github.infisicalstarter.auth.GoogleJwtSigner");
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}

	static URL[] classPath() throws MalformedURLException {
		String[] entries = System.getProperty("java.class.path").split(File.pathSeparator);
		URL[] urls = new URL[entries.length];
		for (int i = 0; i < entries.length; i++) {
			urls[i] = new File(entries[i]).toURI().toURL();
		}
		return urls;
	}

	/**
	 * Loads every class of the class path itself (its parent is the platform loader) and
	 * records the names it is asked for.
	 */
	static final class RecordingClassLoader extends URLClassLoader {

		final Set<String> requested = ConcurrentHashMap.newKeySet();

		RecordingClassLoader(URL[] urls) {
			super(urls, ClassLoader.getPlatformClassLoader());
		}

		@Override
		protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
			this.requested.add(name);
			return super.loadClass(name, resolve);
		}

	}

}
