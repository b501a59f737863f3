package io.github.infisicalstarter.auth;

import io.github.infisicalstarter.client.InfisicalLoginClient;

/**
 * The extension point for a login the starter does not ship: register one in Spring
 * Boot's bootstrap registry (secrets are loaded before the application context, and so
 * before any bean, exists) and it replaces {@code infisical.auth.method}:
 * <pre class="code">
 * SpringApplication application = new SpringApplication(MyApplication.class);
 * application.addBootstrapRegistryInitializer((registry) -&gt; registry.register(
 *         InfisicalAuthenticationProvider.class,
 *         InstanceSupplier.of((client) -&gt; () -&gt; client.login("/api/v1/auth/...", form, advice))));
 * </pre> The token the authentication returns is renewed, replaced and revoked like any
 * other.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface InfisicalAuthenticationProvider {

	/**
	 * Create the authentication.
	 * @param client the client of Infisical's login, renew and revoke routes, on the
	 * starter's transport (site URL, TLS, timeouts)
	 * @return the authentication
	 */
	InfisicalAuthentication create(InfisicalLoginClient client);

}
