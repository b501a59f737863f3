package io.github.infisicalstarter.sample;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import io.github.infisicalstarter.testserver.InfisicalTestServer;
import io.github.infisicalstarter.testserver.spring.InfisicalTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestContextManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A test never silently reaches another Infisical than the test server: an inlined
 * {@code infisical.site-url} under {@link InfisicalTest} fails before any request, and a
 * {@code @DynamicPropertySource} that points at the test server after the starter loaded
 * from the configured Infisical fails the context instead of passing against the wrong
 * server.
 */
class InfisicalTestGuardTests {

	private static final String LOGIN = "/api/v1/auth/universal-auth/login";

	static InfisicalTestServer configured;

	static InfisicalTestServer intended;

	@Test
	void anotherSiteUrlUnderInfisicalTestFailsBeforeAnyRequest() {
		String output = quietly(
				() -> assertThatException().isThrownBy(() -> load(OverridesSiteUrl.class, new OverridesSiteUrl()))
					.withStackTraceContaining("@InfisicalTest points infisical.site-url at the test server ("
							+ InfisicalTestServer.shared().url()
							+ "), but the test sets infisical.site-url=http://127.0.0.1:9"));
		assertThat(output).doesNotContain("test-client-secret");
	}

	@Test
	void dynamicPropertySourceThatComesTooLateFailsTheContext() {
		try (InfisicalTestServer real = InfisicalTestServer.start();
				InfisicalTestServer test = InfisicalTestServer.start()) {
			configured = real;
			intended = test;
			// stands for application.yml naming the real Infisical
			real.properties().forEach(System::setProperty);
			try {
				quietly(() -> assertThatException()
					.isThrownBy(() -> load(UsesDynamicPropertySource.class, new UsesDynamicPropertySource()))
					.withStackTraceContaining("The Infisical starter loaded secrets from infisical.site-url="
							+ real.url() + " before infisical.site-url=" + test.url() + " was set")
					.withStackTraceContaining("@InfisicalTest"));
			}
			finally {
				real.properties().keySet().forEach(System::clearProperty);
			}
			assertThat(real.count("POST", LOGIN)).as("the starter went to the configured server").isOne();
			assertThat(test.count("POST", LOGIN)).isZero();
		}
	}

	private static void load(Class<?> testClass, Object instance) throws Exception {
		new TestContextManager(testClass).prepareTestInstance(instance);
	}

	/**
	 * Run an expected failure with standard output and error captured rather than
	 * printed, and return what was printed.
	 */
	private static String quietly(Executable action) {
		PrintStream out = System.out;
		PrintStream err = System.err;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
		System.setOut(capture);
		System.setErr(capture);
		try {
			action.execute();
		}
		catch (Throwable ex) {
			throw new AssertionError(ex);
		}
		finally {
			System.setOut(out);
			System.setErr(err);
		}
		return captured.toString(StandardCharsets.UTF_8);
	}

	@SpringBootTest(properties = "infisical.site-url=http://127.0.0.1:9")
	@InfisicalTest
	static class OverridesSiteUrl {

	}

	@SpringBootTest(properties = "infisical.refresh.enabled=false")
	static class UsesDynamicPropertySource {

		@DynamicPropertySource
		static void infisical(DynamicPropertyRegistry registry) {
			intended.properties().forEach((name, value) -> registry.add(name, () -> value));
		}

	}

}
