/**
 * Spring test support for the Infisical test server: {@link InfisicalTest} points every
 * {@code @SpringBootTest} of a class at the JVM's shared test server before the
 * environment is prepared, guards keep a test from silently reaching another Infisical,
 * and {@link EnvironmentPostProcessorsInitializer} loads secrets in an
 * {@code ApplicationContextRunner}.
 */
@NullMarked
package io.github.infisicalstarter.testserver.spring;

import org.jspecify.annotations.NullMarked;
