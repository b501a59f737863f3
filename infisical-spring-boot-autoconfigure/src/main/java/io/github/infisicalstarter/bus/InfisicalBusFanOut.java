package io.github.infisicalstarter.bus;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.github.infisicalstarter.refresh.SecretsChangeNotice;
import io.github.infisicalstarter.refresh.SecretsChangeNoticedEvent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.cloud.bus.ServiceMatcher;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Relays change notices between this instance and the fleet. A notice this instance
 * learned first-hand (a webhook, an event subscription) goes out on the bus; a bus event
 * from another instance becomes a local notice with origin
 * {@link SecretsChangeNotice.Origin#BUS}, which the refresh watcher handles like any
 * other (and ignores for a project this instance does not load). This instance's own bus
 * event is ignored when it comes back: the instance already re-reads from the original
 * notice. Sending happens on a separate thread, because a broker client may block (a
 * WebFlux event loop must not).
 *
 * @since 0.1.0
 */
public final class InfisicalBusFanOut implements DisposableBean {

	private static final Log logger = LogFactory.getLog(InfisicalBusFanOut.class);

	private final ServiceMatcher serviceMatcher;

	private final ApplicationEventPublisher publisher;

	private final ExecutorService sender;

	/**
	 * Create a relay.
	 * @param serviceMatcher the bus's notion of this instance
	 * @param publisher where events go (the bus forwards remote events published here)
	 */
	public InfisicalBusFanOut(ServiceMatcher serviceMatcher, ApplicationEventPublisher publisher) {
		this.serviceMatcher = serviceMatcher;
		this.publisher = publisher;
		CustomizableThreadFactory threads = new CustomizableThreadFactory("infisical-bus-");
		threads.setDaemon(true);
		this.sender = Executors.newSingleThreadExecutor(threads);
	}

	/**
	 * Send a first-hand notice to the other instances.
	 * @param event the local notice
	 */
	@EventListener
	public void noticed(SecretsChangeNoticedEvent event) {
		SecretsChangeNotice notice = event.getNotice();
		if (notice.origin() == SecretsChangeNotice.Origin.BUS) {
			return;
		}
		InfisicalSecretsChangedRemoteEvent remote = new InfisicalSecretsChangedRemoteEvent(this,
				this.serviceMatcher.getBusId(), notice);
		this.sender.execute(() -> send(remote));
	}

	/**
	 * Turn another instance's bus event into a local notice.
	 * @param event the bus event
	 */
	@EventListener
	public void received(InfisicalSecretsChangedRemoteEvent event) {
		if (this.serviceMatcher.isFromSelf(event)) {
			return;
		}
		if (logger.isDebugEnabled()) {
			logger.debug("Infisical secrets changed, says " + event.getOriginService() + ": " + event);
		}
		this.publisher.publishEvent(new SecretsChangeNoticedEvent(this, event.toNotice()));
	}

	private void send(InfisicalSecretsChangedRemoteEvent remote) {
		try {
			this.publisher.publishEvent(remote);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not tell the other instances over Spring Cloud Bus that Infisical secrets changed: "
					+ ex.getMessage());
		}
	}

	@Override
	public void destroy() {
		this.sender.shutdown();
	}

	@Override
	public String toString() {
		return "InfisicalBusFanOut[busId=" + this.serviceMatcher.getBusId() + "]";
	}

}
