package io.github.infisicalstarter.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import io.github.infisicalstarter.benchmarks.refresh.RefreshApp;
import io.github.infisicalstarter.benchmarks.refresh.RefreshApp.FooHolder;
import io.github.infisicalstarter.testserver.InfisicalTestServer;
import io.github.infisicalstarter.testserver.RecordedRequest;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;

import static io.github.infisicalstarter.benchmarks.Stats.f0;
import static io.github.infisicalstarter.benchmarks.Stats.f2;
import static io.github.infisicalstarter.benchmarks.Stats.median;

/**
 * Cost and latency of refresh, with the app and the test server in this one JVM: requests
 * and CPU per unchanged poll, latency from a change in the server to the new value in a
 * {@code @RefreshScope} bean, and background CPU while idle.
 * <p>
 * Environment: {@code POLLS} unchanged polls to count (default 10),
 * {@code LATENCY_REPEATS} changes (default 10), {@code IDLE_SECONDS} (default 60),
 * {@code REFRESH_INTERVAL_MS} (default 1000), {@code IDLE_CONTROL} (default 1: after the
 * idle measurement, stop the watcher and measure the same idle time again, for the JVM's
 * own background CPU; 0 skips it).
 */
public final class RefreshBenchmark {

	private static final String SECRETS_PATH = "/api/v4/secrets";

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private static final com.sun.management.OperatingSystemMXBean OS = (com.sun.management.OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	private RefreshBenchmark() {
	}

	public static void main(String[] args) throws InterruptedException {
		int polls = Stats.env("POLLS", 10);
		int repeats = Stats.env("LATENCY_REPEATS", 10);
		int idleSeconds = Stats.env("IDLE_SECONDS", 60);
		Duration interval = Duration.ofMillis(Stats.env("REFRESH_INTERVAL_MS", 1000));
		System.out.println();
		System.out.println("== Refresh benchmark: interval " + interval.toMillis() + " ms, jitter 0, 20 secrets; "
				+ "app (SpringApplicationBuilder) and test server in one JVM");
		System.out.println("   " + Machine.describe());
		try (InfisicalTestServer server = InfisicalTestServer.start()) {
			Map<String, String> secrets = Fixture.secrets(20, "KEY");
			Fixture.seed(server, "/", secrets);
			Map<String, Object> properties = new LinkedHashMap<>();
			properties.put("infisical.site-url", server.url());
			properties.put("infisical.client-id", InfisicalTestServer.DEFAULT_CLIENT_ID);
			properties.put("infisical.client-secret", InfisicalTestServer.DEFAULT_CLIENT_SECRET);
			properties.put("infisical.project-id", Fixture.PROJECT);
			properties.put("infisical.environment", Fixture.ENV);
			properties.put("infisical.refresh.enabled", "true");
			properties.put("infisical.refresh.interval", interval.toMillis() + "ms");
			properties.put("infisical.refresh.jitter", "0s");
			properties.put("infisical.token.revoke-on-shutdown", "false");
			properties.put("spring.main.banner-mode", "off");
			properties.put("logging.level.root", "WARN");
			try (ConfigurableApplicationContext context = new SpringApplicationBuilder(RefreshApp.class)
				.web(WebApplicationType.NONE)
				.properties(properties)
				.run()) {
				FooHolder foo = context.getBean(FooHolder.class);
				if (!secrets.get("FOO").equals(foo.foo())) {
					throw new IllegalStateException("The @RefreshScope bean did not get FOO from the server");
				}
				// let the first polls (and their class loading) pass
				Thread.sleep(interval.multipliedBy(3).toMillis());
				unchangedPolls(server, polls, interval);
				latency(server, foo, repeats, interval);
				idle(server, idleSeconds, interval, "refresh on");
				if (Stats.env("IDLE_CONTROL", 1) == 1) {
					stopWatcher(context);
					idle(server, idleSeconds, interval, "control: watcher stopped");
				}
			}
		}
		System.out.println("   machine after: " + Machine.loadAverage());
	}

	/** (a) and (b): what an unchanged poll costs. */
	private static void unchangedPolls(InfisicalTestServer server, int polls, Duration interval)
			throws InterruptedException {
		server.clearJournal();
		Snapshot before = Snapshot.take();
		Thread.sleep(interval.multipliedBy(polls).toMillis() + interval.toMillis() / 2);
		Snapshot after = Snapshot.take();
		List<RecordedRequest> journal = server.journal();
		List<RecordedRequest> gets = journal.stream()
			.filter((request) -> request.method().equals("GET") && request.path().startsWith(SECRETS_PATH))
			.toList();
		long notModified = gets.stream().filter((request) -> request.status() == 304).count();
		long withEtag = gets.stream().filter((request) -> request.ifNoneMatch() != null).count();
		int count = gets.size();
		double perPoll = (count == 0) ? Double.NaN : (double) journal.size() / count;
		boolean ok = count > 0 && journal.size() == count && notModified == count;
		Map<String, Double> cpu = after.minus(before);
		System.out.println("(a) requests per unchanged poll: " + f2(perPoll) + "  (" + count + " polls seen in "
				+ (polls * interval.toMillis() + interval.toMillis() / 2) + " ms: " + count + " GET " + SECRETS_PATH
				+ ", " + notModified + " answered 304, " + withEtag + " with If-None-Match; " + (journal.size() - count)
				+ " other requests)   target 1, 304: " + (ok ? "OK" : "MISS"));
		System.out.println("(b) CPU per unchanged poll (ms): watcher thread " + f2(cpu.get(WATCHER) / count)
				+ ", test server threads " + f2(cpu.get(SERVER) / count) + ", whole process (incl. server, GC, JIT) "
				+ f2(cpu.get(PROCESS) / count));
	}

	/** (c): change FOO in the server, wait for the @RefreshScope bean to see it. */
	private static void latency(InfisicalTestServer server, FooHolder foo, int repeats, Duration interval)
			throws InterruptedException {
		Random random = new Random(7);
		List<Double> latencies = new ArrayList<>();
		List<Double> afterPoll = new ArrayList<>();
		List<Integer> requests = new ArrayList<>();
		for (int i = 0; i < repeats; i++) {
			// change at a random moment of the polling cycle
			Thread.sleep(random.nextInt((int) interval.toMillis()));
			String value = "changed-" + i + "-" + random.nextLong();
			server.clearJournal();
			long start = System.nanoTime();
			Instant changedAt = Instant.now();
			server.secret(Fixture.PROJECT, Fixture.ENV, "/", "FOO", value);
			long deadline = start + interval.multipliedBy(10).toNanos();
			while (!value.equals(foo.foo())) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("The @RefreshScope bean did not see the change within "
							+ interval.multipliedBy(10).toMillis() + " ms");
				}
				Thread.sleep(1);
			}
			long end = System.nanoTime();
			Instant visibleAt = Instant.now();
			latencies.add((end - start) / 1e6);
			List<RecordedRequest> journal = server.journal();
			requests.add(journal.size());
			journal.stream()
				.filter((request) -> request.path().startsWith(SECRETS_PATH) && request.status() == 200
						&& !request.at().isBefore(changedAt))
				.findFirst()
				.ifPresent((poll) -> afterPoll.add((double) Duration.between(poll.at(), visibleAt).toMillis()));
			// let the change settle: the next poll sends the new ETag
			Thread.sleep(interval.toMillis() / 4);
		}
		double limit = interval.toMillis() + 200;
		double max = Stats.max(latencies);
		System.out.println("(c) change in server -> new value in @RefreshScope bean (ms), " + repeats
				+ " changes at random moments: median " + f0(median(latencies)) + ", max " + f0(max) + "   target < "
				+ f0(limit) + " (interval + 200): " + Stats.verdict(max, limit, true));
		System.out.println("    of which poll arrival -> visible (fetch, RefreshEvent, re-bind, bean rebuilt): median "
				+ f0(median(afterPoll)) + ", max " + f0(Stats.max(afterPoll)));
		System.out.println(
				"    requests per change: " + requests.stream().map(String::valueOf).collect(Collectors.joining(" "))
						+ "  (1 = only the poll that found the change)");
	}

	/**
	 * Stop the starter's watcher, for the control measurement of the JVM's own idle CPU.
	 */
	private static void stopWatcher(ConfigurableApplicationContext context) {
		List<SmartLifecycle> watchers = context.getBeansOfType(SmartLifecycle.class)
			.values()
			.stream()
			.filter((bean) -> bean.getClass().getSimpleName().equals("InfisicalSecretsWatcher"))
			.toList();
		if (watchers.size() != 1) {
			throw new IllegalStateException("Expected one InfisicalSecretsWatcher bean, found " + watchers.size());
		}
		watchers.get(0).stop();
	}

	/** (d): background CPU while nothing changes. */
	private static void idle(InfisicalTestServer server, int seconds, Duration interval, String what)
			throws InterruptedException {
		server.clearJournal();
		Snapshot before = Snapshot.take();
		Thread.sleep(seconds * 1000L);
		Snapshot after = Snapshot.take();
		double wallNs = after.wallNs - before.wallNs;
		Map<String, Double> cpu = after.minus(before);
		double process = cpu.get(PROCESS) * 1e6 / wallNs * 100;
		int polls = (int) server.count("GET", SECRETS_PATH);
		boolean control = !what.equals("refresh on");
		System.out.println((control ? "    " : "(d) ") + "idle " + seconds + " s, " + what + " (interval "
				+ interval.toMillis() + " ms, " + polls + " polls): whole process " + f2(process) + " % of one core"
				+ (control ? "" : "   target < 1 %: " + Stats.verdict(process, 1.0, true)));
		if (polls > 0) {
			System.out.println("    watcher CPU per poll, warm: " + f2(cpu.get(WATCHER) / polls) + " ms");
		}
		String breakdown = cpu.entrySet()
			.stream()
			.filter((entry) -> !entry.getKey().equals(PROCESS))
			.map((entry) -> entry.getKey() + " " + f2(entry.getValue() * 1e6 / wallNs * 100) + " %")
			.collect(Collectors.joining(", "));
		System.out.println("    by thread: " + breakdown);
	}

	private static final String WATCHER = "watcher (infisical-refresh-*)";

	private static final String STARTER_OTHER = "other starter threads (infisical-*)";

	private static final String KEEP_ALIVE = "JDK HTTP keep-alive";

	private static final String SERVER = "test server";

	private static final String OTHER = "other Java threads";

	private static final String JVM = "JVM internal (GC, JIT; process minus Java threads)";

	private static final String PROCESS = "process";

	private static String group(String threadName) {
		if (threadName.startsWith("infisical-test-server-") || threadName.startsWith("HTTP-Dispatcher")) {
			return SERVER;
		}
		if (threadName.startsWith("infisical-refresh-")) {
			return WATCHER;
		}
		if (threadName.startsWith("infisical-")) {
			return STARTER_OTHER;
		}
		if (threadName.startsWith("Keep-Alive-")) {
			return KEEP_ALIVE;
		}
		return OTHER;
	}

	/** CPU time of the process and of every live thread. */
	private static final class Snapshot {

		final long wallNs = System.nanoTime();

		final long processNs = OS.getProcessCpuTime();

		final Map<Long, String> names = new HashMap<>();

		final Map<Long, Long> cpuNs = new HashMap<>();

		static Snapshot take() {
			Snapshot snapshot = new Snapshot();
			for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
				if (info != null) {
					long cpu = THREADS.getThreadCpuTime(info.getThreadId());
					if (cpu >= 0) {
						snapshot.names.put(info.getThreadId(), info.getThreadName());
						snapshot.cpuNs.put(info.getThreadId(), cpu);
					}
				}
			}
			return snapshot;
		}

		/** CPU ms spent between two snapshots, by thread group. */
		Map<String, Double> minus(Snapshot before) {
			Map<String, Double> groups = new LinkedHashMap<>();
			for (String group : List.of(WATCHER, STARTER_OTHER, KEEP_ALIVE, SERVER, OTHER)) {
				groups.put(group, 0.0);
			}
			double javaThreads = 0;
			for (Map.Entry<Long, Long> entry : this.cpuNs.entrySet()) {
				long delta = entry.getValue() - before.cpuNs.getOrDefault(entry.getKey(), 0L);
				groups.merge(group(this.names.get(entry.getKey())), delta / 1e6, Double::sum);
				javaThreads += delta / 1e6;
			}
			double process = (this.processNs - before.processNs) / 1e6;
			groups.put(JVM, Math.max(0, process - javaThreads));
			groups.put(PROCESS, process);
			return groups;
		}

	}

}
