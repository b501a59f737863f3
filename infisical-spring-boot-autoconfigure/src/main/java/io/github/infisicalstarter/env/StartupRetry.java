package io.github.infisicalstarter.env;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.github.infisicalstarter.client.InfisicalApiException;
import io.github.infisicalstarter.config.InfisicalProperties;
import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Retries the start-up calls on transient failures (connection refused or reset,
 * timeouts, 429, 5xx) with exponential back-off and jitter, using Spring's
 * {@link RetryTemplate}. A {@code Retry-After} the server sent stretches the next delay.
 * Permanent failures are thrown at once. Each retry and the give-up are shown at once
 * with their time (see {@link StartupProgress}); a success after retries logs one INFO
 * line.
 *
 * @since 0.1.0
 */
final class StartupRetry {

	private final InfisicalProperties.Retry settings;

	private final Log logger;

	StartupRetry(InfisicalProperties.Retry settings, Log logger) {
		this.settings = settings;
		this.logger = logger;
	}

	<T> T call(Supplier<T> action) {
		long start = System.nanoTime();
		try {
			return action.get();
		}
		catch (InfisicalApiException ex) {
			Duration left = this.settings.deadline().minusNanos(System.nanoTime() - start);
			if (!ex.isTransient() || this.settings.maxAttempts() <= 1 || left.isNegative() || left.isZero()) {
				throw ex;
			}
			// the retry machinery is only built once a retry is needed: it costs start-up
			// time (classes, lambdas) that a healthy first attempt should not pay
			return retry(action, ex, left, start);
		}
	}

	private <T> T retry(Supplier<T> action, InfisicalApiException firstFailure, Duration deadline, long start) {
		RetryAfterBackOff backOff = new RetryAfterBackOff(exponential());
		RetryPolicy policy = RetryPolicy.builder()
			.backOff(backOff)
			.timeout(deadline)
			.predicate((ex) -> ex instanceof InfisicalApiException api && api.isTransient())
			.build();
		AtomicInteger attempt = new AtomicInteger();
		try {
			return new RetryTemplate(policy).execute(() -> {
				int current = attempt.incrementAndGet();
				try {
					if (current == 1) {
						// the first attempt already failed: replay it so the template
						// backs off before the second
						throw firstFailure;
					}
					T result = action.get();
					this.logger.info("Infisical answered on attempt " + current + " of " + this.settings.maxAttempts()
							+ " after " + StartupProgress.seconds(since(start)));
					return result;
				}
				catch (InfisicalApiException ex) {
					if (ex.isTransient() && current < this.settings.maxAttempts()) {
						backOff.hint(ex.getRetryAfter());
						StartupProgress.retrying(current, this.settings.maxAttempts(), since(start),
								String.valueOf(ex.getMessage()));
					}
					throw ex;
				}
			});
		}
		catch (RetryException ex) {
			Throwable last = ex.getLastException();
			if (last instanceof InfisicalApiException api && api.isTransient()) {
				StartupProgress.gaveUp(attempt.get(), since(start));
			}
			if (last instanceof InfisicalApiException api && attempt.get() > 1) {
				// the retry lines above are lost when start-up fails before logging is
				// initialized, so the failure itself says that it was retried
				throw api.afterAttempts(attempt.get());
			}
			if (last instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getMessage(), last);
		}
	}

	private static Duration since(long start) {
		return Duration.ofNanos(System.nanoTime() - start);
	}

	private ExponentialBackOff exponential() {
		ExponentialBackOff backOff = new ExponentialBackOff(this.settings.initialInterval().toMillis(),
				this.settings.multiplier());
		backOff.setMaxInterval(this.settings.maxInterval().toMillis());
		backOff.setJitter(this.settings.initialInterval().toMillis() / 2);
		backOff.setMaxAttempts(Math.max(0, this.settings.maxAttempts() - 1));
		return backOff;
	}

	/**
	 * Exponential back-off that waits at least as long as the server's last
	 * {@code Retry-After}.
	 */
	private static final class RetryAfterBackOff implements BackOff {

		private final BackOff delegate;

		private volatile @Nullable Duration hint;

		RetryAfterBackOff(BackOff delegate) {
			this.delegate = delegate;
		}

		void hint(@Nullable Duration retryAfter) {
			this.hint = retryAfter;
		}

		@Override
		public BackOffExecution start() {
			BackOffExecution execution = this.delegate.start();
			return () -> {
				long next = execution.nextBackOff();
				Duration retryAfter = this.hint;
				this.hint = null;
				if (next == BackOffExecution.STOP || retryAfter == null) {
					return next;
				}
				return Math.max(next, retryAfter.toMillis());
			};
		}

	}

}
