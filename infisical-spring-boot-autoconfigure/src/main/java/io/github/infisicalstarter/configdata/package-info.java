/**
 * {@code spring.config.import=infisical:} support through Spring Boot's ConfigData API.
 */
@NullMarked
package io.github.infisicalstarter.configdata;

import org.jspecify.annotations.NullMarked;
