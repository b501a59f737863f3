/**
 * HTTP access to the Infisical API: login, token renewal and secret listing over Spring's
 * {@code RestClient}, with JSON read by Jackson's streaming parser.
 */
@NullMarked
package io.github.infisicalstarter.client;

import org.jspecify.annotations.NullMarked;
