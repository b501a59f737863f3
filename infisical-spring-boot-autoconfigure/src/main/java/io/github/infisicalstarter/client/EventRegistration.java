package io.github.infisicalstarter.client;

import org.jspecify.annotations.Nullable;

/**
 * One registration of an Infisical event subscription: an event name and the conditions
 * under which the server sends it.
 *
 * @param event {@code secret:create}, {@code secret:update}, {@code secret:delete} or
 * {@code secret:import-mutation}
 * @param environment the environment slug, or {@code null} for every environment
 * @param secretPath a picomatch glob of folders (such as {@code /app/**}), or
 * {@code null} for every folder
 * @since 0.1.0
 */
public record EventRegistration(String event, @Nullable String environment, @Nullable String secretPath) {

}
