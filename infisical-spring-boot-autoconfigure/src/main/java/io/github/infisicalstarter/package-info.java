/**
 * Infisical secrets as ordinary Spring configuration. Subpackages hold the HTTP client,
 * the token lifecycle, the property sources and the three entry points that share them.
 */
@NullMarked
package io.github.infisicalstarter;

import org.jspecify.annotations.NullMarked;
