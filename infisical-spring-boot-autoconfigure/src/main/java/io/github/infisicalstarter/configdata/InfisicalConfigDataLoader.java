package io.github.infisicalstarter.configdata;

import java.util.List;

import io.github.infisicalstarter.env.InfisicalPropertySource;
import io.github.infisicalstarter.env.InfisicalSecretsService;

import org.springframework.boot.context.config.ConfigData;
import org.springframework.boot.context.config.ConfigDataLoader;
import org.springframework.boot.context.config.ConfigDataLoaderContext;

/**
 * Loads an {@link InfisicalConfigDataResource} through the application's shared
 * {@link InfisicalSecretsService}. The remote data may not import further locations or
 * activate profiles.
 *
 * @since 0.1.0
 */
public class InfisicalConfigDataLoader implements ConfigDataLoader<InfisicalConfigDataResource> {

	@Override
	public ConfigData load(ConfigDataLoaderContext context, InfisicalConfigDataResource resource) {
		InfisicalSecretsService service = context.getBootstrapContext().get(InfisicalSecretsService.class);
		InfisicalPropertySource source = service.load(resource.getLocation(), resource.isOptional());
		return new ConfigData(List.of(source), ConfigData.Option.IGNORE_IMPORTS, ConfigData.Option.IGNORE_PROFILES);
	}

}
