/**
 * Auto-configuration for the Infisical starter, including the zero-configuration entry
 * point that needs nothing but {@code infisical.*} properties.
 */
@NullMarked
package io.github.infisicalstarter.autoconfigure;

import org.jspecify.annotations.NullMarked;
