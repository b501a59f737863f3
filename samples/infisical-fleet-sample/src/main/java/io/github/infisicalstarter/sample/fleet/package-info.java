/**
 * A fleet instance that receives Infisical webhooks and shares them over Spring Cloud
 * Bus.
 */
@NullMarked
package io.github.infisicalstarter.sample.fleet;

import org.jspecify.annotations.NullMarked;
