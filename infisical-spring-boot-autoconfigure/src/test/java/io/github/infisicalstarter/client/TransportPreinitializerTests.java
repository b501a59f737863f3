package io.github.infisicalstarter.client;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link TransportPreinitializer}.
 */
class TransportPreinitializerTests {

	@Test
	void initializesWithoutSendingAnythingOrFailing() {
		// nothing listens on 127.0.0.1:80 in a test: a connection attempt would fail
		assertThatNoException().isThrownBy(TransportPreinitializer::run);
		assertThatNoException().isThrownBy(TransportPreinitializer::run);
	}

}
