/**
 * Configuration model: the {@code infisical.*} properties and the secret locations they
 * describe.
 */
@NullMarked
package io.github.infisicalstarter.config;

import org.jspecify.annotations.NullMarked;
