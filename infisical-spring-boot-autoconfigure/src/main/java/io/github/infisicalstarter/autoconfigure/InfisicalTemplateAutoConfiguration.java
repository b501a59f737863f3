package io.github.infisicalstarter.autoconfigure;

import io.github.infisicalstarter.client.ReactiveInfisicalClient;
import io.github.infisicalstarter.core.InfisicalOperations;
import io.github.infisicalstarter.core.InfisicalTemplate;
import io.github.infisicalstarter.core.InfisicalWriteListener;
import io.github.infisicalstarter.core.ReactiveInfisicalOperations;
import io.github.infisicalstarter.core.ReactiveInfisicalTemplate;
import io.github.infisicalstarter.env.InfisicalSecretsService;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Auto-configuration of {@link InfisicalTemplate} and, with WebFlux and
 * {@code spring-boot-http-client} (whose connector builders pick the application's
 * connector) on the class path, {@link ReactiveInfisicalTemplate}: read/write access for
 * application code over the starter's client and access token. Writes reach the
 * application's property sources at once through the refresh watcher when there is one.
 * The templates are lazy: under AOT processing the condition matches without a service
 * (see {@link ConditionalOnInfisicalSecretsService}), and a processed application that
 * loads no secrets must still start as long as nothing asks for a template.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = InfisicalAutoConfiguration.class,
		afterName = "io.github.infisicalstarter.refresh.InfisicalRefreshAutoConfiguration")
@ConditionalOnInfisicalSecretsService
public final class InfisicalTemplateAutoConfiguration {

	@Bean
	@Lazy
	@ConditionalOnMissingBean(InfisicalOperations.class)
	InfisicalTemplate infisicalTemplate(InfisicalSecretsService infisicalSecretsService,
			ObjectProvider<InfisicalWriteListener> writeListeners) {
		return new InfisicalTemplate(infisicalSecretsService.getClient(), infisicalSecretsService.getTokens(),
				infisicalSecretsService.getProperties(), writeListener(writeListeners));
	}

	static InfisicalWriteListener writeListener(ObjectProvider<InfisicalWriteListener> writeListeners) {
		return (path) -> writeListeners.orderedStream().forEach((listener) -> listener.secretsWritten(path));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "org.springframework.web.reactive.function.client.WebClient",
			"org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder" })
	static class ReactiveConfiguration {

		@Bean
		@Lazy
		@ConditionalOnMissingBean(ReactiveInfisicalOperations.class)
		ReactiveInfisicalTemplate reactiveInfisicalTemplate(InfisicalSecretsService infisicalSecretsService,
				ObjectProvider<InfisicalWriteListener> writeListeners) {
			return new ReactiveInfisicalTemplate(new ReactiveInfisicalClient(infisicalSecretsService.getClient()),
					infisicalSecretsService.getTokens(), infisicalSecretsService.getProperties(),
					writeListener(writeListeners));
		}

	}

}
