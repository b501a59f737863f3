package io.github.infisicalstarter.it;

import io.github.infisicalstarter.env.InfisicalSecretsServices;
import io.github.infisicalstarter.testserver.InfisicalTestServer;
import io.github.infisicalstarter.testserver.InfisicalTestServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint.ConfigurationPropertiesBeanDescriptor;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/env} and {@code /actuator/configprops} mask Infisical values and the
 * client secret even when they are told to show values.
 */
class ActuatorIntegrationTests {

	@RegisterExtension
	static final InfisicalTestServerExtension infisical = new InfisicalTestServerExtension();

	@Test
	void endpointsMaskInfisicalValuesAndTheClientSecret() {
		InfisicalTestServer server = infisical.server();
		server.secret(InfisicalTestServer.DEFAULT_PROJECT_ID, "dev", "/", "DB_PASSWORD", "masked-password-value");
		try (ConfigurableApplicationContext context = TestApps.run(server,
				"--management.endpoints.jmx.exposure.include=env,configprops", "--spring.jmx.enabled=true",
				"--management.endpoint.env.show-values=always", "--management.endpoint.configprops.show-values=always",
				"--plain.value=visible")) {
			EnvironmentEndpoint env = context.getBean(EnvironmentEndpoint.class);
			String environment = env.environment(null)
				.getPropertySources()
				.stream()
				.flatMap((source) -> source.getProperties().entrySet().stream())
				.map((entry) -> entry.getKey() + "=" + entry.getValue().getValue())
				.toList()
				.toString();
			assertThat(environment).contains("visible")
				.doesNotContain("masked-password-value")
				.doesNotContain(InfisicalTestServer.DEFAULT_CLIENT_SECRET);
			assertThat(env.environmentEntry("DB_PASSWORD").getProperty().getValue()).isEqualTo("******");
			assertThat(env.environmentEntry("infisical.client-secret").getProperty().getValue()).isEqualTo("******");
			assertThat(env.environmentEntry("plain.value").getProperty().getValue()).isEqualTo("visible");
			String location = "infisical:" + InfisicalTestServer.DEFAULT_PROJECT_ID + "/dev/";
			assertThat(env.environment(null)
				.getPropertySources()
				.stream()
				.filter((source) -> source.getName().equals(location))
				.map((source) -> source.getProperties().get("db.password").getOrigin())
				.toList()).containsExactly("Infisical secret 'DB_PASSWORD' from " + location);

			ConfigurationPropertiesReportEndpoint configprops = context
				.getBean(ConfigurationPropertiesReportEndpoint.class);
			String report = configprops.configurationProperties()
				.getContexts()
				.values()
				.stream()
				.flatMap((beans) -> beans.getBeans().values().stream())
				.map((bean) -> String.valueOf(bean.getProperties()))
				.toList()
				.toString();
			assertThat(report).contains("password")
				.doesNotContain("masked-password-value")
				.doesNotContain(InfisicalTestServer.DEFAULT_CLIENT_SECRET);
			// the properties the starter bound before the context existed are listed too,
			// with the client secret masked
			ConfigurationPropertiesBeanDescriptor infisicalProperties = configprops.configurationProperties()
				.getContexts()
				.get(context.getId())
				.getBeans()
				.get(InfisicalSecretsServices.PROPERTIES_BEAN_NAME);
			assertThat(infisicalProperties).as("infisical properties in /actuator/configprops").isNotNull();
			assertThat(infisicalProperties.getPrefix()).isEqualTo("infisical");
			assertThat(infisicalProperties.getProperties())
				.containsEntry("projectId", InfisicalTestServer.DEFAULT_PROJECT_ID)
				.containsEntry("environment", "dev")
				.containsEntry("clientId", InfisicalTestServer.DEFAULT_CLIENT_ID)
				.containsEntry("clientSecret", "******");
		}
	}

}
