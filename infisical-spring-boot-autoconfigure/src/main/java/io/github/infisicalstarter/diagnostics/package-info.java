/**
 * Failure analysis that turns Infisical start-up failures into one plain sentence and a
 * fix.
 */
@NullMarked
package io.github.infisicalstarter.diagnostics;

import org.jspecify.annotations.NullMarked;
