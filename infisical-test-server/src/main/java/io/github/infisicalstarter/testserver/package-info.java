/**
 * A stateful, Infisical-compatible HTTP server for tests: logins and tokens that expire
 * by a controllable clock, secrets, folders and imports that change while an application
 * runs, faults on demand and a journal of every request. Start one with
 * {@link io.github.infisicalstarter.testserver.InfisicalTestServer#start()} or through
 * the JUnit 5 {@link io.github.infisicalstarter.testserver.InfisicalTestServerExtension}.
 */
@NullMarked
package io.github.infisicalstarter.testserver;

import org.jspecify.annotations.NullMarked;
