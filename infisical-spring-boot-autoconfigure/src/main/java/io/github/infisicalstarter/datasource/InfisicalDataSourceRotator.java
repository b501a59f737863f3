package io.github.infisicalstarter.datasource;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.github.infisicalstarter.config.InfisicalConfigurationException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Keeps running connection pools on the database credentials the Environment holds.
 * <p>
 * Spring Boot builds its {@code HikariDataSource} once, and Spring Cloud never rebinds it
 * on refresh ({@code spring.cloud.refresh.never-refreshable}), so without this a rotated
 * password reaches the Environment and nothing uses it until the database refuses the old
 * one. Spring Cloud's refresh publishes an {@link EnvironmentChangeEvent} synchronously,
 * after the Environment changed and before the refresh is reported done; this listener
 * then reads each pool's username and password again and, if the pair differs from the
 * one last applied, hands both to the pool ({@link HikariCredentials}). The changed keys
 * of the event are not trusted for this: {@code spring.datasource.password} may be a
 * placeholder whose value changed while its own key did not. Only a digest of the last
 * applied pair is kept, and values are never logged.
 *
 * @since 0.1.0
 */
public final class InfisicalDataSourceRotator
		implements ApplicationListener<EnvironmentChangeEvent>, SmartInitializingSingleton, DisposableBean {

	private static final Log logger = LogFactory.getLog(InfisicalDataSourceRotator.class);

	/** The bean Spring Boot's DataSource auto-configuration defines. */
	static final String DEFAULT_BEAN = "dataSource";

	/** The prefix Spring Boot's DataSource auto-configuration binds. */
	static final String DEFAULT_PREFIX = "spring.datasource";

	private static final boolean HIKARI_PRESENT = ClassUtils.isPresent("com.zaxxer.hikari.HikariDataSource",
			InfisicalDataSourceRotator.class.getClassLoader());

	private final ConfigurableEnvironment environment;

	private final ListableBeanFactory beans;

	private final List<InfisicalDataSourceRotationProperties.Pool> configured;

	/** Bean name to property prefix, in the order they are rotated. */
	private final Map<String, String> pools = new LinkedHashMap<>();

	private final Map<String, byte[]> applied = new HashMap<>();

	private final LateEvictions lateEvictions = new LateEvictions();

	/**
	 * Create a new rotator.
	 * @param environment the Environment the credentials are read from
	 * @param beans where the DataSource beans are looked up
	 * @param properties the rotation settings
	 */
	public InfisicalDataSourceRotator(ConfigurableEnvironment environment, ListableBeanFactory beans,
			InfisicalDataSourceRotationProperties properties) {
		this.environment = environment;
		this.beans = beans;
		this.configured = properties.pools();
	}

	@Override
	public synchronized void afterSingletonsInstantiated() {
		String main = mainDataSource();
		if (main != null) {
			this.pools.put(main, DEFAULT_PREFIX);
		}
		for (int i = 0; i < this.configured.size(); i++) {
			InfisicalDataSourceRotationProperties.Pool pool = this.configured.get(i);
			String property = InfisicalDataSourceRotationProperties.PREFIX + ".pools[" + i + "]";
			String bean = required(pool.bean(), property + ".bean");
			String prefix = required(pool.prefix(), property + ".prefix");
			if (!this.beans.containsBean(bean) || !this.beans.isTypeMatch(bean, DataSource.class)) {
				throw new InfisicalConfigurationException(property + ".bean",
						"Property '" + property + ".bean' names '" + bean + "', which is not a DataSource bean.",
						"Set it to the name of a DataSource bean, or remove the entry.");
			}
			this.pools.put(bean, prefix);
		}
		this.pools.forEach((bean, prefix) -> {
			DataSourceCredentials credentials = read(bean, prefix);
			if (credentials != null) {
				this.applied.put(bean, credentials.fingerprint());
			}
		});
	}

	@Override
	public synchronized void onApplicationEvent(EnvironmentChangeEvent event) {
		this.pools.forEach((bean, prefix) -> {
			try {
				rotate(bean, prefix);
			}
			catch (RuntimeException ex) {
				// never fail the refresh itself; the exception's message is left out, as
				// it
				// is not known what a DataSource puts there
				logger.warn("Database credentials for DataSource bean '" + bean + "' (" + prefix
						+ ".*) changed, but applying them failed (" + ex.getClass().getName()
						+ "), so its pool keeps the ones it has; restart the application after a rotation.");
			}
		});
	}

	private void rotate(String bean, String prefix) {
		DataSourceCredentials credentials = read(bean, prefix);
		if (credentials == null) {
			return;
		}
		byte[] fingerprint = credentials.fingerprint();
		byte[] last = this.applied.put(bean, fingerprint);
		if (last == null || MessageDigest.isEqual(last, fingerprint)) {
			return;
		}
		DataSource dataSource = this.beans.getBean(bean, DataSource.class);
		HikariCredentials.Result result = HIKARI_PRESENT ? HikariCredentials.apply(dataSource, credentials) : null;
		if (result == null || result.pool() == null) {
			logger.warn("Database credentials for DataSource bean '" + bean + "' (" + prefix
					+ ".*) changed, but it is a " + ClassUtils.getUserClass(dataSource).getSimpleName()
					+ ", not a HikariCP pool, so they cannot be applied while it runs and new connections keep the "
					+ "old ones. Use HikariCP (Spring Boot's default pool), put this DataSource in @RefreshScope, "
					+ "or restart the application after a rotation.");
		}
		else if (result.refusal() != null) {
			logger.warn("Database credentials for DataSource bean '" + bean + "' (" + prefix
					+ ".*) changed, but they cannot be applied to its HikariCP pool '" + result.pool() + "': "
					+ result.refusal() + ". Set " + prefix + ".username and " + prefix
					+ ".password (and no credentials provider), or restart the application after a rotation.");
		}
		else {
			if (result.lateEviction() != null) {
				this.lateEvictions.schedule(result.lateEviction());
			}
			logger
				.info("Applied rotated database credentials to HikariCP pool '" + result.pool() + "' (DataSource bean '"
						+ bean + "'); its connections are replaced as they become idle, none is interrupted");
		}
	}

	@Override
	public void destroy() {
		this.lateEvictions.close();
	}

	private @Nullable DataSourceCredentials read(String bean, String prefix) {
		try {
			return DataSourceCredentials.read(this.environment, prefix);
		}
		catch (IllegalArgumentException ex) {
			// the message names the placeholder, never a value
			logger.warn("Database credentials for DataSource bean '" + bean + "' (" + prefix
					+ ".*) cannot be resolved, so its pool keeps the ones it has: " + ex.getMessage());
			return null;
		}
	}

	private @Nullable String mainDataSource() {
		if (this.beans.containsBean(DEFAULT_BEAN) && this.beans.isTypeMatch(DEFAULT_BEAN, DataSource.class)) {
			return DEFAULT_BEAN;
		}
		List<String> names = new ArrayList<>(Arrays.asList(this.beans.getBeanNamesForType(DataSource.class)));
		names.removeIf(ScopedProxyUtils::isScopedTarget);
		return (names.size() == 1) ? names.get(0) : null;
	}

	private static String required(@Nullable String value, String property) {
		if (!StringUtils.hasText(value)) {
			throw new InfisicalConfigurationException(property, "Property '" + property + "' is not set.",
					"Set it, or remove the entry from " + InfisicalDataSourceRotationProperties.PREFIX + ".pools.");
		}
		return value;
	}

	@Override
	public String toString() {
		return "InfisicalDataSourceRotator[pools=" + this.pools + "]";
	}

}
