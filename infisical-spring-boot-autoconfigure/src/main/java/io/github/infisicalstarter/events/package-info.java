/**
 * Infisical event subscriptions: one Server-Sent Events stream per project pushes every
 * change of the application's locations, so secrets refresh within a second while polling
 * slows to a safety net.
 */
@NullMarked
package io.github.infisicalstarter.events;

import org.jspecify.annotations.NullMarked;
