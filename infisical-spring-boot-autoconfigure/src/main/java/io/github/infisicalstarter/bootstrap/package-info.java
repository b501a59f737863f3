/**
 * Support for applications that run Spring Cloud's bootstrap context.
 */
@NullMarked
package io.github.infisicalstarter.bootstrap;

import org.jspecify.annotations.NullMarked;
