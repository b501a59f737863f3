package io.github.infisicalstarter.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the numbers were measured on.
 */
final class Machine {

	private Machine() {
	}

	static String describe() {
		return "java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + "), "
				+ Runtime.getRuntime().availableProcessors() + " cpus, " + loadAverage();
	}

	static String loadAverage() {
		try {
			String[] load = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
			return "load average " + load[0] + " " + load[1] + " " + load[2]
					+ " (above the cpu count the numbers are noisy)";
		}
		catch (IOException | RuntimeException ex) {
			return "load average unknown";
		}
	}

}
