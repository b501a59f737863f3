package io.github.infisicalstarter.autoconfigure;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.github.infisicalstarter.InfisicalException;
import io.github.infisicalstarter.bootstrap.BootstrapMode;
import io.github.infisicalstarter.config.InfisicalProperties;
import io.github.infisicalstarter.config.SecretsLocation;
import io.github.infisicalstarter.config.SecretsLocations;
import io.github.infisicalstarter.config.SecretsLocations.OptionalLocation;
import io.github.infisicalstarter.configdata.InfisicalImportPlaceholder;
import io.github.infisicalstarter.env.InfisicalPropertySource;
import io.github.infisicalstarter.env.InfisicalSecretsService;
import io.github.infisicalstarter.env.InfisicalSecretsServices;
import io.github.infisicalstarter.env.LoadReport;
import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.metrics.ApplicationStartup;
import org.springframework.core.metrics.StartupStep;
import org.springframework.util.ClassUtils;

/**
 * Loads Infisical secrets right after Spring Boot's config data, when the environment is
 * complete (profile-specific files included), through the application's one
 * {@link InfisicalSecretsService}. It serves two entry points:
 * <ul>
 * <li>{@code spring.config.import=infisical:…}: each import left an
 * {@link InfisicalImportPlaceholder} where Boot placed it, which is replaced by the
 * secrets, so Boot's precedence rules for imports hold (a later import wins);</li>
 * <li>zero configuration: with no import, {@code infisical.*} properties alone load the
 * location they describe (or every {@code infisical.locations[]} entry, a later one
 * winning), placed above {@code application.yml} and below command-line arguments, system
 * properties and OS environment variables.</li>
 * </ul>
 * With explicit imports, or when Spring Cloud's bootstrap context loads Infisical
 * locations (see {@link BootstrapMode}), the zero-configuration location is not loaded
 * here, so nothing loads twice.
 * <p>
 * During Spring AOT processing ({@code spring-boot:process-aot}, when
 * {@value AbstractAotProcessor#AOT_PROCESSING} is set) it does nothing: the build needs
 * no credentials, never contacts Infisical and writes no secret into generated files; the
 * processed application loads its secrets when it runs.
 *
 * @since 0.1.0
 */
public class InfisicalEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** Runs right after {@link ConfigDataEnvironmentPostProcessor}. */
	public static final int ORDER = ConfigDataEnvironmentPostProcessor.ORDER + 1;

	private static final String BOOTSTRAP_SOURCE = "bootstrap";

	private static final List<String> TRIGGERS = List.of("client-id", "client-secret", "project-id", "environment",
			"locations[0].environment", "locations[0].project-id", "locations[0].secret-path");

	private static final String NOT_CONFIGURED = "The Infisical starter is on the class path but not configured, "
			+ "so no secrets are loaded: set infisical.client-id, infisical.client-secret, infisical.project-id "
			+ "and infisical.environment (or infisical.enabled=false to remove this line).";

	private static final String NO_REFRESH = "Infisical secrets will not be refreshed while the application runs: "
			+ "refresh needs Spring Cloud Context. Add org.springframework.cloud:spring-cloud-context "
			+ "(version from the Spring Cloud BOM), or set infisical.refresh.enabled=false.";

	private static final boolean REFRESH_POSSIBLE = ClassUtils.isPresent(
			"org.springframework.cloud.endpoint.event.RefreshEvent",
			InfisicalEnvironmentPostProcessor.class.getClassLoader());

	private final Log logger;

	private final ConfigurableBootstrapContext bootstrapContext;

	/**
	 * Create a new post-processor.
	 * @param logFactory the factory of logs that are replayed once logging is set up
	 * @param bootstrapContext the bootstrap context that shares the service
	 */
	public InfisicalEnvironmentPostProcessor(DeferredLogFactory logFactory,
			ConfigurableBootstrapContext bootstrapContext) {
		this.logger = logFactory.getLog(InfisicalSecretsService.class);
		this.bootstrapContext = bootstrapContext;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (Boolean.getBoolean(AbstractAotProcessor.AOT_PROCESSING)) {
			// build time (spring-boot:process-aot): no credentials, no network, and no
			// secret
			// may end up in generated code; the processed application loads at run time
			return;
		}
		MutablePropertySources sources = environment.getPropertySources();
		if (sources.contains(BOOTSTRAP_SOURCE)) {
			return;
		}
		List<InfisicalImportPlaceholder> placeholders = new ArrayList<>();
		boolean loaded = false;
		for (PropertySource<?> source : sources) {
			if (source instanceof InfisicalImportPlaceholder placeholder) {
				placeholders.add(placeholder);
			}
			else if (InfisicalPropertySource.isInfisical(source)) {
				loaded = true;
			}
		}
		Binder binder = Binder.get(environment);
		if (placeholders.isEmpty()) {
			if (loaded) {
				return;
			}
			if (!isConfigured(binder)) {
				if (binder.bind("infisical.enabled", Boolean.class).orElse(true)) {
					this.logger.info(NOT_CONFIGURED);
				}
				return;
			}
			if (BootstrapMode.locatorLoads(environment)) {
				return;
			}
		}
		InfisicalProperties properties = InfisicalSecretsServices.bind(binder);
		if (!properties.enabled()) {
			placeholders.forEach((placeholder) -> sources.remove(placeholder.getName()));
			return;
		}
		if (!valid(properties, placeholders, sources)) {
			return;
		}
		List<Target> targets = placeholders.isEmpty() ? zeroConfigurationTargets(properties)
				: importTargets(properties, placeholders, sources);
		if (targets.isEmpty()) {
			return;
		}
		// a refresh (Spring Cloud runs post-processors again) reuses the running service
		boolean created = !this.bootstrapContext.isRegistered(InfisicalSecretsService.class);
		long start = System.nanoTime();
		InfisicalSecretsService service = service(properties, binder, targets, sources);
		if (service == null) {
			return;
		}
		ApplicationStartup startup = application.getApplicationStartup();
		service.getTokens().recordLoginsIn(startup);
		if (targets.size() > 1) {
			service.prefetch(targets.stream().map(Target::location).toList());
		}
		Set<SecretsLocation> seen = new HashSet<>();
		List<InfisicalPropertySource> placed = new ArrayList<>();
		try {
			for (Target target : targets) {
				if (seen.add(target.location().location())) {
					InfisicalPropertySource source = load(service, target.location(), startup);
					place(sources, target.placeholder(), source);
					placed.add(source);
				}
				else if (target.placeholder() != null) {
					sources.remove(target.placeholder().getName());
				}
			}
		}
		catch (RuntimeException ex) {
			if (created) {
				// start-up fails: stop renewing the token and revoke it now
				service.close();
			}
			throw ex;
		}
		finally {
			service.getTokens().recordLoginsIn(ApplicationStartup.DEFAULT);
		}
		if (created) {
			this.logger.info(LoadReport.describe(placed, System.nanoTime() - start));
			if (properties.refresh().enabled() && !REFRESH_POSSIBLE) {
				this.logger.info(NO_REFRESH);
			}
		}
	}

	/**
	 * Check the properties before anything is sent. A mistake fails start-up, or, when
	 * fail-fast is off or every import is optional, is one warning and start-up goes on
	 * without Infisical secrets.
	 */
	private boolean valid(InfisicalProperties properties, List<InfisicalImportPlaceholder> placeholders,
			MutablePropertySources sources) {
		try {
			properties.validate();
			return true;
		}
		catch (InfisicalException ex) {
			boolean allOptional = !placeholders.isEmpty()
					&& placeholders.stream().allMatch(InfisicalImportPlaceholder::isOptional);
			if (properties.failFast() && !allOptional) {
				throw ex;
			}
			this.logger.warn(ex.getMessage() + " Starting without Infisical secrets.");
			placeholders.forEach((placeholder) -> sources.remove(placeholder.getName()));
			return false;
		}
	}

	/**
	 * Load one location inside an {@code infisical.location.load} start-up step, so
	 * {@code /actuator/startup} shows each location's cost (the first one includes the
	 * login, itself an {@code infisical.login} step).
	 */
	private static InfisicalPropertySource load(InfisicalSecretsService service, OptionalLocation location,
			ApplicationStartup startup) {
		StartupStep step = startup.start("infisical.location.load").tag("location", location.location().name());
		try {
			InfisicalPropertySource source = service.load(location.location(), location.optional());
			step.tag("secrets", Integer.toString(source.getSnapshot().size()));
			return source;
		}
		finally {
			step.end();
		}
	}

	private List<Target> zeroConfigurationTargets(InfisicalProperties properties) {
		try {
			return SecretsLocations.fromProperties(properties)
				.stream()
				.map((location) -> new Target(location, null))
				.toList();
		}
		catch (InfisicalException ex) {
			if (properties.failFast()) {
				throw ex;
			}
			this.logger.warn(ex.getMessage() + " Starting without Infisical secrets (infisical.fail-fast=false).");
			return List.of();
		}
	}

	private List<Target> importTargets(InfisicalProperties properties, List<InfisicalImportPlaceholder> placeholders,
			MutablePropertySources sources) {
		List<Target> targets = new ArrayList<>();
		for (InfisicalImportPlaceholder placeholder : placeholders) {
			try {
				SecretsLocation location = SecretsLocations.fromImport(placeholder.getLocation(), properties);
				targets.add(new Target(new OptionalLocation(location, placeholder.isOptional()), placeholder));
			}
			catch (InfisicalException ex) {
				if (!placeholder.isOptional() && properties.failFast()) {
					throw ex;
				}
				this.logger.warn(ex.getMessage() + " Skipping Infisical location '" + placeholder.getLocation() + "'.");
				sources.remove(placeholder.getName());
			}
		}
		return targets;
	}

	private @Nullable InfisicalSecretsService service(InfisicalProperties properties, Binder binder,
			List<Target> targets, MutablePropertySources sources) {
		try {
			return InfisicalSecretsServices.obtain(this.bootstrapContext, properties, binder,
					new DefaultResourceLoader(), this.logger);
		}
		catch (InfisicalException ex) {
			boolean allOptional = targets.stream().allMatch((target) -> target.location().optional());
			if (!allOptional && properties.failFast()) {
				throw ex;
			}
			this.logger.warn(ex.getMessage() + " Starting without Infisical secrets.");
			targets.stream()
				.filter((target) -> target.placeholder() != null)
				.forEach((target) -> sources.remove(target.placeholder().getName()));
			return null;
		}
	}

	private static void place(MutablePropertySources sources, @Nullable InfisicalImportPlaceholder placeholder,
			InfisicalPropertySource source) {
		source.attach(sources);
		if (placeholder != null) {
			if (sources.contains(source.getName())) {
				sources.remove(placeholder.getName());
			}
			else {
				sources.replace(placeholder.getName(), source);
			}
		}
		else if (sources.contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
			sources.addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, source);
		}
		else {
			sources.addFirst(source);
		}
	}

	private static boolean isConfigured(Binder binder) {
		return TRIGGERS.stream()
			.anyMatch((name) -> binder.bind(InfisicalProperties.PREFIX + "." + name, String.class).isBound());
	}

	private record Target(OptionalLocation location, @Nullable InfisicalImportPlaceholder placeholder) {

	}

}
