package io.github.infisicalstarter.sample;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /}: shows that the secrets arrived, read fresh on every request so refreshes
 * are visible.
 */
@RestController
class SecretsController {

	private final SecretsOverview overview;

	SecretsController(SecretsOverview overview) {
		this.overview = overview;
	}

	@GetMapping("/")
	SecretsView secrets() {
		return this.overview.current();
	}

}
