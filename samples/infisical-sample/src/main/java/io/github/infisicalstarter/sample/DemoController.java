package io.github.infisicalstarter.sample;

import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /demo/rotate}: changes secrets in the embedded server, to watch the starter
 * refresh them at {@code GET /} without a restart. Only in demo mode; a real Infisical is
 * changed in its dashboard instead.
 */
@RestController
class DemoController {

	private final ObjectProvider<DemoInfisical> demo;

	DemoController(ObjectProvider<DemoInfisical> demo) {
		this.demo = demo;
	}

	@PostMapping("/demo/rotate")
	ResponseEntity<Map<String, String>> rotate() {
		DemoInfisical infisical = this.demo.getIfAvailable();
		if (infisical == null) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND)
				.body(Map.of("error", "Not in demo mode; change secrets in Infisical itself"));
		}
		String message = infisical.rotate();
		return ResponseEntity.ok(Map.of("appMessage", message, "dbPassword", SecretsView.mask(infisical.password()),
				"note", "GET / shows the new values after the next poll (infisical.refresh.interval)"));
	}

}
