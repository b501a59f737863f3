/**
 * Read/write access to Infisical for application code:
 * {@link io.github.infisicalstarter.core.InfisicalTemplate} and
 * {@link io.github.infisicalstarter.core.ReactiveInfisicalTemplate}, sharing the
 * starter's one access token, with writes that reach the application's own property
 * sources at once.
 */
@NullMarked
package io.github.infisicalstarter.core;

import org.jspecify.annotations.NullMarked;
