package io.github.infisicalstarter.testserver;

/**
 * Switches that make the server behave like an older Infisical generation.
 */
final class Switches {

	private volatile boolean v4Enabled = true;

	private volatile boolean emptyForUnknownPaths;

	private volatile boolean legacyRenew;

	private volatile boolean legacyLogin;

	private volatile boolean legacyWriteErrors;

	boolean legacyWriteErrors() {
		return this.legacyWriteErrors;
	}

	void legacyWriteErrors(boolean legacy) {
		this.legacyWriteErrors = legacy;
	}

	boolean legacyLogin() {
		return this.legacyLogin;
	}

	void legacyLogin(boolean legacy) {
		this.legacyLogin = legacy;
	}

	boolean v4Enabled() {
		return this.v4Enabled;
	}

	void v4Enabled(boolean enabled) {
		this.v4Enabled = enabled;
	}

	boolean emptyForUnknownPaths() {
		return this.emptyForUnknownPaths;
	}

	void emptyForUnknownPaths(boolean enabled) {
		this.emptyForUnknownPaths = enabled;
	}

	boolean legacyRenew() {
		return this.legacyRenew;
	}

	void legacyRenew(boolean legacy) {
		this.legacyRenew = legacy;
	}

	void reset() {
		this.v4Enabled = true;
		this.emptyForUnknownPaths = false;
		this.legacyRenew = false;
		this.legacyLogin = false;
		this.legacyWriteErrors = false;
	}

}
