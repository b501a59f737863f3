package io.github.infisicalstarter.it;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * Keeps what tests write to the console off the console unless a test fails. Many tests
 * start applications that fail on purpose, and Spring Boot reports each failure as an
 * "APPLICATION FAILED TO START" block at ERROR; those reports are asserted through
 * {@code CapturedOutput} (see {@link FailureReport}), and printing them as well made a
 * green build look red. Everything written to {@code System.out} and {@code System.err}
 * is buffered per test class; a failed test prints the class's set-up output and its own
 * output, so nothing is lost for diagnosis. Spring Boot's {@code OutputCaptureExtension}
 * registered on a test class wraps this buffer, so its {@code CapturedOutput} still sees
 * everything.
 * <p>
 * Registered for every test class of this module by the Maven build (JUnit's extension
 * auto-detection, switched on in the surefire configuration), so IDE runs keep their
 * console.
 */
public final class OutputOnFailureExtension
		implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

	private static final Namespace NAMESPACE = Namespace.create(OutputOnFailureExtension.class);

	@Override
	public void beforeAll(ExtensionContext context) {
		context.getStore(NAMESPACE).put(Console.class, Console.install());
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		console(context).startTest();
	}

	@Override
	public void afterEach(ExtensionContext context) {
		if (context.getExecutionException().isPresent()) {
			console(context).print("output of " + context.getDisplayName());
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		Console console = console(context);
		console.uninstall();
		if (context.getExecutionException().isPresent()) {
			console.print("output of " + context.getDisplayName());
		}
	}

	private static Console console(ExtensionContext context) {
		return context.getStore(NAMESPACE).get(Console.class, Console.class);
	}

	/**
	 * The buffered console of one test class: what was written before its first test (the
	 * class's set-up), and what the current test wrote.
	 */
	private static final class Console extends OutputStream {

		private final PrintStream out;

		private final PrintStream err;

		private ByteArrayOutputStream setUp = new ByteArrayOutputStream();

		private ByteArrayOutputStream current = this.setUp;

		private boolean setUpPrinted;

		private Console(PrintStream out, PrintStream err) {
			this.out = out;
			this.err = err;
		}

		static Console install() {
			Console console = new Console(System.out, System.err);
			Charset charset = Charset.defaultCharset();
			System.setOut(new PrintStream(console, true, charset));
			System.setErr(new PrintStream(console, true, charset));
			return console;
		}

		void uninstall() {
			System.out.flush();
			System.err.flush();
			System.setOut(this.out);
			System.setErr(this.err);
		}

		synchronized void startTest() {
			this.current = new ByteArrayOutputStream();
		}

		synchronized void print(String title) {
			this.out.println("---- " + title + " (printed because it failed) ----");
			if (!this.setUpPrinted && this.current != this.setUp) {
				this.out.write(this.setUp.toByteArray(), 0, this.setUp.size());
				this.setUpPrinted = true;
			}
			this.out.write(this.current.toByteArray(), 0, this.current.size());
			this.out.println("---- end of " + title + " ----");
			this.out.flush();
		}

		@Override
		public synchronized void write(int b) {
			this.current.write(b);
		}

		@Override
		public synchronized void write(byte[] bytes, int offset, int length) {
			this.current.write(bytes, offset, length);
		}

	}

}
