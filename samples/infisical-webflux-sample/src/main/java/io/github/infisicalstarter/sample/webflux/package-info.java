/**
 * A WebFlux application whose configuration comes from Infisical and which reads a secret
 * on demand through {@code ReactiveInfisicalTemplate}.
 */
@NullMarked
package io.github.infisicalstarter.sample.webflux;

import org.jspecify.annotations.NullMarked;
