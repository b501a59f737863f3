package io.github.infisicalstarter.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks what the build produced against what a release to Maven Central needs: the
 * metadata of every published pom, sources and javadoc jars, the license in every jar,
 * and a BOM that manages every published module. Runs in the verify phase of the last
 * module of the reactor, when the other modules' jars exist.
 */
class ReleaseArtifactsTests {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private static final String GROUP_ID = "io.github.infisicalstarter";

	private static final String BOM = "infisical-spring-boot-dependencies";

	@Test
	void theLicenseIsTheApacheLicense2() throws IOException {
		String license = Files.readString(ROOT.resolve("LICENSE"));
		assertThat(license.strip()).startsWith("Apache License\n                           Version 2.0, January 2004")
			.contains("TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION")
			.contains("END OF TERMS AND CONDITIONS");
		assertThat(Files.readString(ROOT.resolve("NOTICE"))).contains("Apache License, Version 2.0");
	}

	@Test
	void everyPublishedPomHasTheMetadataMavenCentralRequires() {
		Pom root = Pom.read(ROOT);
		String url = root.ownText("url");
		assertThat(url).startsWith("https://");
		for (Pom pom : published()) {
			assertThat(pom.ownText("name")).as("name of %s", pom).isNotBlank();
			assertThat(pom.ownText("description")).as("description of %s", pom).isNotBlank();
			assertThat(pom.inheritedText("url", "child.project.url.inherit.append.path")).as("url of %s", pom)
				.isEqualTo(url);
			assertThat(pom.inheritedText("scm/url", "child.scm.url.inherit.append.path")).as("scm of %s", pom)
				.isEqualTo(url);
			assertThat(pom.inheritedText("scm/connection", "child.scm.connection.inherit.append.path"))
				.as("scm connection of %s", pom)
				.isEqualTo("scm:git:" + url + ".git");
			assertThat(
					pom.inheritedText("scm/developerConnection", "child.scm.developerConnection.inherit.append.path"))
				.as("scm developer connection of %s", pom)
				.startsWith("scm:git:")
				.endsWith(".git");
			List<Element> licenses = pom.inheritedList("licenses");
			assertThat(licenses).as("licenses of %s", pom).hasSize(1);
			assertThat(Pom.text(licenses.get(0), "name")).isEqualTo("Apache License, Version 2.0");
			assertThat(Pom.text(licenses.get(0), "url")).isEqualTo("https://www.apache.org/licenses/LICENSE-2.0");
			assertThat(pom.inheritedList("developers")).as("developers of %s", pom)
				.isNotEmpty()
				.allSatisfy((developer) -> assertThat(Pom.text(developer, "name")).isNotBlank());
		}
	}

	@Test
	void everyPublishedJarComesWithSourcesJavadocAndTheLicense() throws IOException {
		byte[] license = Files.readAllBytes(ROOT.resolve("LICENSE"));
		List<Pom> jars = published().stream().filter((pom) -> pom.packaging().equals("jar")).toList();
		assertThat(jars).extracting(Pom::artifactId)
			.contains("infisical-spring-boot-starter", "infisical-spring-boot-autoconfigure", "infisical-test-server");
		for (Pom pom : jars) {
			String base = pom.artifactId() + "-" + pom.version();
			Path target = pom.directory().resolve("target");
			try (JarFile jar = open(target.resolve(base + ".jar"))) {
				ZipEntry entry = jar.getEntry("META-INF/LICENSE");
				assertThat(entry).as("META-INF/LICENSE in %s", jar.getName()).isNotNull();
				assertThat(jar.getInputStream(entry).readAllBytes()).isEqualTo(license);
				assertThat(jar.getEntry("META-INF/NOTICE")).as("META-INF/NOTICE in %s", jar.getName()).isNotNull();
			}
			boolean hasCode = Files.isDirectory(pom.directory().resolve("src/main/java"));
			try (JarFile sources = open(target.resolve(base + "-sources.jar"))) {
				if (hasCode) {
					assertThat(sources.stream().map(ZipEntry::getName)).as("sources in %s", sources.getName())
						.anyMatch((name) -> name.endsWith(".java"));
				}
			}
			try (JarFile javadoc = open(target.resolve(base + "-javadoc.jar"))) {
				if (hasCode) {
					assertThat(javadoc.getEntry("index.html")).as("index.html in %s", javadoc.getName()).isNotNull();
				}
			}
		}
	}

	@Test
	void theBomManagesEveryPublishedModuleAndNothingElse() {
		Pom bom = Pom.read(ROOT.resolve(BOM));
		// a parent would bring its own dependency management into every import
		assertThat(Pom.child(bom.project(), "parent")).as("the BOM has no parent").isNull();
		assertThat(bom.version()).isEqualTo(Pom.read(ROOT).version());
		List<String> managed = new ArrayList<>();
		for (Element dependency : bom.inheritedList("dependencyManagement/dependencies")) {
			assertThat(Pom.text(dependency, "groupId")).isEqualTo(GROUP_ID);
			assertThat(Pom.text(dependency, "version")).isEqualTo("${project.version}");
			assertThat(Pom.text(dependency, "scope")).as("no imports in the BOM").isNull();
			managed.add(Pom.text(dependency, "artifactId"));
		}
		assertThat(managed).containsExactlyInAnyOrderElementsOf(
				published().stream().filter((pom) -> pom.packaging().equals("jar")).map(Pom::artifactId).toList());
		// the build manages its own modules exactly as the BOM does
		List<String> rootManaged = new ArrayList<>();
		for (Element dependency : Pom.read(ROOT).inheritedList("dependencyManagement/dependencies")) {
			if (GROUP_ID.equals(Pom.text(dependency, "groupId"))) {
				assertThat(Pom.text(dependency, "version")).isEqualTo("${project.version}");
				rootManaged.add(Pom.text(dependency, "artifactId"));
			}
		}
		assertThat(rootManaged).containsExactlyInAnyOrderElementsOf(managed);
	}

	private static List<Pom> published() {
		Pom root = Pom.read(ROOT);
		List<Pom> poms = new ArrayList<>(List.of(root));
		for (Element module : root.inheritedList("modules")) {
			poms.add(Pom.read(ROOT.resolve(module.getTextContent().strip())));
		}
		return poms.stream().filter(Pom::published).toList();
	}

	private static JarFile open(Path path) throws IOException {
		assertThat(path).as("built by the package phase").isRegularFile();
		return new JarFile(path.toFile());
	}

}
