package io.github.infisicalstarter.client;

/**
 * A folder of an Infisical environment.
 *
 * @param id the folder's id
 * @param name the folder's name
 * @since 0.1.0
 */
public record InfisicalFolder(String id, String name) {

}
