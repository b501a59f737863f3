package io.github.infisicalstarter.sample;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Logs one line at start-up with what {@code GET /} shows, so a terminal run proves the
 * secrets were injected without printing the password.
 */
@Component
class StartupReport implements ApplicationListener<ApplicationReadyEvent> {

	private static final Log logger = LogFactory.getLog(StartupReport.class);

	private final SecretsOverview overview;

	StartupReport(SecretsOverview overview) {
		this.overview = overview;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		logger.info("Secrets injected: " + this.overview.current());
	}

}
