package io.github.infisicalstarter.datasource;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code infisical.datasource.rotation.*} properties: whether rotated database
 * credentials are applied to running connection pools, and which pools besides the
 * application's main {@code DataSource}.
 *
 * @param enabled Whether credentials changed by a refresh are applied to running HikariCP
 * pools, username and password together, followed by a soft eviction.
 * @param pools Further pools to treat the same way. Each entry takes bean, the name of a
 * DataSource bean, and prefix, the property prefix its username and password are read
 * from.
 * @since 0.1.0
 */
@ConfigurationProperties(InfisicalDataSourceRotationProperties.PREFIX)
public record InfisicalDataSourceRotationProperties(Boolean enabled, @Nullable List<Pool> pools) {

	/** The prefix of these properties. */
	public static final String PREFIX = "infisical.datasource.rotation";

	/**
	 * Apply the defaults of everything left unset (written here rather than as
	 * {@code @DefaultValue}, as for {@code infisical.*}).
	 */
	public InfisicalDataSourceRotationProperties {
		enabled = (enabled != null) ? enabled : Boolean.TRUE;
		pools = (pools != null) ? List.copyOf(pools) : List.of();
	}

	/**
	 * A further pool whose credentials are kept in step with the Environment.
	 *
	 * @param bean Name of the DataSource bean
	 * @param prefix Property prefix its credentials are bound from, e.g.
	 * {@code app.datasource.reporting} for {@code app.datasource.reporting.username} and
	 * {@code .password} ({@code <prefix>.hikari.username} and {@code .password} win when
	 * set, as they do for Spring Boot's own pool)
	 */
	public record Pool(@Nullable String bean, @Nullable String prefix) {

	}

}
