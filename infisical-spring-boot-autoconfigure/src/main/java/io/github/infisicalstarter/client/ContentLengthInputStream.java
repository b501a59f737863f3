package io.github.infisicalstarter.client;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Fails at the end of a body shorter than its {@code Content-Length}. The JDK's
 * {@code HttpURLConnection} reports a connection closed half-way through a body as a
 * normal end of stream, which would otherwise read as malformed JSON instead of the
 * transient network failure it is.
 *
 * @since 0.1.0
 */
final class ContentLengthInputStream extends FilterInputStream {

	private final long expected;

	private long received;

	ContentLengthInputStream(InputStream in, long expected) {
		super(in);
		this.expected = expected;
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b < 0) {
			checkComplete();
		}
		else {
			this.received++;
		}
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int n = super.read(buffer, offset, length);
		if (n < 0) {
			checkComplete();
		}
		else {
			this.received += n;
		}
		return n;
	}

	@Override
	public long skip(long n) throws IOException {
		long skipped = super.skip(n);
		this.received += skipped;
		return skipped;
	}

	@Override
	public boolean markSupported() {
		return false;
	}

	private void checkComplete() throws EOFException {
		if (this.expected > 0 && this.received < this.expected) {
			throw new EOFException(
					"the connection was closed after " + this.received + " of " + this.expected + " bytes");
		}
	}

}
