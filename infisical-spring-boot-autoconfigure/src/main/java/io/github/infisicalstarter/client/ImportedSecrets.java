package io.github.infisicalstarter.client;

import java.util.List;

/**
 * One entry of the {@code imports} array: the secrets a folder imports from another
 * environment and path, with nested imports already flattened in by the server.
 *
 * @param environment the environment slug the secrets come from
 * @param path the folder the secrets come from
 * @param secrets the imported secrets, in the server's order
 * @since 0.1.0
 */
public record ImportedSecrets(String environment, String path, List<RawSecret> secrets) {

}
