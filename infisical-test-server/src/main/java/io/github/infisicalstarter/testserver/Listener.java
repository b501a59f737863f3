package io.github.infisicalstarter.testserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.jspecify.annotations.Nullable;

/**
 * The listening socket on 127.0.0.1, which can go away and come back on the same port so
 * a test can simulate an outage. Requests run on a pool of daemon threads, so parallel
 * requests and slow (latency-faulted) ones do not block each other.
 */
final class Listener {

	/**
	 * The JDK server's switch for {@code TCP_NODELAY}, read once when its first server
	 * starts. Infisical (Node.js 18+) answers with Nagle's algorithm off; left on, every
	 * answer on a reused connection waits for the client's delayed ACK (~40 ms on Linux),
	 * which no real Infisical adds.
	 */
	private static final String NO_DELAY = "sun.net.httpserver.nodelay";

	private static final AtomicInteger THREADS = new AtomicInteger();

	static {
		if (System.getProperty(NO_DELAY) == null) {
			System.setProperty(NO_DELAY, "true");
		}
	}

	private final HttpHandler handler;

	private final @Nullable SSLContext tls;

	private @Nullable HttpServer server;

	private @Nullable ExecutorService executor;

	private int port;

	Listener(HttpHandler handler, @Nullable SSLContext tls) {
		this.handler = handler;
		this.tls = tls;
	}

	synchronized void start(int port) {
		if (this.server != null) {
			return;
		}
		ExecutorService executor = Executors.newCachedThreadPool(daemonThreads());
		HttpServer server = bind(port);
		server.createContext("/", this.handler);
		server.setExecutor(executor);
		server.start();
		this.server = server;
		this.executor = executor;
		this.port = server.getAddress().getPort();
	}

	synchronized void stop() {
		HttpServer server = this.server;
		ExecutorService executor = this.executor;
		this.server = null;
		this.executor = null;
		if (server != null) {
			server.stop(0);
		}
		if (executor != null) {
			executor.shutdownNow();
		}
	}

	synchronized void restart() {
		start(this.port);
	}

	synchronized int port() {
		return this.port;
	}

	synchronized boolean running() {
		return this.server != null;
	}

	boolean https() {
		return this.tls != null;
	}

	/**
	 * Bind, retrying briefly when the port was just given up and the system has not
	 * released it yet.
	 */
	private HttpServer bind(int port) {
		InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
		long deadline = System.nanoTime() + 5_000_000_000L;
		while (true) {
			try {
				if (this.tls == null) {
					return HttpServer.create(address, 0);
				}
				HttpsServer server = HttpsServer.create(address, 0);
				server.setHttpsConfigurator(new HttpsConfigurator(this.tls));
				return server;
			}
			catch (BindException ex) {
				if (port == 0 || System.nanoTime() > deadline) {
					throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + port, ex);
				}
				pause();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + port, ex);
			}
		}
	}

	private static void pause() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the port", ex);
		}
	}

	private static ThreadFactory daemonThreads() {
		return (runnable) -> {
			Thread thread = new Thread(runnable, "infisical-test-server-" + THREADS.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
