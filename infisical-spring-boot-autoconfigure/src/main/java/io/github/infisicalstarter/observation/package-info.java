/**
 * Micrometer support: an observation of every HTTP call the starter makes (metrics and
 * traces through the Observation API, low-cardinality tags only) and meters read from the
 * starter's {@link io.github.infisicalstarter.env.InfisicalStatus}. Nothing here is
 * loaded by an application without Micrometer's registry.
 */
@NullMarked
package io.github.infisicalstarter.observation;

import org.jspecify.annotations.NullMarked;
