package io.github.infisicalstarter.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.github.infisicalstarter.testserver.InfisicalTestServer;
import io.github.infisicalstarter.testserver.RecordedRequest;

import static io.github.infisicalstarter.benchmarks.Stats.f0;
import static io.github.infisicalstarter.benchmarks.Stats.f1;
import static io.github.infisicalstarter.benchmarks.Stats.median;
import static io.github.infisicalstarter.benchmarks.Stats.ratio;
import static io.github.infisicalstarter.benchmarks.Stats.row;

/**
 * Start-up cost of the starter: each scenario launches two variants of an app in fresh
 * JVMs, alternately A B A B ..., and compares them pair by pair. The test server runs in
 * this JVM; its journal gives the exact requests of each start-up.
 * <p>
 * Environment: {@code PAIRS} (default 10), {@code WARMUP} pairs not counted (default 1),
 * {@code SCENARIOS} (comma-separated names, default all), {@code APP_JAVA_OPTS} (extra
 * JVM options of the launched apps).
 */
public final class StartupBenchmark {

	static final String MINIMAL = "io.github.infisicalstarter.benchmarks.minimal.MinimalApp";

	static final String WEB = "io.github.infisicalstarter.benchmarks.web.WebApp";

	private static final String[] PHASES = { "starting", "env", "prepared", "refreshed", "ready", "closed" };

	private final Classpaths classpaths;

	private final InfisicalTestServer server;

	private final Path work;

	private final int pairs;

	private final int warmup;

	private final List<String> jvmOptions;

	private final List<Result> results = new ArrayList<>();

	StartupBenchmark(Classpaths classpaths, InfisicalTestServer server, Path work, int pairs, int warmup,
			List<String> jvmOptions) {
		this.classpaths = classpaths;
		this.server = server;
		this.work = work;
		this.pairs = pairs;
		this.warmup = warmup;
		this.jvmOptions = jvmOptions;
	}

	public static void main(String[] args) throws IOException {
		int pairs = Stats.env("PAIRS", 10);
		int warmup = Stats.env("WARMUP", 1);
		List<String> selected = Arrays
			.asList(Stats.env("SCENARIOS", "minimal-20,minimal-10000,web-20,locations-10-vs-1,operability-off-vs-on")
				.split("\\s*,\\s*"));
		String opts = Stats.env("APP_JAVA_OPTS", "");
		List<String> jvmOptions = opts.isEmpty() ? List.of() : Arrays.asList(opts.split("\\s+"));
		Classpaths classpaths = Classpaths.locate();
		Path work = Files.createTempDirectory("infisical-bench");
		System.out.println("== Start-up benchmark: " + pairs + " pairs per scenario (+" + warmup
				+ " warm-up), launched A B A B ...; medians; ratios are the median of per-pair B/A");
		System.out.println("   " + Machine.describe());
		System.out.println("   starter adds to the minimal app: " + classpaths.starterDelta(false));
		System.out.println("   starter adds to the web app:     " + classpaths.starterDelta(true));
		try (InfisicalTestServer server = InfisicalTestServer.start()) {
			StartupBenchmark benchmark = new StartupBenchmark(classpaths, server, work, pairs, warmup, jvmOptions);
			for (String name : selected) {
				benchmark.run(benchmark.scenario(name));
			}
			benchmark.printSummary();
		}
		finally {
			deleteTree(work);
		}
		System.out.println("   machine after: " + Machine.loadAverage());
	}

	/** One way of launching an app. */
	record Variant(String label, String mainClass, boolean web, boolean withStarter, Path yml, int expectedRequests) {

		boolean usesServer() {
			return this.expectedRequests >= 0;
		}

	}

	/** Two variants to compare, with their targets (NaN: none). */
	record Scenario(String name, String description, Variant a, Variant b, Map<String, String> secrets,
			double wallTarget, boolean strict, double rssTarget) {

	}

	/** One launch, with what the server saw. */
	record Launch(AppRun run, int requests, String requestKinds, long failedRequests) {

	}

	/** Everything measured for a scenario. */
	record Result(Scenario scenario, List<Launch> a, List<Launch> b, List<Double> wallRatios, List<Double> rssRatios) {

	}

	Scenario scenario(String name) {
		this.server.reset();
		String url = this.server.url();
		switch (name) {
			case "minimal-20", "minimal-10000", "web-20" -> {
				int count = Integer.parseInt(name.substring(name.indexOf('-') + 1));
				boolean web = name.startsWith("web");
				String main = web ? WEB : MINIMAL;
				Map<String, String> secrets = Fixture.secrets(count, "KEY");
				Fixture.seed(this.server, "/", secrets);
				Variant a = new Variant("A baseline", main, web, false,
						Fixture.baselineYml(this.work, name + "-baseline.yml", secrets), -1);
				Variant b = new Variant("B with starter", main, web, true,
						Fixture.starterYml(this.work, name + "-starter.yml", url, null), 2);
				String app = web ? "WebApp (Tomcat, port 0)" : "MinimalApp (spring-boot-starter)";
				return switch (name) {
					case "minimal-20" ->
						new Scenario(name, app + ", 20 secrets", a, b, secrets, 1.10, false, Double.NaN);
					case "minimal-10000" ->
						new Scenario(name, app + ", 10,000 secrets", a, b, secrets, 1.20, false, 1.20);
					default -> new Scenario(name, app + ", 20 secrets", a, b, secrets, 1.05, false, Double.NaN);
				};
			}
			case "operability-off-vs-on" -> {
				// issue 11: health, endpoint and observations must cost nothing without
				// actuator/Micrometer
				Map<String, String> secrets = Fixture.secrets(20, "KEY");
				Fixture.seed(this.server, "/", secrets);
				String off = "spring.autoconfigure.exclude: " + String.join(",",
						"io.github.infisicalstarter.actuate.InfisicalHealthContributorAutoConfiguration",
						"io.github.infisicalstarter.actuate.InfisicalEndpointAutoConfiguration",
						"io.github.infisicalstarter.observation.InfisicalObservationAutoConfiguration") + "\n";
				Variant a = new Variant("A operability off", MINIMAL, false, true,
						Fixture.starterYml(this.work, name + "-off.yml", url, null, off), 2);
				Variant b = new Variant("B operability on", MINIMAL, false, true,
						Fixture.starterYml(this.work, name + "-on.yml", url, null), 2);
				return new Scenario(name,
						"MinimalApp with the starter, its operability auto-configurations "
								+ "excluded vs present (no actuator, no Micrometer)",
						a, b, secrets, 1.02, false, Double.NaN);
			}
			case "locations-10-vs-1" -> {
				Map<String, String> all = new LinkedHashMap<>();
				List<String> paths = new ArrayList<>();
				for (int i = 0; i < 10; i++) {
					String path = "/f" + i;
					paths.add(path);
					Map<String, String> secrets = Fixture.secrets(20, "F" + i);
					if (i > 0) {
						secrets.remove("FOO");
					}
					Fixture.seed(this.server, path, secrets);
					all.putAll(secrets);
				}
				Variant a = new Variant("A 1 location", MINIMAL, false, true,
						Fixture.starterYml(this.work, name + "-1.yml", url, paths.subList(0, 1)), 2);
				Variant b = new Variant("B 10 locations", MINIMAL, false, true,
						Fixture.starterYml(this.work, name + "-10.yml", url, paths), 11);
				return new Scenario(name,
						"MinimalApp with the starter, 10 infisical.locations[] on 10 folders of " + "20 secrets vs 1",
						a, b, all, 2.0, true, Double.NaN);
			}
			default -> throw new IllegalArgumentException("Unknown scenario '" + name + "'");
		}
	}

	void run(Scenario scenario) {
		System.out.println();
		System.out.println("== " + scenario.name() + ": " + scenario.description());
		String foo = Fixture.fooDigest(scenario.secrets());
		for (int i = 0; i < this.warmup; i++) {
			launch(scenario.a(), foo);
			launch(scenario.b(), foo);
		}
		List<Launch> as = new ArrayList<>();
		List<Launch> bs = new ArrayList<>();
		List<Double> wallRatios = new ArrayList<>();
		List<Double> rssRatios = new ArrayList<>();
		for (int i = 1; i <= this.pairs; i++) {
			Launch a = launch(scenario.a(), foo);
			Launch b = launch(scenario.b(), foo);
			as.add(a);
			bs.add(b);
			double wall = b.run().wallMs() / a.run().wallMs();
			double rss = (double) b.run().number("rssPeakKb") / a.run().number("rssPeakKb");
			wallRatios.add(wall);
			rssRatios.add(rss);
			System.err.printf("   %s pair %d/%d: A %.0f ms, B %.0f ms (%.3fx), RSS %.3fx%n", scenario.name(), i,
					this.pairs, a.run().wallMs(), b.run().wallMs(), wall, rss);
		}
		Result result = new Result(scenario, as, bs, wallRatios, rssRatios);
		this.results.add(result);
		print(result);
	}

	private Launch launch(Variant variant, String fooDigest) {
		if (variant.usesServer()) {
			this.server.clearJournal();
		}
		List<String> args = List.of("--spring.config.additional-location=file:" + variant.yml());
		AppRun run = AppRun.launch(this.classpaths.classpath(variant.web(), variant.withStarter()), this.jvmOptions,
				variant.mainClass(), args, this.work);
		if (!fooDigest.equals(run.fields().get("foo"))) {
			throw new IllegalStateException(variant.label() + " saw a different FOO (hash " + run.fields().get("foo")
					+ " instead of " + fooDigest + ")");
		}
		if (!variant.usesServer()) {
			return new Launch(run, -1, "", 0);
		}
		List<RecordedRequest> journal = this.server.journal();
		String kinds = journal.stream()
			.collect(Collectors.groupingBy((request) -> request.method() + " " + request.path(), TreeMap::new,
					Collectors.counting()))
			.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + " x" + entry.getValue())
			.collect(Collectors.joining(", "));
		long failed = journal.stream().filter((request) -> request.status() < 200 || request.status() >= 400).count();
		// the revoke at shutdown is not a start-up request, but its time is in the wall
		// time
		long startupRequests = journal.stream().filter((request) -> !request.path().endsWith("/token/revoke")).count();
		return new Launch(run, (int) startupRequests, kinds, failed);
	}

	private void print(Result result) {
		Scenario scenario = result.scenario();
		int[] widths = { 18, 9, 12, 8, 8, 8, 9 };
		System.out.println(row(widths, "", "wall ms", "peak RSS MB", "CPU ms", "classes", "load ms", "requests"));
		System.out.println(Stats.rule(widths));
		for (Variant variant : List.of(scenario.a(), scenario.b())) {
			List<Launch> launches = (variant == scenario.a()) ? result.a() : result.b();
			System.out.println(row(widths, variant.label(), f0(median(walls(launches))),
					f1(median(field(launches, "rssPeakKb")) / 1024), f0(median(field(launches, "cpuMs"))),
					f0(median(field(launches, "classes"))), loadMs(launches), requests(launches)));
		}
		System.out.println(
				row(widths, "B/A (pairwise)", ratio(median(result.wallRatios())), ratio(median(result.rssRatios())),
						ratio(median(pairwise(result, "cpuMs"))), ratio(median(pairwise(result, "classes")))));
		System.out.println(row(widths, "target", target(scenario.wallTarget(), scenario.strict()),
				target(scenario.rssTarget(), false)));
		System.out.println(
				row(widths, "verdict", verdict(median(result.wallRatios()), scenario.wallTarget(), scenario.strict()),
						verdict(median(result.rssRatios()), scenario.rssTarget(), false)));
		double[] confidence = Stats.medianConfidence95(result.wallRatios());
		System.out.println(
				"   per-pair wall B/A: " + result.wallRatios().stream().map(Stats::f2).collect(Collectors.joining(" "))
						+ "   (min " + Stats.f2(Stats.min(result.wallRatios())) + ", max "
						+ Stats.f2(Stats.max(result.wallRatios())) + "; 95 % confidence interval of the median "
						+ ratio(confidence[0]) + " .. " + ratio(confidence[1]) + ")");
		for (Variant variant : List.of(scenario.a(), scenario.b())) {
			List<Launch> launches = (variant == scenario.a()) ? result.a() : result.b();
			if (variant.usesServer()) {
				List<Integer> counts = launches.stream().map(Launch::requests).toList();
				boolean exact = counts.stream().allMatch((count) -> count == variant.expectedRequests());
				long failed = launches.stream().mapToLong(Launch::failedRequests).sum();
				System.out.println("   " + variant.label() + ": requests per start-up " + counts + " (target "
						+ variant.expectedRequests() + ": " + (exact ? "OK" : "MISS") + "), "
						+ launches.get(0).requestKinds() + ((failed > 0) ? ", " + failed + " FAILED requests" : "")
						+ "; secrets loaded per location " + launches.get(0).run().loadedSecrets());
			}
		}
		printPhases(result);
	}

	/** Median time between Spring Boot's start-up events, per variant. */
	private void printPhases(Result result) {
		String[] segments = { "JVM start -> SpringApplication.run", "run -> environment prepared (config data, EPPs)",
				"environment -> context prepared",
				"context refresh (auto-config, beans" + (result.scenario().a().web() ? ", Tomcat)" : ")"),
				"refreshed -> ready", "ready -> context closed", "closed -> exit (outside JVM uptime too)" };
		int[] widths = { 50, 7, 7, 7 };
		System.out.println("   where the wall time goes (medians, ms):");
		System.out.println("   " + row(widths, "", "A", "B", "B-A"));
		for (int s = 0; s < segments.length; s++) {
			double a = median(segment(result.a(), s));
			double b = median(segment(result.b(), s));
			System.out.println("   " + row(widths, segments[s], f0(a), f0(b), f0(b - a)));
		}
	}

	private static List<Double> segment(List<Launch> launches, int index) {
		return launches.stream().map((launch) -> {
			Map<String, Long> phases = launch.run().phases();
			if (index == 0) {
				return (double) phases.get(PHASES[0]);
			}
			if (index == PHASES.length) {
				return launch.run().wallMs() - phases.get(PHASES[PHASES.length - 1]);
			}
			return (double) (phases.get(PHASES[index]) - phases.get(PHASES[index - 1]));
		}).toList();
	}

	void printSummary() {
		System.out.println();
		System.out.println("== Summary (medians; B/A = median of per-pair ratios; CPU = the app process's user+system "
				+ "time, steadier than wall time on a busy machine)");
		int[] widths = { 18, 7, 7, 8, 12, 7, 7, 8, 12, 8, 8, 10 };
		System.out.println(row(widths, "scenario", "A ms", "B ms", "wall B/A", "target", "A MB", "B MB", "RSS B/A",
				"target", "CPU B/A", "requests", "target"));
		System.out.println(Stats.rule(widths));
		for (Result result : this.results) {
			Scenario scenario = result.scenario();
			double wall = median(result.wallRatios());
			double rss = median(result.rssRatios());
			Variant b = scenario.b();
			List<Integer> counts = result.b().stream().map(Launch::requests).distinct().toList();
			boolean exact = counts.size() == 1 && counts.get(0) == b.expectedRequests();
			System.out.println(row(widths, scenario.name(), f0(median(walls(result.a()))),
					f0(median(walls(result.b()))), ratio(wall),
					target(scenario.wallTarget(), scenario.strict()) + " "
							+ verdict(wall, scenario.wallTarget(), scenario.strict()),
					f1(median(field(result.a(), "rssPeakKb")) / 1024),
					f1(median(field(result.b(), "rssPeakKb")) / 1024), ratio(rss),
					target(scenario.rssTarget(), false) + " " + verdict(rss, scenario.rssTarget(), false),
					ratio(median(pairwise(result, "cpuMs"))),
					counts.stream().map(String::valueOf).collect(Collectors.joining("/")),
					"=" + b.expectedRequests() + " " + (exact ? "OK" : "MISS")));
		}
	}

	private static List<Double> pairwise(Result result, String field) {
		List<Double> ratios = new ArrayList<>();
		for (int i = 0; i < result.a().size(); i++) {
			ratios.add((double) result.b().get(i).run().number(field) / result.a().get(i).run().number(field));
		}
		return ratios;
	}

	private static String target(double target, boolean strict) {
		return Double.isNaN(target) ? "-" : (strict ? "<" : "<=") + Stats.f2(target) + "x";
	}

	private static String verdict(double value, double target, boolean strict) {
		return Double.isNaN(target) ? "" : Stats.verdict(value, target, strict);
	}

	private static List<Double> walls(List<Launch> launches) {
		return launches.stream().map((launch) -> launch.run().wallMs()).toList();
	}

	private static List<Long> field(List<Launch> launches, String name) {
		return launches.stream().map((launch) -> launch.run().number(name)).toList();
	}

	private static String loadMs(List<Launch> launches) {
		if (launches.get(0).run().loadMs().isEmpty()) {
			return "-";
		}
		// sum over locations; with several locations they are fetched in parallel first
		return f0(median(launches.stream()
			.map((launch) -> launch.run().loadMs().stream().mapToLong(Long::longValue).sum())
			.toList()));
	}

	private static String requests(List<Launch> launches) {
		if (launches.get(0).requests() < 0) {
			return "-";
		}
		return f0(median(launches.stream().map(Launch::requests).toList()));
	}

	static void deleteTree(Path dir) {
		try (var files = Files.walk(dir)) {
			files.sorted((x, y) -> y.compareTo(x)).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
