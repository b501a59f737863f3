package io.github.infisicalstarter.testserver.spring;

import java.util.List;
import java.util.Map;

import io.github.infisicalstarter.testserver.InfisicalTestServer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.support.EncodedResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Unit tests for the pieces behind {@link InfisicalTest}; the sample module runs them end
 * to end with the starter.
 */
class InfisicalTestSupportTests {

	@Test
	void propertySourcePointsAtTheSharedServer() {
		PropertySource<?> source = new InfisicalTestPropertySourceFactory().createPropertySource(null,
				new EncodedResource(new ByteArrayResource(new byte[0])));
		InfisicalTestServer shared = InfisicalTestServer.shared();
		assertThat(source.getName()).isEqualTo("infisicalTestServer");
		assertThat(source.getProperty("infisical.site-url")).isEqualTo(shared.url());
		assertThat(source.getProperty("infisical.client-id")).isEqualTo(InfisicalTestServer.DEFAULT_CLIENT_ID);
		assertThat(source.getProperty("infisical.client-secret")).isEqualTo(InfisicalTestServer.DEFAULT_CLIENT_SECRET);
		assertThat(source.getProperty("infisical.project-id")).isEqualTo(InfisicalTestServer.DEFAULT_PROJECT_ID);
		assertThat(source.getProperty("infisical.environment")).isEqualTo("dev");
		assertThat(source.getProperty(InfisicalTestPropertySourceFactory.URL_PROPERTY)).isEqualTo(shared.url());
		assertThat(InfisicalTestServer.shared()).isSameAs(shared);
	}

	@Test
	void sharedServerComesBackAfterAStop() {
		InfisicalTestServer shared = InfisicalTestServer.shared();
		int port = shared.port();
		shared.stop();
		assertThat(InfisicalTestServer.shared().isRunning()).isTrue();
		assertThat(InfisicalTestServer.shared().port()).isEqualTo(port);
	}

	@Test
	void guardIsInertWithoutInfisicalTestAndPassesTheTestServer() {
		InfisicalTestGuard guard = new InfisicalTestGuard();
		assertThatNoException()
			.isThrownBy(() -> guard.postProcessEnvironment(environment(Map.of()), new SpringApplication()));
		assertThatNoException().isThrownBy(() -> guard.postProcessEnvironment(
				environment(Map.of("infisical.test-server.url", "http://t", "infisical.site-url", "http://t")),
				new SpringApplication()));
	}

	@Test
	void guardRefusesAnotherSiteUrl() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new InfisicalTestGuard().postProcessEnvironment(
					environment(Map.of("infisical.test-server.url", "http://t", "infisical.site-url", "https://real")),
					new SpringApplication()))
			.withMessageStartingWith("@InfisicalTest points infisical.site-url at the test server (http://t), "
					+ "but the test sets infisical.site-url=https://real with higher precedence");
	}

	@Test
	void lateSiteUrlCheck() {
		assertThatNoException().isThrownBy(() -> InfisicalTestContextCustomizerFactory
			.check(environment(Map.of("infisical.site-url", "http://anything"))));
		assertThatNoException().isThrownBy(() -> InfisicalTestContextCustomizerFactory.check(environment(
				Map.of(InfisicalLoadRecorder.LOADED_SITE_URL, "http://a", "infisical.site-url", "http://a"))));
		assertThatIllegalStateException()
			.isThrownBy(() -> InfisicalTestContextCustomizerFactory.check(
					environment(Map.of(InfisicalLoadRecorder.LOADED_SITE_URL, "", "infisical.site-url", "http://t"))))
			.withMessageStartingWith("The Infisical starter loaded secrets from infisical.site-url=(not set: "
					+ "Infisical's US cloud) before infisical.site-url=http://t was set");
	}

	@Test
	void recorderWritesOnlyWhenTheStarterLoadedSecrets() {
		StandardEnvironment nothingLoaded = environment(Map.of("infisical.site-url", "http://a"));
		new InfisicalLoadRecorder().postProcessEnvironment(nothingLoaded, new SpringApplication());
		assertThat(nothingLoaded.getProperty(InfisicalLoadRecorder.LOADED_SITE_URL)).isNull();
		StandardEnvironment loaded = environment(Map.of("infisical.site-url", "http://a"));
		loaded.getPropertySources().addFirst(new MapPropertySource("infisical:p/dev/", Map.of("K", "v")));
		new InfisicalLoadRecorder().postProcessEnvironment(loaded, new SpringApplication());
		assertThat(loaded.getProperty(InfisicalLoadRecorder.LOADED_SITE_URL)).isEqualTo("http://a");
	}

	@Test
	void customizerDoesNotSplitTheContextCache() {
		InfisicalTestContextCustomizerFactory factory = new InfisicalTestContextCustomizerFactory();
		assertThat(factory.createContextCustomizer(String.class, List.of()))
			.isEqualTo(factory.createContextCustomizer(Integer.class, List.of()))
			.hasSameHashCodeAs(factory.createContextCustomizer(Integer.class, List.of()));
	}

	private static StandardEnvironment environment(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		return environment;
	}

}
