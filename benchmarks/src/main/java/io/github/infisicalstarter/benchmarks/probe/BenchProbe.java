package io.github.infisicalstarter.benchmarks.probe;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.core.metrics.StartupStep;

/**
 * What the benchmarked apps report, on one machine-readable line that the harness parses:
 * <pre>BENCH app=minimal uptimeMs=812 rssPeakKb=98765 classes=6123 foo=1a2b3c4d phases=starting:180,env:420,...</pre>
 * {@code phases} are JVM up-times (ms) at Spring Boot's start-up events, so the harness
 * can tell which phase a difference comes from. {@code foo} is a hash prefix of the
 * injected value, never the value. With {@code -Dbench.steps=true} it also prints Spring
 * Boot's start-up steps ({@code BENCH-STEP} lines) for the profile.
 */
public final class BenchProbe {

	private static final boolean STEPS = Boolean.getBoolean("bench.steps");

	private final Map<String, Long> phases = new LinkedHashMap<>();

	private final BufferingApplicationStartup startup = STEPS ? new BufferingApplicationStartup(100_000) : null;

	private BenchProbe() {
	}

	/**
	 * Attach a probe to an application before it runs.
	 * @param application the application
	 * @return the probe
	 */
	public static BenchProbe attach(SpringApplication application) {
		BenchProbe probe = new BenchProbe();
		application.addListeners(probe.listener());
		if (probe.startup != null) {
			application.setApplicationStartup(probe.startup);
		}
		return probe;
	}

	private ApplicationListener<ApplicationEvent> listener() {
		return (event) -> {
			String phase = phase(event);
			if (phase != null) {
				this.phases.putIfAbsent(phase, uptime());
			}
		};
	}

	private static String phase(ApplicationEvent event) {
		if (event instanceof ApplicationStartingEvent) {
			return "starting";
		}
		if (event instanceof ApplicationEnvironmentPreparedEvent) {
			return "env";
		}
		if (event instanceof ApplicationContextInitializedEvent) {
			return "initialized";
		}
		if (event instanceof ApplicationPreparedEvent) {
			return "prepared";
		}
		if (event instanceof ContextRefreshedEvent) {
			return "refreshed";
		}
		if (event instanceof ApplicationStartedEvent) {
			return "started";
		}
		if (event instanceof ApplicationReadyEvent) {
			return "ready";
		}
		return null;
	}

	/**
	 * Note that the application context was closed.
	 */
	public void closed() {
		this.phases.put("closed", uptime());
	}

	/**
	 * Print the BENCH line (and the start-up steps when asked).
	 * @param app the app name
	 * @param foo the injected value of FOO, printed as a hash prefix only
	 */
	public void report(String app, String foo) {
		if (this.startup != null) {
			this.startup.getBufferedTimeline().getEvents().forEach((event) -> {
				StartupStep step = event.getStartupStep();
				StringBuilder tags = new StringBuilder();
				step.getTags()
					.forEach((tag) -> tags.append(tags.isEmpty() ? "" : ",")
						.append(tag.getKey())
						.append('=')
						.append(tag.getValue().replace(' ', '_')));
				System.out.println("BENCH-STEP id=" + step.getId() + " parent=" + step.getParentId() + " name="
						+ step.getName() + " us=" + event.getDuration().toNanos() / 1000 + " tags=" + tags);
			});
		}
		StringBuilder phaseList = new StringBuilder();
		this.phases.forEach(
				(name, at) -> phaseList.append(phaseList.isEmpty() ? "" : ",").append(name).append(':').append(at));
		System.out.println("BENCH app=" + app + " uptimeMs=" + uptime() + " rssPeakKb=" + status("VmHWM") + " rssKb="
				+ status("VmRSS") + " cpuMs=" + cpuMs() + " classes="
				+ ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount() + " foo=" + digest(foo)
				+ " phases=" + phaseList);
		System.out.flush();
	}

	/**
	 * CPU time of the whole process so far (all threads: JIT compiler and GC included).
	 */
	private static long cpuMs() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			return os.getProcessCpuTime() / 1_000_000;
		}
		return -1;
	}

	private static long uptime() {
		return ManagementFactory.getRuntimeMXBean().getUptime();
	}

	/** A {@code /proc/self/status} field in kB, or -1 where there is none (not Linux). */
	private static long status(String field) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
				if (line.startsWith(field + ":")) {
					return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim());
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// not Linux
		}
		return -1;
	}

	/**
	 * First 8 hex digits of the SHA-256 of a value, so the harness can check which value
	 * an app saw without the value ever being printed.
	 * @param value the value
	 * @return the hash prefix
	 */
	public static String digest(String value) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
			StringBuilder hex = new StringBuilder();
			for (int i = 0; i < 4; i++) {
				hex.append(String.format("%02x", hash[i]));
			}
			return hex.toString();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
