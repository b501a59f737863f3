/**
 * Receives Infisical webhooks: verifies their signature and turns a change into a re-read
 * of the affected secrets, for Spring MVC and WebFlux applications.
 */
@NullMarked
package io.github.infisicalstarter.webhook;

import org.jspecify.annotations.NullMarked;
