package io.github.infisicalstarter.testserver;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Project webhooks as Infisical's {@code webhook-fns.ts} sends them: after every change
 * of a project's secrets, each registration whose environment is the changed one and
 * whose {@code secretPath} glob matches the changed folder gets one {@code POST} of the
 * {@code secrets.modified} payload, signed with {@code x-infisical-signature:
 * t=<ms>;<hex>} (HMAC-SHA256 of the exact body under the secret key) when it has a key.
 * No retries, 15 s timeout. Deliveries run in order on one background thread, like
 * Infisical's queue, so a write never waits for the receiver.
 */
final class Webhooks {

	private static final Duration TIMEOUT = Duration.ofSeconds(15);

	private final List<Registration> registrations = new CopyOnWriteArrayList<>();

	private final List<WebhookDelivery> deliveries = new CopyOnWriteArrayList<>();

	private final Clock clock;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

	private final ExecutorService queue = Executors.newSingleThreadExecutor((runnable) -> {
		Thread thread = new Thread(runnable, "infisical-test-server-webhooks");
		thread.setDaemon(true);
		return thread;
	});

	Webhooks(Clock clock) {
		this.clock = clock;
	}

	void register(String projectId, String environment, String secretPathGlob, String url, @Nullable String secretKey) {
		this.registrations
			.add(new Registration(projectId, environment, Globs.picomatch(secretPathGlob), url, secretKey));
	}

	/**
	 * Send the {@code secrets.modified} webhooks of a change.
	 */
	void changed(String projectId, String environment, String secretPath) {
		for (Registration registration : this.registrations) {
			if (registration.projectId().equals(projectId) && registration.environment().equals(environment)
					&& registration.secretPath().matcher(secretPath).matches()) {
				Map<String, Object> project = new LinkedHashMap<>();
				project.put("workspaceId", projectId);
				project.put("projectId", projectId);
				project.put("projectName", projectId);
				project.put("environment", environment);
				project.put("environmentName", environment);
				project.put("secretPath", secretPath);
				project.put("changedBy", "test-client-id");
				project.put("changedByActorType", "identity");
				Map<String, Object> payload = new LinkedHashMap<>();
				payload.put("event", "secrets.modified");
				payload.put("project", project);
				payload.put("timestamp", this.clock.millis());
				this.queue.execute(() -> deliver(registration, payload));
			}
		}
	}

	List<WebhookDelivery> deliveries() {
		return new ArrayList<>(this.deliveries);
	}

	void clear() {
		this.registrations.clear();
		this.deliveries.clear();
	}

	/**
	 * Sign a body as Infisical does.
	 */
	static String signature(String secretKey, byte[] body, long timestampMillis) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return "t=" + timestampMillis + ";" + HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void deliver(Registration registration, Map<String, Object> payload) {
		byte[] body = JsonMapper.shared().writeValueAsBytes(payload);
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(registration.url()))
			.timeout(TIMEOUT)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (registration.secretKey() != null) {
			request.header("x-infisical-signature",
					signature(registration.secretKey(), body, (long) payload.get("timestamp")));
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> project = (Map<String, Object>) payload.get("project");
		int status = -1;
		String error = null;
		try {
			status = this.client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (java.io.IOException ex) {
			error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			error = "interrupted";
		}
		this.deliveries.add(new WebhookDelivery(registration.url(), (String) payload.get("event"),
				(String) project.get("projectId"), (String) project.get("environment"),
				(String) project.get("secretPath"), status, error));
	}

	record Registration(String projectId, String environment, Pattern secretPath, String url,
			@Nullable String secretKey) {

	}

}
