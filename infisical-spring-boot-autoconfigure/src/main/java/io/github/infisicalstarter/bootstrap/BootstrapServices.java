package io.github.infisicalstarter.bootstrap;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.github.infisicalstarter.config.InfisicalProperties;
import io.github.infisicalstarter.env.InfisicalSecretsService;

/**
 * Shares one {@link InfisicalSecretsService} between the bootstrap contexts of an
 * application. Spring Cloud refreshes a bootstrap-mode application by building a
 * throw-away bootstrap context; without sharing, every refresh would log in again and
 * fetch every location again. Services are counted by the bootstrap contexts that use
 * them and closed when the last one closes; the application context closes them too
 * (Spring Cloud never closes the original bootstrap context), and a closed service is
 * replaced on the next start.
 *
 * @since 0.1.0
 */
final class BootstrapServices {

	private static final Map<InfisicalProperties, Shared> services = new HashMap<>();

	private BootstrapServices() {
	}

	static synchronized InfisicalSecretsService acquire(InfisicalProperties properties,
			Supplier<InfisicalSecretsService> factory) {
		Shared shared = services.get(properties);
		if (shared == null || shared.service.isClosed()) {
			shared = new Shared(factory.get());
			services.put(properties, shared);
		}
		shared.users++;
		return shared.service;
	}

	static synchronized void release(InfisicalProperties properties) {
		Shared shared = services.get(properties);
		if (shared == null) {
			return;
		}
		if (shared.service.isClosed() || --shared.users == 0) {
			services.remove(properties);
			shared.service.close();
		}
	}

	private static final class Shared {

		private final InfisicalSecretsService service;

		private int users;

		Shared(InfisicalSecretsService service) {
			this.service = service;
		}

	}

}
