package io.github.infisicalstarter.benchmarks.refresh;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Scope;
import org.springframework.context.annotation.ScopedProxyMode;

/**
 * The app of the refresh benchmark: one {@code @RefreshScope} bean reading {@code FOO}
 * ({@code @Scope("refresh")} with a class proxy is exactly what Spring Cloud's
 * {@code @RefreshScope} means; spelled out so this module compiles without Spring Cloud).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class RefreshApp {

	@Bean
	@Scope(scopeName = "refresh", proxyMode = ScopedProxyMode.TARGET_CLASS)
	FooHolder fooHolder(@Value("${FOO}") String foo) {
		return new FooHolder(foo);
	}

	/**
	 * Holds the value of {@code FOO} as it was when the bean was created.
	 */
	public static class FooHolder {

		private final String foo;

		public FooHolder(String foo) {
			this.foo = foo;
		}

		public String foo() {
			return this.foo;
		}

	}

}
