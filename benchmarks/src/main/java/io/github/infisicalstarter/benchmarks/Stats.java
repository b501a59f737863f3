package io.github.infisicalstarter.benchmarks;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;

/**
 * Medians and formatting.
 */
final class Stats {

	private Stats() {
	}

	static double median(Collection<? extends Number> values) {
		double[] sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int mid = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
	}

	/**
	 * A distribution-free confidence interval of at least 95 % for the median: the order
	 * statistics whose ranks the binomial distribution B(n, 1/2) bounds. Between runs of
	 * the same build the median wall-time ratio moves by a few percent on a 2-core
	 * machine, so a verdict is only firm when the whole interval is on one side of the
	 * target.
	 * @param values the sample
	 * @return {lower, upper}, or NaNs when the sample is too small (fewer than 6)
	 */
	static double[] medianConfidence95(Collection<? extends Number> values) {
		double[] sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
		int n = sorted.length;
		// largest k with P(X < k) <= 0.025 for X ~ B(n, 1/2); the interval is
		// [x(k), x(n-k+1)] in 1-based ranks
		double cumulative = 0;
		int k = 0;
		for (int i = 0; i <= n; i++) {
			double next = cumulative + binomialHalf(n, i);
			if (next > 0.025) {
				k = i;
				break;
			}
			cumulative = next;
		}
		if (k < 1) {
			return new double[] { Double.NaN, Double.NaN };
		}
		return new double[] { sorted[k - 1], sorted[n - k] };
	}

	private static double binomialHalf(int n, int i) {
		double logChoose = 0;
		for (int j = 1; j <= i; j++) {
			logChoose += Math.log(n - i + j) - Math.log(j);
		}
		return Math.exp(logChoose - n * Math.log(2));
	}

	static double max(Collection<? extends Number> values) {
		return values.stream().mapToDouble(Number::doubleValue).max().orElse(Double.NaN);
	}

	static double min(Collection<? extends Number> values) {
		return values.stream().mapToDouble(Number::doubleValue).min().orElse(Double.NaN);
	}

	static String f0(double value) {
		return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.0f", value);
	}

	static String f1(double value) {
		return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f", value);
	}

	static String f2(double value) {
		return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f", value);
	}

	static String ratio(double value) {
		return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3fx", value);
	}

	/** Check mark for "value ≤ limit" (or "<" when strict). */
	static String verdict(double value, double limit, boolean strict) {
		if (Double.isNaN(value)) {
			return "?";
		}
		boolean ok = strict ? value < limit : value <= limit;
		return ok ? "OK" : "MISS";
	}

	static String pad(String text, int width) {
		return (text.length() >= width) ? text : text + " ".repeat(width - text.length());
	}

	static String lpad(String text, int width) {
		return (text.length() >= width) ? text : " ".repeat(width - text.length()) + text;
	}

	static String row(int[] widths, String... cells) {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < cells.length; i++) {
			line.append((i == 0) ? pad(cells[i], widths[i]) : "  " + lpad(cells[i], widths[i]));
		}
		return line.toString().stripTrailing();
	}

	static String rule(int[] widths) {
		return "-".repeat(Arrays.stream(widths).sum() + 2 * (widths.length - 1));
	}

	static int env(String name, int defaultValue) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? defaultValue : Integer.parseInt(value.trim());
	}

	static String env(String name, String defaultValue) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? defaultValue : value.trim();
	}

}
