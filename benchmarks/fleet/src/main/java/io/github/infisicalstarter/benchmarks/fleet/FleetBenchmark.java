package io.github.infisicalstarter.benchmarks.fleet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import io.github.infisicalstarter.testserver.InfisicalTestServer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A fleet of {@code FLEET_SIZE} instances of {@link FleetApp} in this JVM, on random
 * ports, sharing an embedded Kafka broker (KRaft) and the test server. Push: the test
 * server sends Infisical's signed webhook to one instance (as a load balancer would pick
 * one), Spring Cloud Bus tells the others; measured per change: time from the write until
 * every instance's {@code @RefreshScope} bean has the new value, and Infisical list
 * reads. Then reads while nothing changes. Baseline in the same run: the same fleet
 * polling only (no webhook, bus off) at {@code POLL_INTERVAL_MS} (scaled down from the
 * default 60 s so the run stays short; propagation and read load scale linearly with it).
 * <p>
 * Environment: {@code FLEET_SIZE} (5), {@code CHANGES} (20), {@code POLL_CHANGES} (5),
 * {@code POLL_INTERVAL_MS} (10000), {@code FLEET_IDLE_SECONDS} (30).
 */
public final class FleetBenchmark {

	private static final String PROJECT = InfisicalTestServer.DEFAULT_PROJECT_ID;

	private static final String HOOK_SECRET = "fleet-benchmark-hook-key";

	private static final String LIST = "/api/v4/secrets";

	private FleetBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int size = env("FLEET_SIZE", 5);
		int changes = env("CHANGES", 20);
		int pollChanges = env("POLL_CHANGES", 5);
		long pollInterval = env("POLL_INTERVAL_MS", 10000);
		int idleSeconds = env("FLEET_IDLE_SECONDS", 30);
		System.out.println();
		System.out
			.println("== Fleet benchmark: " + size + " instances (Tomcat, starter, Spring Cloud Bus over an embedded "
					+ "Kafka broker) and the test server in one JVM; " + Runtime.getRuntime().availableProcessors()
					+ " CPUs, load " + loadAverage());
		EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 1, "springCloudBus");
		kafka.afterPropertiesSet();
		try (InfisicalTestServer server = InfisicalTestServer.start()) {
			server.secret(PROJECT, "dev", "/", "ROTATED", "v-0");
			Result push = push(server, kafka, size, changes, idleSeconds);
			System.out.println("push: propagation ms " + push.latencies + ", reads per change " + push.reads + ", "
					+ push.idleReads + " reads in " + push.idleSeconds + " s idle");
			Result poll = poll(server, kafka, size, pollChanges, pollInterval);
			System.out.println("poll: propagation ms " + poll.latencies + ", " + poll.idleReads + " reads in "
					+ poll.idleSeconds + " s");
			report(size, pollInterval, push, poll);
		}
		finally {
			kafka.destroy();
		}
		System.exit(0);
	}

	private static Result push(InfisicalTestServer server, EmbeddedKafkaKraftBroker kafka, int size, int changes,
			int idleSeconds) throws InterruptedException {
		List<ConfigurableApplicationContext> fleet = start(server, size,
				(i) -> new String[] { "--infisical.webhook.secret=" + HOOK_SECRET, "--infisical.refresh.interval=10m",
						"--infisical.refresh.jitter=0s", "--spring.cloud.bus.id=fleet:" + i,
						"--spring.cloud.stream.kafka.binder.brokers=" + kafka.getBrokersAsString(),
						"--spring.cloud.stream.kafka.bindings.springCloudBusInput.consumer.start-offset=earliest" });
		try {
			int port = ((WebServerApplicationContext) fleet.get(0)).getWebServer().getPort();
			server.webhook(PROJECT, "dev", "/**", "http://127.0.0.1:" + port + "/infisical/webhook", HOOK_SECRET);
			Result result = new Result();
			for (int c = -2; c < changes; c++) { // two warm-up changes, not counted
				String value = "push-" + c;
				server.clearJournal();
				long start = System.nanoTime();
				server.secret(PROJECT, "dev", "/", "ROTATED", value);
				long millis = awaitAll(fleet, value, start, Duration.ofSeconds(30));
				Thread.sleep(1000);
				if (c >= 0) {
					result.latencies.add(millis);
					result.reads.add(server.count("GET", LIST));
				}
			}
			server.clearJournal();
			Thread.sleep(idleSeconds * 1000L);
			result.idleReads = server.count("GET", LIST);
			result.idleSeconds = idleSeconds;
			return result;
		}
		finally {
			fleet.forEach(ConfigurableApplicationContext::close);
		}
	}

	private static Result poll(InfisicalTestServer server, EmbeddedKafkaKraftBroker kafka, int size, int changes,
			long interval) throws InterruptedException {
		List<ConfigurableApplicationContext> fleet = start(server, size,
				(i) -> new String[] { "--infisical.refresh.interval=" + interval + "ms",
						"--infisical.refresh.jitter=" + (interval / 6) + "ms", "--spring.cloud.bus.enabled=false",
						"--spring.cloud.stream.kafka.binder.brokers=" + kafka.getBrokersAsString() });
		try {
			Result result = new Result();
			server.clearJournal();
			long begin = System.nanoTime();
			java.util.Random random = new java.util.Random(42);
			for (int c = 0; c < changes; c++) {
				String value = "poll-" + c;
				// at a random moment of the polling cycle, as a real rotation would be
				Thread.sleep((long) (random.nextDouble() * interval));
				long start = System.nanoTime();
				server.secret(PROJECT, "dev", "/", "ROTATED", value);
				result.latencies.add(awaitAll(fleet, value, start, Duration.ofMillis(interval * 3)));
			}
			result.idleReads = server.count("GET", LIST);
			result.idleSeconds = (int) Math.max(1, (System.nanoTime() - begin) / 1_000_000_000L);
			return result;
		}
		finally {
			fleet.forEach(ConfigurableApplicationContext::close);
		}
	}

	private static List<ConfigurableApplicationContext> start(InfisicalTestServer server, int size,
			java.util.function.IntFunction<String[]> extra) {
		List<ConfigurableApplicationContext> fleet = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			List<String> args = new ArrayList<>(List.of("--infisical.site-url=" + server.url(),
					"--infisical.client-id=" + InfisicalTestServer.DEFAULT_CLIENT_ID,
					"--infisical.client-secret=" + InfisicalTestServer.DEFAULT_CLIENT_SECRET,
					"--infisical.project-id=" + PROJECT, "--infisical.environment=dev", "--server.port=0",
					"--server.address=127.0.0.1", "--spring.main.banner-mode=off", "--logging.level.root=ERROR",
					"--spring.application.name=fleet-" + i));
			args.addAll(List.of(extra.apply(i)));
			fleet.add(new SpringApplicationBuilder(FleetApp.class).run(args.toArray(String[]::new)));
		}
		return fleet;
	}

	private static long awaitAll(List<ConfigurableApplicationContext> fleet, String value, long start, Duration timeout)
			throws InterruptedException {
		long deadline = start + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			boolean all = true;
			for (ConfigurableApplicationContext instance : fleet) {
				if (!instance.getBean(FleetApp.Holder.class).value().equals(value)) {
					all = false;
					break;
				}
			}
			if (all) {
				return (System.nanoTime() - start) / 1_000_000L;
			}
			Thread.sleep(2);
		}
		throw new IllegalStateException("Not every instance saw the change within " + timeout);
	}

	private static void report(int size, long pollInterval, Result push, Result poll) {
		double pushMedian = median(push.latencies);
		long pushMax = Collections.max(push.latencies);
		double pollMedian = median(poll.latencies);
		long pollMax = Collections.max(poll.latencies);
		double readsPerChange = push.reads.stream().mapToLong(Long::longValue).average().orElse(0);
		double pollReadsPerMinute = poll.idleReads * 60.0 / poll.idleSeconds;
		double pushIdlePerHour = push.idleReads * 3600.0 / push.idleSeconds;
		System.out.println();
		System.out.printf(Locale.ROOT, "| fleet of %d | propagation median | propagation max | Infisical reads |%n",
				size);
		System.out.println("| --- | --- | --- | --- |");
		System.out.printf(Locale.ROOT,
				"| push (webhook to 1 instance + bus), %d changes | %.0f ms | %d ms | %.2f per change (%.2f per instance); %d in %d s idle |%n",
				push.latencies.size(), pushMedian, pushMax, readsPerChange, readsPerChange / size, push.idleReads,
				push.idleSeconds);
		System.out.printf(Locale.ROOT,
				"| polling every %d ms (jitter %d ms), %d changes | %.0f ms | %d ms | %.1f per minute |%n",
				pollInterval, pollInterval / 6, poll.latencies.size(), pollMedian, pollMax, pollReadsPerMinute);
		double scale = 60_000.0 / pollInterval;
		System.out.printf(Locale.ROOT,
				"| polling at the default 60 s (scaled x%.0f) | ~%.0f ms | ~%.0f ms | %.1f per minute |%n", scale,
				pollMedian * scale, pollMax * scale, pollReadsPerMinute / scale);
		System.out.println();
		System.out.printf(Locale.ROOT, "push vs polling at %d ms: propagation median %.3fx, max %.3fx%n", pollInterval,
				pushMedian / pollMedian, (double) pushMax / pollMax);
		System.out.printf(Locale.ROOT,
				"push vs polling at the default 60 s: propagation max %.4fx; reads per change %.2f = %.2f x fleet size; "
						+ "idle reads %.1f per hour (safety poll 10 min: %d per hour expected) vs %.0f per hour polled%n",
				pushMax / (pollMax * scale), readsPerChange, readsPerChange / size, pushIdlePerHour, size * 6,
				pollReadsPerMinute / scale * 60);
		System.out.printf(Locale.ROOT,
				"1,000 instances: polled every 60 s = 1,000 reads per minute; pushed = 1,000 reads per change "
						+ "+ %.0f per minute of safety polls (10 min)%n",
				1000 / 10.0);
	}

	private static double median(List<Long> values) {
		List<Long> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int n = sorted.size();
		return (n % 2 == 1) ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
	}

	private static String loadAverage() {
		try {
			return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
		}
		catch (java.io.IOException ex) {
			return "?";
		}
	}

	private static int env(String name, int fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? Integer.parseInt(value.trim()) : fallback;
	}

	static final class Result {

		final List<Long> latencies = new ArrayList<>();

		final List<Long> reads = new ArrayList<>();

		long idleReads;

		int idleSeconds;

	}

}
