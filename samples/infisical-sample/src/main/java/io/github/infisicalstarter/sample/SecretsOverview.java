package io.github.infisicalstarter.sample;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Collects the three ways the sample consumes secrets into one {@link SecretsView}, so
 * the endpoint and the start-up log show (and mask) exactly the same.
 */
@Component
class SecretsOverview {

	private final String greeting;

	private final AppMessage appMessage;

	private final DbProperties db;

	SecretsOverview(@Value("${GREETING:(GREETING is not set)}") String greeting, AppMessage appMessage,
			DbProperties db) {
		this.greeting = greeting;
		this.appMessage = appMessage;
		this.db = db;
	}

	SecretsView current() {
		return new SecretsView(this.greeting, this.appMessage.text(), this.db.getUser(),
				SecretsView.mask(this.db.getPassword()));
	}

}
