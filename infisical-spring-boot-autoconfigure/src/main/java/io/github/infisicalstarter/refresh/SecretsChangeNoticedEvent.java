package io.github.infisicalstarter.refresh;

import org.springframework.context.ApplicationEvent;

/**
 * Published by a push channel when it learns that secrets changed. The
 * {@link InfisicalSecretsWatcher} re-reads the affected locations; other listeners (the
 * Spring Cloud Bus fan-out, for one) may pass the news on. The notice names places only,
 * never keys or values.
 *
 * @since 0.1.0
 */
public class SecretsChangeNoticedEvent extends ApplicationEvent {

	private final SecretsChangeNotice notice;

	/**
	 * Create a new event.
	 * @param source the channel that learned of the change
	 * @param notice where the change happened
	 */
	public SecretsChangeNoticedEvent(Object source, SecretsChangeNotice notice) {
		super(source);
		this.notice = notice;
	}

	/**
	 * Where the change happened.
	 * @return the notice
	 */
	public SecretsChangeNotice getNotice() {
		return this.notice;
	}

}
