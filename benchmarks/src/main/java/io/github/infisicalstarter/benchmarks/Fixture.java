package io.github.infisicalstarter.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.github.infisicalstarter.benchmarks.probe.BenchProbe;
import io.github.infisicalstarter.testserver.InfisicalTestServer;

/**
 * Secrets to seed and the {@code application.yml} files the apps get.
 */
final class Fixture {

	static final String PROJECT = InfisicalTestServer.DEFAULT_PROJECT_ID;

	static final String ENV = "dev";

	private Fixture() {
	}

	/**
	 * Return {@code count} secrets: {@code FOO} and {@code KEY_00001...}, with
	 * 32-character values that are the same on every run.
	 * @param count how many
	 * @param keyPrefix prefix of the generated keys
	 * @return the secrets in order
	 */
	static Map<String, String> secrets(int count, String keyPrefix) {
		Random random = new Random(count * 31L + keyPrefix.hashCode());
		Map<String, String> secrets = new LinkedHashMap<>();
		secrets.put("FOO", "foo-" + value(random));
		for (int i = 1; i < count; i++) {
			secrets.put(String.format("%s_%05d", keyPrefix, i), value(random));
		}
		return secrets;
	}

	private static String value(Random random) {
		String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
		StringBuilder value = new StringBuilder(32);
		for (int i = 0; i < 32; i++) {
			value.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return value.toString();
	}

	static void seed(InfisicalTestServer server, String path, Map<String, String> secrets) {
		secrets.forEach((key, value) -> server.secret(PROJECT, ENV, path, key, value));
	}

	static String fooDigest(Map<String, String> secrets) {
		return BenchProbe.digest(secrets.get("FOO"));
	}

	/** What both variants share: DEBUG for the starter's load line, nothing else. */
	private static String common() {
		return "logging:\n  level:\n    io.github.infisicalstarter.env: DEBUG\n";
	}

	/**
	 * Write the baseline's configuration: the same keys and values as plain properties.
	 */
	static Path baselineYml(Path dir, String name, Map<String, String> secrets) {
		StringBuilder yml = new StringBuilder(common());
		secrets.forEach((key, value) -> yml.append(key).append(": '").append(value).append("'\n"));
		return write(dir, name, yml);
	}

	/**
	 * Write the with-starter configuration: where the server is; secrets come from it.
	 * @param secretPaths {@code null} for the default location at {@code /}, else one
	 * {@code infisical.locations[i]} entry per path
	 */
	static Path starterYml(Path dir, String name, String url, List<String> secretPaths) {
		return starterYml(dir, name, url, secretPaths, "");
	}

	/**
	 * Write the with-starter configuration with more YAML at its start.
	 * @param secretPaths {@code null} for the default location at {@code /}, else one
	 * {@code infisical.locations[i]} entry per path
	 * @param extra more YAML (top-level keys other than {@code infisical})
	 */
	static Path starterYml(Path dir, String name, String url, List<String> secretPaths, String extra) {
		StringBuilder yml = new StringBuilder(common()).append(extra);
		yml.append("infisical:\n");
		yml.append("  site-url: ").append(url).append('\n');
		yml.append("  client-id: ").append(InfisicalTestServer.DEFAULT_CLIENT_ID).append('\n');
		yml.append("  client-secret: ").append(InfisicalTestServer.DEFAULT_CLIENT_SECRET).append('\n');
		yml.append("  project-id: ").append(PROJECT).append('\n');
		yml.append("  environment: ").append(ENV).append('\n');
		if (secretPaths != null) {
			yml.append("  locations:\n");
			secretPaths.forEach((path) -> yml.append("    - secret-path: ").append(path).append('\n'));
		}
		return write(dir, name, yml);
	}

	private static Path write(Path dir, String name, CharSequence text) {
		try {
			return Files.writeString(dir.resolve(name), text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
