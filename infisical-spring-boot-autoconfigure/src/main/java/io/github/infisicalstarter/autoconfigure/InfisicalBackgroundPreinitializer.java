package io.github.infisicalstarter.autoconfigure;

import java.util.concurrent.atomic.AtomicBoolean;

import io.github.infisicalstarter.client.TransportPreinitializer;

import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.NativeDetector;

/**
 * Starts {@link TransportPreinitializer} on a background thread as soon as the
 * application starts, so that the classes of the first login and list are ready by the
 * time the environment is prepared and the secrets are read, instead of being loaded on
 * the main thread between the two requests. Like Spring Boot's own background
 * pre-initialization, it runs once per JVM, only with more than one processor and not in
 * a native image, and {@code -Dspring.backgroundpreinitializer.ignore=true} switches both
 * off.
 *
 * @since 0.1.0
 */
public final class InfisicalBackgroundPreinitializer implements ApplicationListener<ApplicationStartingEvent> {

	/** Spring Boot's switch for its background pre-initialization, honoured here too. */
	static final String IGNORE_PROPERTY = "spring.backgroundpreinitializer.ignore";

	private static final AtomicBoolean started = new AtomicBoolean();

	@Override
	public void onApplicationEvent(ApplicationStartingEvent event) {
		if (Boolean.getBoolean(IGNORE_PROPERTY) || NativeDetector.inNativeImage()
				|| Runtime.getRuntime().availableProcessors() <= 1 || !started.compareAndSet(false, true)) {
			return;
		}
		Thread thread = new Thread(TransportPreinitializer::run, "infisical-preinit");
		thread.setDaemon(true);
		thread.start();
	}

}
