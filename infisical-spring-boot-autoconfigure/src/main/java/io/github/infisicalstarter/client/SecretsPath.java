package io.github.infisicalstarter.client;

import org.springframework.util.Assert;

/**
 * A folder of an Infisical project environment: where a single secret is read or written.
 *
 * @param projectId the project id
 * @param environment the environment slug, e.g. {@code dev}
 * @param path the folder, starting with {@code /}
 * @since 0.1.0
 */
public record SecretsPath(String projectId, String environment, String path) {

	/**
	 * Check the components.
	 * @param projectId the project id
	 * @param environment the environment slug
	 * @param path the folder
	 */
	public SecretsPath {
		Assert.hasText(projectId, "'projectId' must not be empty");
		Assert.hasText(environment, "'environment' must not be empty");
		Assert.isTrue(path.startsWith("/"), "'path' must start with '/'");
	}

	/**
	 * Create a path.
	 * @param projectId the project id
	 * @param environment the environment slug
	 * @param path the folder, starting with {@code /}
	 * @return the path
	 */
	public static SecretsPath of(String projectId, String environment, String path) {
		return new SecretsPath(projectId, environment, path);
	}

	/**
	 * Return the sub-folder with the given name.
	 * @param name the folder name
	 * @return the sub-folder's path
	 */
	public SecretsPath child(String name) {
		return new SecretsPath(this.projectId, this.environment,
				this.path.endsWith("/") ? this.path + name : this.path + "/" + name);
	}

	@Override
	public String toString() {
		return this.projectId + "/" + this.environment + this.path;
	}

}
