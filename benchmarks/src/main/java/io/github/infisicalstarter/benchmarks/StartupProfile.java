package io.github.infisicalstarter.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.github.infisicalstarter.testserver.InfisicalTestServer;

import static io.github.infisicalstarter.benchmarks.Stats.f0;
import static io.github.infisicalstarter.benchmarks.Stats.f1;
import static io.github.infisicalstarter.benchmarks.Stats.median;
import static io.github.infisicalstarter.benchmarks.Stats.row;

/**
 * Where the start-up time of the minimal app goes, with and without the starter: classes
 * loaded ({@code -Xlog:class+load}) by jar and by start-up phase, and Spring Boot's
 * start-up steps ({@code BufferingApplicationStartup}). Profiled runs are a little slower
 * than plain ones; compare the two variants, not the absolute numbers.
 * <p>
 * Environment: {@code PROFILE_RUNS} per variant (default 5), {@code PROFILE_APP}
 * ({@code minimal}, default, or {@code web}).
 */
public final class StartupProfile {

	private static final Pattern CLASS_LOAD = Pattern
		.compile("^\\[(\\d+\\.\\d+)s\\]\\[info\\s*\\]\\[class,load\\s*\\] (\\S+) source: (.*)$");

	private static final Pattern STEP = Pattern
		.compile("^BENCH-STEP id=(\\d+) parent=(\\S+) name=(\\S+) us=(\\d+) tags=(.*)$");

	private StartupProfile() {
	}

	/** A class as loaded: when (JVM up-time ms), its name and its source group. */
	record Loaded(double atMs, String name, String source) {

	}

	/** One profiled launch. */
	record Profile(AppRun run, List<Loaded> classes, Map<String, Double> stepMs, Map<String, Double> beanMs) {

	}

	public static void main(String[] args) throws IOException {
		int runs = Stats.env("PROFILE_RUNS", 5);
		boolean web = Stats.env("PROFILE_APP", "minimal").equals("web");
		Classpaths classpaths = Classpaths.locate();
		Path work = Files.createTempDirectory("infisical-profile");
		String main = web ? StartupBenchmark.WEB : StartupBenchmark.MINIMAL;
		System.out.println("== Where the start-up time goes: " + (web ? "WebApp" : "MinimalApp") + ", 20 secrets, "
				+ runs + " profiled runs per variant (A baseline, B with starter), alternated");
		System.out.println("   " + Machine.describe());
		List<Profile> as = new ArrayList<>();
		List<Profile> bs = new ArrayList<>();
		try (InfisicalTestServer server = InfisicalTestServer.start()) {
			Map<String, String> secrets = Fixture.secrets(20, "KEY");
			Fixture.seed(server, "/", secrets);
			Path baseline = Fixture.baselineYml(work, "baseline.yml", secrets);
			Path starter = Fixture.starterYml(work, "starter.yml", server.url(), null);
			for (int i = 0; i < runs; i++) {
				as.add(profile(classpaths.classpath(web, false), main, baseline, work, i));
				bs.add(profile(classpaths.classpath(web, true), main, starter, work, i));
			}
			printPhases(as, bs);
			printClasses(as.get(as.size() - 1), bs.get(bs.size() - 1));
			printSteps(as, bs);
			coldClient(classpaths, server, work, runs);
		}
		finally {
			StartupBenchmark.deleteTree(work);
		}
	}

	/**
	 * The two start-up requests, cold, with the starter's HTTP stack and with a bare one.
	 */
	private static void coldClient(Classpaths classpaths, InfisicalTestServer server, Path work, int runs) {
		Map<String, List<AppRun>> results = new LinkedHashMap<>();
		for (int i = 0; i < runs; i++) {
			for (String mode : List.of("urlconnection", "factory-simple", "factory-jdk", "restclient")) {
				results.computeIfAbsent(mode, (key) -> new ArrayList<>())
					.add(AppRun.launch(classpaths.classpathWith("spring-boot-http-client"), List.of(),
							"io.github.infisicalstarter.benchmarks.probe.ColdClientProbe",
							List.of(mode, server.url(), InfisicalTestServer.DEFAULT_CLIENT_ID,
									InfisicalTestServer.DEFAULT_CLIENT_SECRET, Fixture.PROJECT),
							work));
			}
		}
		System.out.println();
		System.out.println("-- Experiment: login + list secrets in a fresh JVM, nothing else (median of " + runs
				+ "; ColdClientProbe)");
		results.forEach((mode,
				list) -> System.out.println("   " + Stats.pad(mode, 14) + " "
						+ f0(median(list.stream().map((run) -> run.number("coldMs")).toList())) + " ms, "
						+ f0(median(list.stream().map((run) -> run.number("classes")).toList())) + " classes loaded"));
		System.out
			.println("   (urlconnection = the two requests on java.net.HttpURLConnection, as the starter's transport"
					+ " sends them; factory-simple = Boot's ClientHttpRequestFactoryBuilder.simple() used directly;"
					+ " factory-jdk = the same with jdk(); restclient = RestClient over simple())");
	}

	private static Profile profile(String classpath, String main, Path yml, Path work, int index) {
		Path log = work.resolve("classes-" + System.nanoTime() + ".log");
		List<String> options = List.of("-Xlog:class+load=info:file=" + log + ":uptime,level,tags",
				"-Dbench.steps=true");
		AppRun run = AppRun.launch(classpath, options, main, List.of("--spring.config.additional-location=file:" + yml),
				work);
		List<Loaded> classes = new ArrayList<>();
		try {
			for (String line : Files.readAllLines(log)) {
				Matcher matcher = CLASS_LOAD.matcher(line);
				if (matcher.matches()) {
					classes.add(new Loaded(Double.parseDouble(matcher.group(1)) * 1000, matcher.group(2),
							source(matcher.group(3))));
				}
			}
			Files.delete(log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Map<String, Double> steps = new TreeMap<>();
		Map<String, Double> beans = new TreeMap<>();
		for (String line : run.output()) {
			Matcher matcher = STEP.matcher(line);
			if (matcher.matches()) {
				double ms = Long.parseLong(matcher.group(4)) / 1000.0;
				String name = matcher.group(3);
				steps.merge(name, ms, Double::sum);
				if (name.equals("spring.beans.instantiate")) {
					Matcher bean = Pattern.compile("beanName=([^,]*)").matcher(matcher.group(5));
					if (bean.find()) {
						beans.merge(bean.group(1), ms, Double::sum);
					}
				}
			}
		}
		return new Profile(run, classes, steps, beans);
	}

	/** Group a class-load source: a jar's artifact id, a JDK module, CDS or generated. */
	private static String source(String source) {
		if (source.equals("shared objects file") || source.startsWith("shared objects file")) {
			return "JDK (CDS archive)";
		}
		if (source.startsWith("jrt:/")) {
			return "JDK " + source.substring(5);
		}
		if (source.startsWith("file:") || source.startsWith("jar:")) {
			String path = source.replaceFirst("^jar:", "").replaceFirst("^file:", "").replaceFirst("!/.*$", "");
			return Classpaths.artifactId(path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
		}
		return "generated at run time";
	}

	private static void printPhases(List<Profile> as, List<Profile> bs) {
		System.out.println();
		System.out.println("-- Phases (median JVM up-time at each Spring Boot event, ms; profiled runs)");
		int[] widths = { 36, 8, 8, 8 };
		System.out.println(row(widths, "event", "A", "B", "B-A"));
		for (String phase : List.of("starting", "env", "initialized", "prepared", "refreshed", "ready", "closed")) {
			double a = median(as.stream().map((p) -> p.run().phases().get(phase)).toList());
			double b = median(bs.stream().map((p) -> p.run().phases().get(phase)).toList());
			System.out.println(row(widths, phase, f0(a), f0(b), f0(b - a)));
		}
		double a = median(as.stream().map((p) -> p.run().wallMs()).toList());
		double b = median(bs.stream().map((p) -> p.run().wallMs()).toList());
		System.out.println(row(widths, "exit (wall)", f0(a), f0(b), f0(b - a)));
		System.out.println(row(widths, "starter's own load line (ms)", "",
				f0(median(bs.stream().map((p) -> p.run().loadMs().stream().mapToLong(Long::longValue).sum()).toList())),
				""));
	}

	private static void printClasses(Profile a, Profile b) {
		Set<String> aNames = a.classes()
			.stream()
			.map(Loaded::name)
			.map(StartupProfile::stable)
			.collect(Collectors.toSet());
		Set<String> bNames = b.classes()
			.stream()
			.map(Loaded::name)
			.map(StartupProfile::stable)
			.collect(Collectors.toSet());
		List<Loaded> extra = b.classes().stream().filter((c) -> !aNames.contains(stable(c.name()))).toList();
		List<Loaded> missing = a.classes().stream().filter((c) -> !bNames.contains(stable(c.name()))).toList();
		System.out.println();
		System.out.println("-- Classes loaded (last profiled run of each): A " + a.classes().size() + ", B "
				+ b.classes().size() + "; only in B: " + extra.size() + ", only in A: " + missing.size());
		Map<String, Long> phaseEnds = b.run().phases();
		System.out.println("   classes only in B, by source and by the phase that loaded them:");
		List<String> phases = List.of("starting", "env", "prepared", "refreshed", "ready", "closed", "exit");
		int[] widths = { 38, 6, 9, 7, 9, 8, 6, 7, 6 };
		System.out.println("   "
				+ row(widths, "source", "all", "<starting", "env", "prepared", "refresh", "ready", "closed", "exit"));
		Map<String, long[]> bySource = new LinkedHashMap<>();
		for (Loaded loaded : extra) {
			long[] counts = bySource.computeIfAbsent(loaded.source(), (key) -> new long[phases.size() + 1]);
			counts[0]++;
			counts[1 + phaseIndex(loaded.atMs(), phaseEnds, phases)]++;
		}
		bySource.entrySet()
			.stream()
			.sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -e.getValue()[0]))
			.forEach((entry) -> {
				long[] c = entry.getValue();
				System.out.println("   " + row(widths, entry.getKey(), String.valueOf(c[0]), String.valueOf(c[1]),
						String.valueOf(c[2]), String.valueOf(c[3]), String.valueOf(c[4]), String.valueOf(c[5]),
						String.valueOf(c[6]), String.valueOf(c[7])));
			});
		System.out.println("   classes only in B, first and last load per source (JVM up-time ms):");
		extra.stream()
			.collect(Collectors.groupingBy(Loaded::source, LinkedHashMap::new, Collectors.toList()))
			.forEach((source, loaded) -> System.out
				.println("   " + Stats.pad(source, 38) + Stats.lpad(f0(loaded.get(0).atMs()), 7) + " .. "
						+ Stats.lpad(f0(loaded.get(loaded.size() - 1).atMs()), 6)));
		System.out.println("   classes only in B by package (top 30):");
		extra.stream()
			.collect(Collectors.groupingBy((c) -> pkg(c.name()), Collectors.counting()))
			.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.limit(30)
			.forEach((entry) -> System.out
				.println("   " + Stats.lpad(String.valueOf(entry.getValue()), 6) + "  " + entry.getKey()));
		System.out.println("   B's timeline (JVM up-time ms of the first class loaded):");
		Map<String, Double> firsts = new LinkedHashMap<>();
		for (Loaded loaded : b.classes()) {
			for (String prefix : List.of("org.springframework.cloud.", "io.github.infisicalstarter.",
					"org.springframework.web.client.", "org.springframework.boot.http.client.",
					"sun.net.www.protocol.http.", "tools.jackson.core.", "org.springframework.security.",
					"io.github.infisicalstarter.refresh.")) {
				if (loaded.name().startsWith(prefix)
						&& !loaded.name().startsWith("io.github.infisicalstarter.benchmarks.")) {
					firsts.putIfAbsent(prefix + "*", loaded.atMs());
				}
			}
		}
		firsts.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByValue())
			.forEach(
					(entry) -> System.out.println("   " + Stats.lpad(f0(entry.getValue()), 6) + "  " + entry.getKey()));
		System.out.println("   (B's events: " + phaseEnds + ")");
	}

	private static int phaseIndex(double atMs, Map<String, Long> phaseEnds, List<String> phases) {
		for (int i = 0; i < phases.size() - 1; i++) {
			Long end = phaseEnds.get(phases.get(i));
			if (end != null && atMs <= end) {
				return i;
			}
		}
		return phases.size() - 1;
	}

	/** Drop the addresses of hidden and generated classes, so runs compare. */
	private static String stable(String name) {
		return name.replaceAll("/0x[0-9a-f]+", "").replaceAll("\\$\\$Lambda\\$\\d+", "\\$\\$Lambda");
	}

	private static String pkg(String name) {
		String clean = stable(name);
		int dot = clean.lastIndexOf('.');
		return (dot > 0) ? clean.substring(0, dot) : clean;
	}

	private static void printSteps(List<Profile> as, List<Profile> bs) {
		System.out.println();
		System.out.println("-- Spring Boot start-up steps (median total ms per step name; nested steps overlap)");
		Set<String> names = new LinkedHashSet<>();
		as.forEach((p) -> names.addAll(p.stepMs().keySet()));
		bs.forEach((p) -> names.addAll(p.stepMs().keySet()));
		Map<String, double[]> table = new HashMap<>();
		for (String name : names) {
			double a = median(as.stream().map((p) -> p.stepMs().getOrDefault(name, 0.0)).toList());
			double b = median(bs.stream().map((p) -> p.stepMs().getOrDefault(name, 0.0)).toList());
			table.put(name, new double[] { a, b });
		}
		int[] widths = { 56, 8, 8, 8 };
		System.out.println(row(widths, "step", "A", "B", "B-A"));
		table.entrySet()
			.stream()
			.sorted(Comparator
				.comparingDouble((Map.Entry<String, double[]> e) -> -Math.abs(e.getValue()[1] - e.getValue()[0])))
			.limit(20)
			.forEach((entry) -> System.out.println(row(widths, entry.getKey(), f1(entry.getValue()[0]),
					f1(entry.getValue()[1]), f1(entry.getValue()[1] - entry.getValue()[0]))));
		Set<String> aBeans = new LinkedHashSet<>();
		as.forEach((p) -> aBeans.addAll(p.beanMs().keySet()));
		Map<String, Double> extraBeans = new TreeMap<>();
		for (Profile profile : bs) {
			profile.beanMs().forEach((bean, ms) -> {
				if (!aBeans.contains(bean)) {
					extraBeans.merge(bean, ms / bs.size(), Double::sum);
				}
			});
		}
		System.out.println("   beans only in B: " + extraBeans.size() + ", mean instantiate ms (incl. nested beans):");
		extraBeans.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Double>comparingByValue().reversed())
			.forEach(
					(entry) -> System.out.println("   " + Stats.lpad(f1(entry.getValue()), 7) + "  " + entry.getKey()));
	}

}
