package io.github.infisicalstarter.testserver.spring;

import io.github.infisicalstarter.testserver.InfisicalTestServer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit side of {@link InfisicalTest}: starts the shared server before the class,
 * resolves {@link InfisicalTestServer} parameters, and after each test clears its faults
 * and restarts it if the test stopped it. It never resets secrets, because cached
 * application contexts of other classes keep polling the same server.
 *
 * @since 0.1.0
 */
public final class InfisicalTestExtension implements BeforeAllCallback, AfterEachCallback, ParameterResolver {

	@Override
	public void beforeAll(ExtensionContext context) {
		InfisicalTestServer.shared();
	}

	@Override
	public void afterEach(ExtensionContext context) {
		InfisicalTestServer server = InfisicalTestServer.shared();
		server.faults().clear();
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == InfisicalTestServer.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return InfisicalTestServer.shared();
	}

}
