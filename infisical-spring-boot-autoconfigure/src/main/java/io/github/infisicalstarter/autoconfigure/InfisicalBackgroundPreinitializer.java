package io.github.infisicalstarter.autoconfigure;

import java.util.concurrent.atomic.AtomicBoolean;

import io.github.infisicalstarter.client.InfisicalClientWarmUp;

import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.context.ApplicationListener;

/**
 * Warms up the starter's HTTP and JSON path on a background thread as soon as the application
 * starts, in the way Spring Boot's own background pre-initializer warms up other libraries: on
 * a machine with more than one core, the class loading of the first login and list then
 * overlaps with Spring Boot preparing the environment instead of adding to it. Switched off,
 * like Spring Boot's, by the system property {@code spring.backgroundpreinitializer.ignore}.
 *
 * @since 0.1.0
 */
public class InfisicalBackgroundPreinitializer implements ApplicationListener<ApplicationStartingEvent> {

	private static final String IGNORE = "spring.backgroundpreinitializer.ignore";

	private static final AtomicBoolean started = new AtomicBoolean();

	@Override
	public void onApplicationEvent(ApplicationStartingEvent event) {
		if (Boolean.getBoolean(IGNORE) || Runtime.getRuntime().availableProcessors() <= 1
				|| !started.compareAndSet(false, true)) {
			return;
		}
		Thread thread = new Thread(() -> {
			try {
				InfisicalClientWarmUp.run();
			}
			catch (Throwable ex) {
				// warming up is an optimisation only
			}
		}, "infisical-preinit");
		thread.setDaemon(true);
		thread.start();
	}

}
