package io.github.infisicalstarter.actuate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * How the {@link InfisicalEndpoint} learns the refresh mode and publishes a refresh, kept
 * apart so the endpoint never touches Spring Cloud types: without Spring Cloud Context
 * (or with its refresh switched off) re-read values reach the environment only at the
 * next start-up.
 *
 * @since 0.1.0
 */
public final class InfisicalRefreshTrigger {

	private static final InfisicalRefreshTrigger NONE = new InfisicalRefreshTrigger(false, () -> null, () -> null,
			null);

	private final boolean polling;

	private final Supplier<@Nullable Instant> nextPoll;

	private final Supplier<@Nullable Duration> interval;

	private final @Nullable Consumer<List<String>> publisher;

	/**
	 * Create a trigger.
	 * @param polling whether the refresh watcher polls
	 * @param nextPoll when the watcher polls next
	 * @param interval the watcher's interval now (longer while an event subscription
	 * pushes changes), or {@code null} when it does not poll
	 * @param publisher publishes one refresh for the given property source names, or
	 * {@code null} when nothing can refresh
	 */
	public InfisicalRefreshTrigger(boolean polling, Supplier<@Nullable Instant> nextPoll,
			Supplier<@Nullable Duration> interval, @Nullable Consumer<List<String>> publisher) {
		this.polling = polling;
		this.nextPoll = nextPoll;
		this.interval = interval;
		this.publisher = publisher;
	}

	/**
	 * A trigger for applications that cannot refresh.
	 * @return the trigger
	 */
	public static InfisicalRefreshTrigger none() {
		return NONE;
	}

	String mode() {
		return this.polling ? "poll" : "off";
	}

	@Nullable Instant nextPoll() {
		return this.nextPoll.get();
	}

	@Nullable Duration interval() {
		return this.interval.get();
	}

	boolean publish(List<String> locations) {
		if (this.publisher == null || locations.isEmpty()) {
			return false;
		}
		this.publisher.accept(locations);
		return true;
	}

}
