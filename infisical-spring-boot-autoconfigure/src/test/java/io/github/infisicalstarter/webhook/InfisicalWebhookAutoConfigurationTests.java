package io.github.infisicalstarter.webhook;

import io.github.infisicalstarter.actuate.InfisicalSanitizingFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint is registered only with a secret, in a web application, as a Spring MVC or
 * a WebFlux route.
 */
@Tag("web")
class InfisicalWebhookAutoConfigurationTests {

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations
		.of(InfisicalWebhookAutoConfiguration.class);

	private static final String MVC_ROUTE = "org.springframework.web.servlet.function.RouterFunction";

	private static final String WEBFLUX_ROUTE = "org.springframework.web.reactive.function.server.RouterFunction";

	@Test
	void offWithoutASecret() {
		new WebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.run((context) -> assertThat(context).doesNotHaveBean(InfisicalWebhookReceiver.class)
				.doesNotHaveBean("infisicalWebhookRoute"));
	}

	@Test
	void offWhenInfisicalIsOff() {
		new WebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues("infisical.webhook.secret=s", "infisical.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(InfisicalWebhookReceiver.class));
	}

	@Test
	void offInANonWebApplication() {
		new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues("infisical.webhook.secret=s")
			.run((context) -> assertThat(context).doesNotHaveBean(InfisicalWebhookReceiver.class));
	}

	@Test
	void springMvcRoute() throws ClassNotFoundException {
		Class<?> mvc = Class.forName(MVC_ROUTE);
		new WebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues("infisical.webhook.secret=s", "infisical.webhook.path=/hooks/infisical")
			.run((context) -> {
				assertThat(context).hasSingleBean(InfisicalWebhookReceiver.class).hasSingleBean(mvc);
				assertThat(context.getBean(InfisicalWebhookReceiver.class).path()).isEqualTo("/hooks/infisical");
				assertThat(context.getBean("infisicalWebhookRoute").toString()).contains("/hooks/infisical");
			});
	}

	@Test
	void webFluxRoute() throws ClassNotFoundException {
		Class<?> webflux = Class.forName(WEBFLUX_ROUTE);
		new ReactiveWebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues("infisical.webhook.secret=s")
			.run((context) -> {
				assertThat(context).hasSingleBean(InfisicalWebhookReceiver.class).hasSingleBean(webflux);
				assertThat(context.getBean(InfisicalWebhookReceiver.class).path())
					.isEqualTo(InfisicalWebhookProperties.DEFAULT_PATH);
			});
	}

	@Test
	void blankSecretFailsNamingTheProperty() {
		new WebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues("infisical.webhook.secret= ")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("webhook secret is blank"));
	}

	@Test
	void pathMustStartWithASlash() {
		new WebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues("infisical.webhook.secret=s", "infisical.webhook.path=hook")
			.run((context) -> assertThat(context).getFailure().rootCause().hasMessageContaining("'/'"));
	}

	@Test
	void theSecretIsMaskedInActuatorOutput() {
		InfisicalSanitizingFunction function = new InfisicalSanitizingFunction();
		for (String key : new String[] { "infisical.webhook.secret", "INFISICAL_WEBHOOK_SECRET",
				"infisical.webhook.secret".replace("webhook.", "webhook-") }) {
			SanitizableData data = new SanitizableData(null, key, "hook-secret");
			assertThat(function.apply(data).getValue()).as(key).isEqualTo(SanitizableData.SANITIZED_VALUE);
		}
		assertThat(function.apply(new SanitizableData(null, "infisical.webhook.path", "/p")).getValue())
			.isEqualTo("/p");
	}

}
