package io.github.infisicalstarter.sample;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.cloud.context.config.annotation.RefreshScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Declares {@link AppMessage}: {@code @RefreshScope} normally, a plain singleton when
 * Spring Cloud's refresh is switched off ({@code spring.cloud.refresh.enabled=false}),
 * which Spring AOT processing needs because Spring Cloud's refresh scope does not support
 * AOT (see the sample's {@code process-aot} execution).
 */
@Configuration(proxyBeanMethods = false)
class AppMessageConfiguration {

	private static final String TEXT = "${APP_MESSAGE:(APP_MESSAGE is not set)}";

	@Bean
	@RefreshScope
	@ConditionalOnBooleanProperty(name = "spring.cloud.refresh.enabled", matchIfMissing = true)
	AppMessage appMessage(@Value(TEXT) String text) {
		return new AppMessage(text);
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "spring.cloud.refresh.enabled", havingValue = false)
	AppMessage staticAppMessage(@Value(TEXT) String text) {
		return new AppMessage(text);
	}

}
