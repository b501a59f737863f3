package io.github.infisicalstarter.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One launch of a benchmarked app in a fresh JVM: wall time from just before the process
 * is started to just after it exited, and what its BENCH line says.
 *
 * @param wallMs whole-process wall time
 * @param fields the BENCH line's fields ({@code uptimeMs}, {@code rssPeakKb},
 * {@code classes}, {@code foo}, ...)
 * @param phases JVM up-time (ms) at each Spring Boot start-up event
 * @param loadMs the times of the starter's "Loaded N Infisical secrets ... in X ms" lines
 * @param loadedSecrets the N of those lines
 * @param output everything the app printed
 */
record AppRun(double wallMs, Map<String, String> fields, Map<String, Long> phases, List<Long> loadMs,
		List<Long> loadedSecrets, List<String> output) {

	private static final Pattern LOADED = Pattern.compile("Loaded (\\d+) Infisical secrets for .* in (\\d+) ms");

	private static final long TIMEOUT_SECONDS = 180;

	private static final java.util.concurrent.atomic.AtomicInteger COUNTER = new java.util.concurrent.atomic.AtomicInteger();

	/**
	 * Launch a main class and wait for it.
	 * @param classpath the class path
	 * @param jvmOptions extra JVM options
	 * @param mainClass the main class
	 * @param args the program arguments
	 * @param work a directory for the output file
	 * @return the run
	 * @throws IllegalStateException when the app fails or prints no BENCH line
	 */
	static AppRun launch(String classpath, List<String> jvmOptions, String mainClass, List<String> args, Path work) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.add("-cp");
		command.add(classpath);
		command.add(mainClass);
		command.addAll(args);
		try {
			Path out = Files.createTempFile(work, "run", ".log");
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(out.toFile())
				.directory(work.toFile());
			long start = System.nanoTime();
			Process process = builder.start();
			boolean exited = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
			double wallMs = (System.nanoTime() - start) / 1e6;
			List<String> output = Files.readAllLines(out, StandardCharsets.UTF_8);
			keepOrDelete(out, mainClass);
			if (!exited) {
				process.destroyForcibly();
				throw failure("did not exit within " + TIMEOUT_SECONDS + " s", command, output);
			}
			if (process.exitValue() != 0) {
				throw failure("exited with " + process.exitValue(), command, output);
			}
			return parse(wallMs, output, command);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** With {@code BENCH_LOGS=dir}, every app's output is kept there for inspection. */
	private static void keepOrDelete(Path out, String mainClass) throws IOException {
		String keep = System.getenv("BENCH_LOGS");
		if (keep == null || keep.isBlank()) {
			Files.delete(out);
			return;
		}
		Path dir = Files.createDirectories(Path.of(keep));
		String name = mainClass.substring(mainClass.lastIndexOf('.') + 1) + "-" + COUNTER.incrementAndGet() + ".log";
		Files.move(out, dir.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
	}

	private static AppRun parse(double wallMs, List<String> output, List<String> command) {
		Map<String, String> fields = null;
		List<Long> loadMs = new ArrayList<>();
		List<Long> loaded = new ArrayList<>();
		for (String line : output) {
			if (line.startsWith("BENCH ")) {
				fields = new LinkedHashMap<>();
				for (String token : line.substring(6).trim().split(" ")) {
					int eq = token.indexOf('=');
					fields.put(token.substring(0, eq), token.substring(eq + 1));
				}
			}
			Matcher matcher = LOADED.matcher(line);
			if (matcher.find()) {
				loaded.add(Long.parseLong(matcher.group(1)));
				loadMs.add(Long.parseLong(matcher.group(2)));
			}
		}
		if (fields == null) {
			throw failure("printed no BENCH line", command, output);
		}
		Map<String, Long> phases = new LinkedHashMap<>();
		String phaseList = fields.getOrDefault("phases", "");
		for (String pair : phaseList.split(",")) {
			int colon = pair.indexOf(':');
			if (colon > 0) {
				phases.put(pair.substring(0, colon), Long.parseLong(pair.substring(colon + 1)));
			}
		}
		return new AppRun(wallMs, fields, phases, loadMs, loaded, output);
	}

	long number(String field) {
		return Long.parseLong(this.fields.get(field));
	}

	private static IllegalStateException failure(String what, List<String> command, List<String> output) {
		List<String> tail = output.subList(Math.max(0, output.size() - 60), output.size());
		return new IllegalStateException(
				"App " + what + ": " + String.join(" ", command).replaceAll("-cp \\S+", "-cp ...")
						+ "\n--- last lines of its output ---\n" + String.join("\n", tail));
	}

}
