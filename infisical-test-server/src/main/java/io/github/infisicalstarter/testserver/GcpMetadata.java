package io.github.infisicalstarter.testserver;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fake GCE/GKE metadata server's identity endpoint,
 * {@code GET /computeMetadata/v1/instance/service-accounts/default/identity}: it requires
 * the {@code Metadata-Flavor: Google} header and an {@code audience}, and answers with an
 * ID token of the instance's service account (issuer {@code https://accounts.google.com},
 * with {@code email} and, for {@code format=full}, the instance's project and zone),
 * signed by the key that the server's GCP Auth trusts as Google's.
 *
 * @since 0.1.0
 */
public final class GcpMetadata {

	static final String IDENTITY_PATH = "/computeMetadata/v1/instance/service-accounts/default/identity";

	private final Rs256 google;

	private final Clock clock;

	private final List<String> issued = new CopyOnWriteArrayList<>();

	private volatile String serviceAccount = "api@acme-prod.iam.gserviceaccount.com";

	private volatile String project = "acme-prod";

	private volatile String zone = "europe-west1-b";

	private volatile Duration tokenTtl = Duration.ofHours(1);

	GcpMetadata(Rs256 google, Clock clock) {
		this.google = google;
		this.clock = clock;
	}

	/**
	 * Set the instance's service account.
	 * @param email the service account's email
	 * @return this
	 */
	public GcpMetadata serviceAccount(String email) {
		this.serviceAccount = email;
		return this;
	}

	/**
	 * Set the instance's project.
	 * @param projectId the project id
	 * @return this
	 */
	public GcpMetadata project(String projectId) {
		this.project = projectId;
		return this;
	}

	/**
	 * Set the instance's zone.
	 * @param zone the zone
	 * @return this
	 */
	public GcpMetadata zone(String zone) {
		this.zone = zone;
		return this;
	}

	/**
	 * Set how long the ID tokens are valid.
	 * @param ttl the lifetime
	 * @return this
	 */
	public GcpMetadata tokenTtl(Duration ttl) {
		this.tokenTtl = ttl;
		return this;
	}

	/**
	 * Return every ID token the server issued since the last reset, for leak scans.
	 * @return the tokens
	 */
	public List<String> issuedTokens() {
		return List.copyOf(this.issued);
	}

	void reset() {
		this.issued.clear();
		this.serviceAccount = "api@acme-prod.iam.gserviceaccount.com";
		this.project = "acme-prod";
		this.zone = "europe-west1-b";
		this.tokenTtl = Duration.ofHours(1);
	}

	Response identity(ApiRequest request) {
		if (!"Google".equals(request.header("Metadata-Flavor"))) {
			return Response.raw(403, "text/html; charset=UTF-8", "Missing Metadata-Flavor:Google header.");
		}
		Map<String, String> query = request.queryForJournal();
		String audience = query.get("audience");
		if (audience == null || audience.isEmpty()) {
			return Response.raw(400, "text/html; charset=UTF-8", "non-empty audience parameter required");
		}
		long now = this.clock.instant().getEpochSecond();
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("aud", audience);
		claims.put("azp", "104176534896253827459");
		claims.put("email", this.serviceAccount);
		claims.put("email_verified", true);
		claims.put("exp", now + this.tokenTtl.toSeconds());
		if ("full".equals(query.get("format"))) {
			Map<String, Object> engine = new LinkedHashMap<>();
			engine.put("instance_creation_timestamp", now - 86400);
			engine.put("instance_id", "4528350157063381234");
			engine.put("instance_name", "api-1");
			engine.put("project_id", this.project);
			engine.put("project_number", 1234567890);
			engine.put("zone", this.zone);
			claims.put("google", Map.of("compute_engine", engine));
		}
		claims.put("iat", now);
		claims.put("iss", "https://accounts.google.com");
		claims.put("sub", "104176534896253827459");
		String token = this.google.sign(claims);
		this.issued.add(token);
		return Response.raw(200, "text/html; charset=utf-8", token);
	}

}
