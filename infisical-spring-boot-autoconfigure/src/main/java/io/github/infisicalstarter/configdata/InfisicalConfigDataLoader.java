package io.github.infisicalstarter.configdata;

import java.util.List;

import org.springframework.boot.context.config.ConfigData;
import org.springframework.boot.context.config.ConfigDataLoader;
import org.springframework.boot.context.config.ConfigDataLoaderContext;

/**
 * Loads an {@link InfisicalConfigDataResource} as an {@link InfisicalImportPlaceholder}
 * that holds the import's position until the secrets are loaded. The remote data may not
 * import further locations or activate profiles.
 *
 * @since 0.1.0
 */
public class InfisicalConfigDataLoader implements ConfigDataLoader<InfisicalConfigDataResource> {

	@Override
	public ConfigData load(ConfigDataLoaderContext context, InfisicalConfigDataResource resource) {
		return new ConfigData(List.of(new InfisicalImportPlaceholder(resource.getLocation(), resource.isOptional())),
				ConfigData.Option.IGNORE_IMPORTS, ConfigData.Option.IGNORE_PROFILES);
	}

}
