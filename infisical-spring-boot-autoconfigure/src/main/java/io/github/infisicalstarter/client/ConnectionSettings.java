package io.github.infisicalstarter.client;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.SslBundle;

/**
 * How the starter's own HTTP clients connect: the timeouts of {@code infisical.http.*}
 * and the SSL bundle named by {@code infisical.ssl.bundle}. These are the values of
 * Spring Boot's {@code HttpClientSettings}, held in a type of the starter's own because
 * that one lives in {@code spring-boot-http-client}, a module whose auto-configurations
 * add their beans to every application that has it on its class path (about 45 ms of a
 * minimal application's start-up, measured in {@code benchmarks/}); the starter needs
 * that module only for {@code ReactiveInfisicalTemplate}, where WebFlux applications
 * bring it. Redirects are followed for {@code GET}, as Boot does by default.
 *
 * @param connectTimeout the connect timeout, or {@code null} for the JDK's default
 * @param readTimeout the read timeout, or {@code null} for the JDK's default
 * @param sslBundle the SSL bundle for {@code https://} sites, or {@code null} for the
 * JVM's default trust
 * @since 0.1.0
 */
public record ConnectionSettings(@Nullable Duration connectTimeout, @Nullable Duration readTimeout,
		@Nullable SslBundle sslBundle) {

	@Override
	public String toString() {
		return "ConnectionSettings[connectTimeout=" + this.connectTimeout + ", readTimeout=" + this.readTimeout
				+ ", sslBundle=" + ((this.sslBundle != null) ? "set" : "none") + "]";
	}

}
