package io.github.infisicalstarter.it;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.context.config.annotation.RefreshScope;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * A small application as a user would write it: {@code @Value}, a JavaBean
 * {@code @ConfigurationProperties} and a {@code @RefreshScope} bean.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableConfigurationProperties(SampleApp.DbProperties.class)
public class SampleApp {

	@Bean
	FooHolder fooHolder(@Value("${FOO:}") String foo) {
		return new FooHolder(foo);
	}

	@Bean
	@RefreshScope
	RefreshedFoo refreshedFoo(@Value("${FOO:}") String foo, @Value("${EXTRA:}") String extra) {
		return new RefreshedFoo(foo, extra);
	}

	@Bean
	ChangeRecorder changeRecorder() {
		return new ChangeRecorder();
	}

	public record FooHolder(String foo) {
	}

	/**
	 * Records the keys of every {@link EnvironmentChangeEvent}.
	 */
	public static class ChangeRecorder implements ApplicationListener<EnvironmentChangeEvent> {

		private final List<Set<String>> events = new CopyOnWriteArrayList<>();

		@Override
		public void onApplicationEvent(EnvironmentChangeEvent event) {
			this.events.add(Set.copyOf(event.getKeys()));
		}

		public List<Set<String>> events() {
			return this.events;
		}

	}

	public static class RefreshedFoo {

		private final String foo;

		private final String extra;

		public RefreshedFoo(String foo, String extra) {
			this.foo = foo;
			this.extra = extra;
		}

		public String foo() {
			return this.foo;
		}

		public String extra() {
			return this.extra;
		}

	}

	@ConfigurationProperties("db")
	public static class DbProperties {

		private String password = "";

		private String user = "";

		public String getPassword() {
			return this.password;
		}

		public void setPassword(String password) {
			this.password = password;
		}

		public String getUser() {
			return this.user;
		}

		public void setUser(String user) {
			this.user = user;
		}

	}

}
