package io.github.infisicalstarter.configdata;

import java.util.List;

import io.github.infisicalstarter.InfisicalException;
import io.github.infisicalstarter.config.InfisicalProperties;
import io.github.infisicalstarter.config.SecretsLocation;
import io.github.infisicalstarter.config.SecretsLocations;
import io.github.infisicalstarter.env.InfisicalSecretsService;
import io.github.infisicalstarter.env.InfisicalSecretsServices;
import org.apache.commons.logging.Log;

import org.springframework.boot.context.config.ConfigDataLocation;
import org.springframework.boot.context.config.ConfigDataLocationResolver;
import org.springframework.boot.context.config.ConfigDataLocationResolverContext;
import org.springframework.boot.context.config.Profiles;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * Resolves {@code infisical:} imports such as {@code infisical:} (the location that
 * {@code infisical.*} describes) or {@code infisical:/db?environment=prod&prefix=db.}. It
 * resolves after profiles are active, so that {@code application-prod.yml} can set
 * {@code infisical.environment}, and starts fetching at once so that several imports load in
 * parallel.
 *
 * @since 0.1.0
 */
public class InfisicalConfigDataLocationResolver implements ConfigDataLocationResolver<InfisicalConfigDataResource> {

	private final Log logger;

	/**
	 * Create a new resolver.
	 * @param logFactory the factory of logs that are replayed once logging is set up
	 */
	public InfisicalConfigDataLocationResolver(DeferredLogFactory logFactory) {
		this.logger = logFactory.getLog(InfisicalSecretsService.class);
	}

	@Override
	public boolean isResolvable(ConfigDataLocationResolverContext context, ConfigDataLocation location) {
		return location.hasPrefix(SecretsLocation.PREFIX);
	}

	@Override
	public List<InfisicalConfigDataResource> resolve(ConfigDataLocationResolverContext context,
			ConfigDataLocation location) {
		return List.of();
	}

	@Override
	public List<InfisicalConfigDataResource> resolveProfileSpecific(ConfigDataLocationResolverContext context,
			ConfigDataLocation location, Profiles profiles) {
		InfisicalProperties properties = InfisicalSecretsServices.bind(context.getBinder());
		if (!properties.enabled()) {
			return List.of();
		}
		SecretsLocation secretsLocation;
		try {
			secretsLocation = SecretsLocations.fromImport(location.getValue(), properties);
			InfisicalSecretsService service = InfisicalSecretsServices.obtain(context.getBootstrapContext(), properties,
					context.getBinder(), new DefaultResourceLoader(), this.logger);
			service.prefetch(List.of(secretsLocation));
		}
		catch (InfisicalException ex) {
			if (!location.isOptional() && properties.failFast()) {
				throw ex;
			}
			this.logger.warn(ex.getMessage() + " Skipping Infisical location '" + location + "'.");
			return List.of();
		}
		return List.of(new InfisicalConfigDataResource(secretsLocation, location.isOptional()));
	}

}
