/**
 * A small web application whose configuration comes from Infisical through the starter:
 * {@code @Value}, a JavaBean {@code @ConfigurationProperties} and a {@code @RefreshScope}
 * bean, plus a demo mode that needs no Infisical account.
 */
@NullMarked
package io.github.infisicalstarter.sample;

import org.jspecify.annotations.NullMarked;
