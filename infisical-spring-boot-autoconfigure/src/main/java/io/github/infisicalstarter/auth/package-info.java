/**
 * Machine-identity authentication and the access-token lifecycle (login, renew, re-login,
 * revoke).
 */
@NullMarked
package io.github.infisicalstarter.auth;

import org.jspecify.annotations.NullMarked;
