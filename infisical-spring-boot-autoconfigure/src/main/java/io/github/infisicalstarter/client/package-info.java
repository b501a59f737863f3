/**
 * HTTP access to the Infisical API: one lean transport built from Spring Boot's HTTP
 * client settings, the auth routes
 * ({@link io.github.infisicalstarter.client.InfisicalLoginClient}) and the secrets and
 * folders routes ({@link io.github.infisicalstarter.client.InfisicalClient}), with JSON
 * read and written by Jackson's streaming parser and generator.
 */
@NullMarked
package io.github.infisicalstarter.client;

import org.jspecify.annotations.NullMarked;
