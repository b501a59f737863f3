/**
 * The single core that every entry point calls: turns a secret location into a property
 * source of the Spring {@code Environment}.
 */
@NullMarked
package io.github.infisicalstarter.env;

import org.jspecify.annotations.NullMarked;
