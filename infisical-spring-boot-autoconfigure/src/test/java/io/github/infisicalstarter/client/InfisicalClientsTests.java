package io.github.infisicalstarter.client;

import java.util.Map;

import io.github.infisicalstarter.config.InfisicalProperties;
import org.apache.commons.logging.Log;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

class InfisicalClientsTests {

	@Test
	void plainHttpToAnotherHostIsWarnedAbout() {
		Log log = mock(Log.class);
		InfisicalClient client = InfisicalClients.create(properties("http://10.1.2.3:8080/"), null, log);
		assertThat(client.getSiteUrl()).isEqualTo("http://10.1.2.3:8080");
		verify(log).warn(contains("plain http:// to 10.1.2.3"));
	}

	@Test
	void loopbackAndHttpsAreNotWarnedAbout() {
		Log log = mock(Log.class);
		InfisicalClients.create(properties("http://127.0.0.1:8080"), null, log);
		InfisicalClients.create(properties("eu"), null, log);
		verify(log, never()).warn(anyString());
	}

	@Test
	void clientToStringShowsOnlyTheSite() {
		InfisicalClient client = InfisicalClients.create(properties("us"), null, mock(Log.class));
		assertThat(client).hasToString("InfisicalClient[https://app.infisical.com]");
	}

	private static InfisicalProperties properties(String siteUrl) {
		return new Binder(new MapConfigurationPropertySource(Map.of("infisical.site-url", siteUrl)))
			.bind("infisical", Bindable.of(InfisicalProperties.class))
			.get();
	}

}
