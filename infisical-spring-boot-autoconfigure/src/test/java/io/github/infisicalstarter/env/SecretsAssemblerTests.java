package io.github.infisicalstarter.env;

import java.util.List;

import io.github.infisicalstarter.client.ImportedSecrets;
import io.github.infisicalstarter.client.RawSecret;
import io.github.infisicalstarter.client.SecretsResponse;
import io.github.infisicalstarter.config.SecretsLocation;
import org.apache.commons.logging.Log;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

class SecretsAssemblerTests {

	private final Log log = mock(Log.class);

	private final SecretsAssembler assembler = new SecretsAssembler(this.log, true);

	@Test
	void ownSecretsWinThenLaterImportsOverrideEarlierOnes() {
		SecretsResponse response = new SecretsResponse(List.of(secret("A", "own", "/")),
				List.of(new ImportedSecrets("prod", "/first",
						List.of(secret("A", "first"), secret("B", "first"), secret("C", "first"))),
						new ImportedSecrets("prod", "/second", List.of(secret("B", "second"), secret("B", "dup")))),
				null, false);
		SecretsSnapshot snapshot = this.assembler.assemble(location("/", false, false, "", List.of(), List.of()),
				response);
		assertThat(snapshot.get("A")).isEqualTo("own");
		assertThat(snapshot.get("B")).isEqualTo("second");
		assertThat(snapshot.get("C")).isEqualTo("first");
	}

	@Test
	void importsAreIgnoredWhenSwitchedOff() {
		SecretsResponse response = new SecretsResponse(List.of(),
				List.of(new ImportedSecrets("prod", "/x", List.of(secret("A", "imported")))), null, false);
		SecretsLocation location = new SecretsLocation("p", "dev", "/", false, false, true, false, "", List.of(),
				List.of(), List.of());
		assertThat(this.assembler.assemble(location, response).get("A")).isNull();
	}

	@Test
	void deeperFolderWinsACollisionAndTheWarningNamesKeyAndPathsOnce() {
		SecretsResponse response = new SecretsResponse(
				List.of(secret("KEY", "deep-value", "/a/b"), secret("KEY", "root-value", "/")), List.of(), null, false);
		SecretsLocation location = location("/", true, false, "", List.of(), List.of());
		assertThat(this.assembler.assemble(location, response).get("KEY")).isEqualTo("deep-value");
		this.assembler.assemble(location, response);
		verify(this.log, times(1)).warn(contains("'KEY' exists in both '/' and '/a/b'"));
		verify(this.log, never()).warn(contains("deep-value"));
	}

	@Test
	void pathAsPrefixKeepsBothKeys() {
		SecretsResponse response = new SecretsResponse(
				List.of(secret("PASSWORD", "root", "/"), secret("PASSWORD", "db", "/db")), List.of(), null, false);
		SecretsSnapshot snapshot = this.assembler.assemble(location("/", true, true, "", List.of(), List.of()),
				response);
		assertThat(snapshot.get("PASSWORD")).isEqualTo("root");
		assertThat(snapshot.get("db.PASSWORD")).isEqualTo("db");
		assertThat(snapshot.get("db.password")).isEqualTo("db");
		verify(this.log, never()).warn(anyString());
	}

	@Test
	void prefixIncludeAndExclude() {
		SecretsResponse response = new SecretsResponse(
				List.of(secret("DB_URL", "u", "/"), secret("DB_PASSWORD", "p", "/"), secret("OTHER", "o", "/")),
				List.of(), null, false);
		SecretsSnapshot snapshot = this.assembler
			.assemble(location("/", false, false, "app.", List.of("DB_*"), List.of("*PASSWORD")), response);
		assertThat(snapshot.keys()).containsExactly("app.DB_URL");
		assertThat(snapshot.get("app.db.url")).isEqualTo("u");
	}

	@Test
	void unresolvedReferenceIsKeptAndWarnedOnceWithoutTheValue() {
		SecretsResponse response = new SecretsResponse(List.of(secret("URL", "jdbc:${MISSING}/x", "/")), List.of(),
				null, false);
		SecretsLocation location = location("/", false, false, "", List.of(), List.of());
		assertThat(this.assembler.assemble(location, response).get("URL")).isEqualTo("jdbc:${MISSING}/x");
		this.assembler.assemble(location, response);
		verify(this.log, times(1)).warn(contains("'URL'"));
		verify(this.log, never()).warn(contains("jdbc:"));
	}

	@Test
	void snapshotsCompareByValuesAndNeverPrintThem() {
		SecretsSnapshot one = new SecretsSnapshot(java.util.Map.of("A", "secret-a"), true, "\"1\"");
		SecretsSnapshot two = new SecretsSnapshot(java.util.Map.of("A", "secret-a"), true, "\"2\"");
		assertThat(one).isEqualTo(two);
		assertThat(one.toString()).doesNotContain("secret-a");
	}

	private static SecretsLocation location(String path, boolean recursive, boolean pathAsPrefix, String prefix,
			List<String> include, List<String> exclude) {
		return new SecretsLocation("p", "dev", path, recursive, true, true, pathAsPrefix, prefix, List.of(), include,
				exclude);
	}

	private static RawSecret secret(String key, String value) {
		return secret(key, value, "/");
	}

	private static RawSecret secret(String key, String value, String path) {
		return new RawSecret(key, value, path);
	}

}
