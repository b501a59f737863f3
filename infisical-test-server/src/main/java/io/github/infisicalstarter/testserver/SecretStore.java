package io.github.infisicalstarter.testserver;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * All projects of the server behind one read-write lock: requests read a consistent view,
 * including imports and references that span folders, while tests change secrets from
 * another thread.
 */
final class SecretStore {

	private final ReadWriteLock lock = new ReentrantReadWriteLock();

	private final Map<String, Project> projects = new LinkedHashMap<>();

	private final Clock clock;

	SecretStore(Clock clock) {
		this.clock = clock;
	}

	<T> T read(Supplier<T> action) {
		this.lock.readLock().lock();
		try {
			return action.get();
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	/**
	 * Change a project, creating it when needed.
	 * @param projectId the project id
	 * @param change the change
	 */
	void write(String projectId, Consumer<Project> change) {
		write(() -> change.accept(this.projects.computeIfAbsent(projectId, (id) -> new Project(id, this.clock))));
	}

	/**
	 * Run a change of existing projects under the write lock, for requests that must not
	 * create a project.
	 * @param <T> the result type
	 * @param action the change
	 * @return its result
	 */
	<T> T change(Supplier<T> action) {
		this.lock.writeLock().lock();
		try {
			return action.get();
		}
		finally {
			this.lock.writeLock().unlock();
		}
	}

	/**
	 * Return a project; call only inside {@link #read(Supplier)} or
	 * {@link #change(Supplier)}.
	 * @param projectId the project id
	 * @return the project or {@code null}
	 */
	@Nullable Project project(String projectId) {
		return this.projects.get(projectId);
	}

	void clear() {
		write(this.projects::clear);
	}

	private void write(Runnable action) {
		this.lock.writeLock().lock();
		try {
			action.run();
		}
		finally {
			this.lock.writeLock().unlock();
		}
	}

}
