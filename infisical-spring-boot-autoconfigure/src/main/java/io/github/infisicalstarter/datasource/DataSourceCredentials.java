package io.github.infisicalstarter.datasource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * A pool's username and password as the Environment resolves them now, read the way
 * Spring Boot binds them (relaxed names, so {@code SPRING_DATASOURCE_PASSWORD} counts,
 * and placeholders such as {@code ${db.password}} resolved). They are read and applied as
 * one pair, so a refresh that changed both never applies one without the other.
 *
 * @param username the username, {@code null} when none is configured
 * @param password the password, {@code null} when none is configured
 * @since 0.1.0
 */
record DataSourceCredentials(@Nullable String username, @Nullable String password) {

	/**
	 * Read the credentials bound under a prefix; {@code <prefix>.hikari.username} and
	 * {@code .password} win over {@code <prefix>.username} and {@code .password}, as they
	 * do when Spring Boot builds its pool.
	 * @param environment the environment
	 * @param prefix the property prefix, e.g. {@code spring.datasource}
	 * @return the credentials
	 * @throws IllegalArgumentException if a placeholder in them cannot be resolved
	 */
	static DataSourceCredentials read(ConfigurableEnvironment environment, String prefix) {
		// bound without placeholder resolution, then resolved strictly: a placeholder
		// whose
		// secret is gone must not become the literal "${...}" password
		Binder binder = new Binder(ConfigurationPropertySources.get(environment));
		return new DataSourceCredentials(read(binder, environment, prefix, "username"),
				read(binder, environment, prefix, "password"));
	}

	private static @Nullable String read(Binder binder, ConfigurableEnvironment environment, String prefix,
			String name) {
		String raw = binder.bind(prefix + ".hikari." + name, String.class)
			.orElseGet(() -> binder.bind(prefix + "." + name, String.class).orElse(null));
		return (raw != null) ? environment.resolveRequiredPlaceholders(raw) : null;
	}

	/**
	 * A digest of both values, so the last applied credentials can be compared without
	 * keeping them.
	 * @return the SHA-256 digest
	 */
	byte[] fingerprint() {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(part(this.username));
			digest.update(part(this.password));
			return digest.digest();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	private static byte[] part(@Nullable String value) {
		// length-prefixed, so ("ab", "c") and ("a", "bc") differ; null differs from ""
		byte[] bytes = (value != null) ? value.getBytes(StandardCharsets.UTF_8) : new byte[0];
		byte[] part = Arrays.copyOf(
				new byte[] { (byte) ((value != null) ? 1 : 0), (byte) (bytes.length >>> 24),
						(byte) (bytes.length >>> 16), (byte) (bytes.length >>> 8), (byte) bytes.length },
				5 + bytes.length);
		System.arraycopy(bytes, 0, part, 5, bytes.length);
		return part;
	}

	@Override
	public String toString() {
		return "DataSourceCredentials[username=" + ((this.username != null) ? "******" : null) + ", password="
				+ ((this.password != null) ? "******" : null) + "]";
	}

}
