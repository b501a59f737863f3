/**
 * Applies rotated database credentials to running connection pools when a refresh changed
 * them, so a password rotated in Infisical needs neither a restart nor a
 * {@code @RefreshScope} on the {@code DataSource}.
 */
@NullMarked
package io.github.infisicalstarter.datasource;

import org.jspecify.annotations.NullMarked;
