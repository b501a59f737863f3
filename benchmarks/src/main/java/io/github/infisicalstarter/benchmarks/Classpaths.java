package io.github.infisicalstarter.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The class paths of the benchmarked apps, composed from the files that the build writes
 * to {@code target/classpath/} (see the comment in {@code benchmarks/pom.xml}):
 * <ul>
 * <li>{@code compile.txt}: compile + provided = B + W</li>
 * <li>{@code runtime.txt}: compile + runtime = B + S</li>
 * <li>{@code provided.txt}: provided = W (+ the test server)</li>
 * </ul>
 * where B is what {@code spring-boot-starter} brings, S what the starter brings on top of
 * B, and W what {@code spring-boot-starter-webmvc} brings on top of both. The jars that S
 * and webmvc share (today {@code spring-web}, {@code jackson-core},
 * {@code spring-boot-http-converter}) carry the runtime label, so the web baseline takes
 * them back by name from {@link #WEBMVC}.
 */
final class Classpaths {

	/**
	 * What {@code spring-boot-starter-webmvc} 4.0.x brings beyond
	 * {@code spring-boot-starter}. Only used to give the web baseline the jars that
	 * webmvc shares with the starter; a provided-labelled jar missing here fails the
	 * harness, so a Boot upgrade cannot silently skew the baseline.
	 */
	static final Set<String> WEBMVC = Set.of("spring-boot-starter-webmvc", "spring-boot-starter-jackson",
			"spring-boot-jackson", "spring-boot-starter-tomcat", "spring-boot-starter-tomcat-runtime",
			"spring-boot-web-server", "tomcat-embed-core", "tomcat-embed-el", "tomcat-embed-websocket",
			"spring-boot-tomcat", "spring-boot-http-converter", "spring-boot-webmvc", "spring-boot-servlet",
			"spring-webmvc", "spring-web", "jackson-databind", "jackson-core", "jackson-annotations");

	/** Jars that may never be on a baseline class path. */
	private static final Pattern STARTER_ONLY = Pattern.compile("infisical-.*|spring-cloud-.*|spring-security-.*");

	private static final Pattern VERSIONED_JAR = Pattern.compile("(.+?)-\\d[^/]*\\.jar");

	private static final String TEST_SERVER = "infisical-test-server";

	final Path target;

	final Path classes;

	private final List<String> all;

	private final Set<String> base;

	private final Set<String> starter;

	private final Set<String> web;

	private final Set<String> shared;

	private Classpaths(Path target) {
		this.target = target;
		this.classes = target.resolve("classes");
		this.all = read("all.txt");
		Set<String> compileAndProvided = new LinkedHashSet<>(read("compile.txt"));
		Set<String> runtime = new LinkedHashSet<>(read("runtime.txt"));
		Set<String> provided = new LinkedHashSet<>(read("provided.txt"));
		this.base = minus(compileAndProvided, provided);
		this.starter = minus(runtime, this.base);
		this.web = provided.stream()
			.filter((jar) -> !artifactId(jar).equals(TEST_SERVER))
			.collect(Collectors.toCollection(LinkedHashSet::new));
		this.shared = this.starter.stream()
			.filter((jar) -> WEBMVC.contains(artifactId(jar)))
			.collect(Collectors.toCollection(LinkedHashSet::new));
		List<String> unknown = this.web.stream()
			.map(Classpaths::artifactId)
			.filter((id) -> !WEBMVC.contains(id))
			.toList();
		if (!unknown.isEmpty()) {
			throw new IllegalStateException("spring-boot-starter-webmvc brings jars missing from Classpaths.WEBMVC "
					+ unknown + "; add them so that the web baseline is right");
		}
		for (boolean web : new boolean[] { false, true }) {
			List<String> leaked = jars(web, false).stream()
				.map(Classpaths::artifactId)
				.filter((id) -> STARTER_ONLY.matcher(id).matches())
				.toList();
			if (!leaked.isEmpty()) {
				throw new IllegalStateException("Baseline class path contains starter jars " + leaked);
			}
		}
	}

	/**
	 * Locate {@code target/} from where this class was loaded ({@code target/classes}).
	 * @return the class paths
	 */
	static Classpaths locate() {
		try {
			Path classes = Path.of(Classpaths.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			return new Classpaths(classes.getParent());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Return the jars of an app.
	 * @param web the web app (else the minimal one)
	 * @param withStarter whether the starter is on the class path
	 * @return the jars, in Maven's order
	 */
	List<String> jars(boolean web, boolean withStarter) {
		Set<String> wanted = new LinkedHashSet<>(this.base);
		if (withStarter) {
			wanted.addAll(this.starter);
		}
		if (web) {
			wanted.addAll(this.web);
			wanted.addAll(this.shared);
		}
		return this.all.stream().filter(wanted::contains).toList();
	}

	/**
	 * Return the class path string of an app: its classes, then its jars.
	 * @param web the web app (else the minimal one)
	 * @param withStarter whether the starter is on the class path
	 * @return the class path
	 */
	String classpath(boolean web, boolean withStarter) {
		List<String> entries = new ArrayList<>();
		entries.add(this.classes.toString());
		entries.addAll(jars(web, withStarter));
		return String.join(java.io.File.pathSeparator, entries);
	}

	/**
	 * Return the class path of the minimal app with the starter plus one jar of the
	 * harness's own class path, for probes that compare the starter with what it does not
	 * bring.
	 * @param artifactId the jar to add
	 * @return the class path
	 */
	String classpathWith(String artifactId) {
		String jar = this.all.stream()
			.filter((entry) -> artifactId(entry).equals(artifactId))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(artifactId + " is not on the harness's class path"));
		return classpath(false, true) + java.io.File.pathSeparator + jar;
	}

	/**
	 * Describe what the starter adds to an app's class path.
	 * @param web the web app (else the minimal one)
	 * @return e.g. {@code 9 jars, 2,345 kB: infisical-spring-boot-starter, ...}
	 */
	String starterDelta(boolean web) {
		Set<String> delta = minus(new LinkedHashSet<>(jars(web, true)), new LinkedHashSet<>(jars(web, false)));
		long bytes = delta.stream().mapToLong(Classpaths::size).sum();
		return delta.size() + " jars, " + (bytes / 1024) + " kB: "
				+ delta.stream().map(Classpaths::artifactId).collect(Collectors.joining(", "));
	}

	private static long size(String path) {
		try {
			Path file = Path.of(path);
			return Files.isRegularFile(file) ? Files.size(file) : 0;
		}
		catch (IOException ex) {
			return 0;
		}
	}

	static String artifactId(String entry) {
		Path path = Path.of(entry);
		String name = path.getFileName().toString();
		if (Files.isDirectory(path) && name.equals("classes") && path.getParent() != null
				&& path.getParent().getParent() != null) {
			return path.getParent().getParent().getFileName().toString();
		}
		Matcher matcher = VERSIONED_JAR.matcher(name);
		return matcher.matches() ? matcher.group(1) : name;
	}

	private List<String> read(String name) {
		Path file = this.target.resolve("classpath").resolve(name);
		try {
			String text = Files.readString(file).trim();
			return text.isEmpty() ? List.of() : Arrays.asList(text.split(java.io.File.pathSeparator));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(
					"Missing " + file + ": build the benchmarks module first (benchmarks/run.sh)", ex);
		}
	}

	private static Set<String> minus(Set<String> from, Set<String> remove) {
		Set<String> result = new LinkedHashSet<>(from);
		result.removeAll(remove);
		return result;
	}

}
