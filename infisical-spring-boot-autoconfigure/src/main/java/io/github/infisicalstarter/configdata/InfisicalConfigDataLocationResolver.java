package io.github.infisicalstarter.configdata;

import java.util.List;

import io.github.infisicalstarter.config.SecretsLocation;

import org.springframework.boot.context.config.ConfigDataLocation;
import org.springframework.boot.context.config.ConfigDataLocationResolver;
import org.springframework.boot.context.config.ConfigDataLocationResolverContext;

/**
 * Resolves {@code infisical:} imports such as {@code infisical:} (the location that
 * {@code infisical.*} describes) or {@code infisical:/db?environment=prod&prefix=db.}.
 * The location is only parsed against the complete environment later (see
 * {@link InfisicalImportPlaceholder}), so that profile-specific files count.
 *
 * @since 0.1.0
 */
public class InfisicalConfigDataLocationResolver implements ConfigDataLocationResolver<InfisicalConfigDataResource> {

	@Override
	public boolean isResolvable(ConfigDataLocationResolverContext context, ConfigDataLocation location) {
		return location.hasPrefix(SecretsLocation.PREFIX)
				&& context.getBinder().bind("infisical.enabled", Boolean.class).orElse(true);
	}

	@Override
	public List<InfisicalConfigDataResource> resolve(ConfigDataLocationResolverContext context,
			ConfigDataLocation location) {
		return List.of(new InfisicalConfigDataResource(location.getValue(), location.isOptional()));
	}

}
