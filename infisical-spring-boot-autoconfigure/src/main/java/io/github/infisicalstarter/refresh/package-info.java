/**
 * Keeps loaded secrets fresh: polling, change detection and Spring Cloud refresh events.
 */
@NullMarked
package io.github.infisicalstarter.refresh;

import org.jspecify.annotations.NullMarked;
