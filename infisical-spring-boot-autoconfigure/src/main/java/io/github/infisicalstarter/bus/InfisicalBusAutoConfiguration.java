package io.github.infisicalstarter.bus;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.cloud.bus.ConditionalOnBusEnabled;
import org.springframework.cloud.bus.ServiceMatcher;
import org.springframework.cloud.bus.jackson.RemoteApplicationEventScan;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the fleet fan-out, when Spring Cloud Bus is on the class path and
 * enabled: news of a change that one instance learned (from a webhook or an event
 * subscription) reaches every instance over the bus. Turned off with
 * {@code infisical.bus.enabled=false}. The bus's JSON converter learns the event type
 * from {@link RemoteApplicationEventScan}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(afterName = { "org.springframework.cloud.bus.BusAutoConfiguration",
		"org.springframework.cloud.bus.PathServiceMatcherAutoConfiguration" })
@ConditionalOnClass(name = { "org.springframework.cloud.bus.event.RemoteApplicationEvent",
		"org.springframework.cloud.endpoint.event.RefreshEvent" })
@ConditionalOnBusEnabled
@ConditionalOnBooleanProperty(name = { "infisical.enabled", "infisical.bus.enabled" }, matchIfMissing = true)
@ConditionalOnBean(ServiceMatcher.class)
@RemoteApplicationEventScan(basePackageClasses = InfisicalSecretsChangedRemoteEvent.class)
public final class InfisicalBusAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	InfisicalBusFanOut infisicalBusFanOut(ServiceMatcher serviceMatcher, ApplicationEventPublisher publisher) {
		return new InfisicalBusFanOut(serviceMatcher, publisher);
	}

}
