/**
 * Passes news of changed secrets to every instance of a fleet over Spring Cloud Bus, so
 * that one webhook received by one instance refreshes all of them.
 */
@NullMarked
package io.github.infisicalstarter.bus;

import org.jspecify.annotations.NullMarked;
