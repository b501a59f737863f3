/**
 * Spring Boot Actuator support: the {@code infisical} health contributor and endpoint,
 * and the masking of Infisical values in {@code /actuator/env} and
 * {@code /actuator/configprops}. Everything here reads the starter's
 * {@link io.github.infisicalstarter.env.InfisicalStatus}; nothing calls Infisical except
 * the endpoint's write operation.
 */
@NullMarked
package io.github.infisicalstarter.actuate;

import org.jspecify.annotations.NullMarked;
