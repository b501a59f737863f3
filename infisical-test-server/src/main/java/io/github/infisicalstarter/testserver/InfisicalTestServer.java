package io.github.infisicalstarter.testserver;

import java.net.URL;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.net.ssl.SSLContext;

import org.jspecify.annotations.Nullable;

/**
 * A stateful, Infisical-compatible server for tests, on {@code 127.0.0.1} and a free
 * port. It answers the routes a machine identity uses (Universal Auth login, token renew
 * and revoke, v3 and v4 secret reads and writes, folder list and create,
 * {@code /api/status}) with the status codes, messages and body shapes of a real
 * Infisical, so a client tested here behaves the same against the real thing. Tests
 * change secrets, expire tokens with {@link #clock()}, inject {@link #faults()} and read
 * the {@link #journal()} while the application under test runs.
 * <p>
 * It starts seeded with the identity {@value #DEFAULT_CLIENT_ID} /
 * {@value #DEFAULT_CLIENT_SECRET} and the project {@value #DEFAULT_PROJECT_ID} with the
 * environments {@code dev}, {@code staging} and {@code prod}, without secrets. All
 * methods are thread-safe. The server writes nothing to standard output or error, so
 * tests that scan captured output for leaked secrets see only what the application
 * printed. <pre class="code">
 * try (InfisicalTestServer infisical = InfisicalTestServer.start()) {
 *     infisical.secret(InfisicalTestServer.DEFAULT_PROJECT_ID, "dev", "/", "DB_PASSWORD", "s3cr3t");
 *     // point the application at infisical.url()
 * }
 * </pre>
 *
 * @since 0.1.0
 * @see InfisicalTestServerExtension
 */
public final class InfisicalTestServer implements AutoCloseable {

	/** Client id of the identity every server starts with. */
	public static final String DEFAULT_CLIENT_ID = "test-client-id";

	/** Client secret of the identity every server starts with (test-only). */
	public static final String DEFAULT_CLIENT_SECRET = "test-client-secret";

	/** Id of the project every server starts with. */
	public static final String DEFAULT_PROJECT_ID = "test-project";

	/** Password of the bundled key store and of {@link #trustStore()} (PKCS12). */
	public static final String TLS_STORE_PASSWORD = Tls.PASSWORD;

	/** Environment the {@link #propertyValues()} point an application at. */
	public static final String DEFAULT_ENVIRONMENT = "dev";

	private static final List<String> DEFAULT_ENVIRONMENTS = List.of("dev", "staging", "prod");

	private final MutableClock clock = new MutableClock();

	private final Switches switches = new Switches();

	private final Identities identities = new Identities(DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET);

	private final TokenStore tokens = new TokenStore(this.clock);

	private final Rs256 cluster = new Rs256(this.clock);

	private final Rs256 jwtIssuer = new Rs256(this.clock);

	private final LoginMethods loginMethods = new LoginMethods(this.tokens, this.cluster, this.jwtIssuer, this.clock);

	static final String JWKS_PATH = "/.well-known/jwks.json";

	private final Rs256 azureKey = new Rs256(this.clock);

	private final Rs256 googleKey = new Rs256(this.clock);

	private final FakeSts sts = new FakeSts(this.clock);

	private final CloudLogins cloudLogins = new CloudLogins(this.tokens, this.azureKey, this.googleKey, this.sts);

	private final AzureMetadata azureMetadata = new AzureMetadata(this.azureKey, this.clock);

	private final GcpMetadata gcpMetadata = new GcpMetadata(this.googleKey, this.clock);

	private final SecretStore store = new SecretStore(this.clock);

	private final AccessPolicy access = new AccessPolicy();

	private final Approvals approvals = new Approvals();

	private final Faults faults = new Faults();

	private final Journal journal = new Journal();

	private final Webhooks webhooks = new Webhooks(this.clock);

	private final EventStreams events = new EventStreams();

	private final Listener listener;

	private InfisicalTestServer(boolean https) {
		Router router = new Router(
				new AuthRoutes(this.identities, this.tokens, this.switches, this.loginMethods, this.cloudLogins),
				this.tokens, new SecretReader(this.store, this.access, this.switches),
				new SecretWriter(this.store, this.access, this.approvals, this.switches, this.clock, this.webhooks,
						this.events),
				new FolderRoutes(this.store, this.access), this.switches, this.clock, this.azureMetadata,
				this.gcpMetadata, this.jwtIssuer);
		this.listener = new Listener(
				new Dispatcher(router, this.faults, this.journal, this.clock,
						new EventRoute(this.events, this.tokens, this.access), this.events),
				https ? Tls.serverContext() : null);
		seed();
	}

	/**
	 * Start a plain HTTP server on a free port.
	 * @return the running server
	 */
	public static InfisicalTestServer start() {
		return start(0, false);
	}

	/**
	 * Start an HTTPS server on a free port with the bundled self-signed certificate for
	 * {@code 127.0.0.1} and {@code localhost}; clients trust it through
	 * {@link #trustStore()} or {@link #clientSslContext()}.
	 * @return the running server
	 */
	public static InfisicalTestServer startHttps() {
		return start(0, true);
	}

	/**
	 * Start a server on a given port.
	 * @param port the port, or {@code 0} for a free one
	 * @param https whether to serve HTTPS with the bundled certificate
	 * @return the running server
	 */
	public static InfisicalTestServer start(int port, boolean https) {
		InfisicalTestServer server = new InfisicalTestServer(https);
		server.listener.start(port);
		return server;
	}

	/**
	 * Return the server shared by every test of this JVM, starting it on first use; it
	 * stays up (on the same port, so Spring's test-context cache stays valid) until the
	 * JVM exits. This is the server {@code @InfisicalTest} points applications at. Its
	 * state is shared too: seed keys a test class owns, and put back what a test changes.
	 * @return the running shared server
	 */
	public static InfisicalTestServer shared() {
		return SharedServer.get();
	}

	/**
	 * Run a server on its own, for samples and manual tries ({@code java -jar
	 * infisical-test-server-standalone.jar}): {@code --port=N} picks the port (default
	 * 8222, {@code 0} for a free one), {@code --https} serves HTTPS. Seeds the quick
	 * start's {@code FOO=BAR} and a few more secrets in {@value #DEFAULT_PROJECT_ID} /
	 * {@value #DEFAULT_ENVIRONMENT} and prints the URL, the credentials, the project, the
	 * arguments that point an application at it and a {@code curl} line that changes a
	 * secret. A bad argument or a busy port ends it with one line on standard error.
	 * @param args the arguments
	 */
	public static void main(String[] args) {
		try {
			Standalone.run(args);
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
		}
	}

	/**
	 * Return the resource URL of a PKCS12 trust store (password
	 * {@link #TLS_STORE_PASSWORD}) holding only the certificate {@link #startHttps()}
	 * serves.
	 * @return the trust store URL
	 */
	public static URL trustStore() {
		return Tls.trustStore();
	}

	/**
	 * Return an {@link SSLContext} that trusts exactly the certificate
	 * {@link #startHttps()} serves, for {@code java.net.http.HttpClient} and friends.
	 * @return a new client SSL context
	 */
	public static SSLContext clientSslContext() {
		return Tls.clientContext();
	}

	/**
	 * Return the base URL, e.g. {@code http://127.0.0.1:54321}, without a trailing slash.
	 * @return the URL
	 */
	public String url() {
		return (this.listener.https() ? "https" : "http") + "://127.0.0.1:" + port();
	}

	/**
	 * Return the properties that point the Infisical starter at this server with the
	 * default identity, project and environment, as {@code name=value} pairs for
	 * {@code ApplicationContextRunner.withPropertyValues(...)}, {@code SpringApplication}
	 * arguments (prefix them with {@code --}) and the like: {@code infisical.site-url},
	 * {@code infisical.client-id}, {@code infisical.client-secret},
	 * {@code infisical.project-id} and {@code infisical.environment}.
	 * @return the property values
	 */
	public String[] propertyValues() {
		return properties().entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new);
	}

	/**
	 * Return the properties of {@link #propertyValues()} as a map, in that order.
	 * @return the properties
	 */
	public Map<String, String> properties() {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("infisical.site-url", url());
		properties.put("infisical.client-id", DEFAULT_CLIENT_ID);
		properties.put("infisical.client-secret", DEFAULT_CLIENT_SECRET);
		properties.put("infisical.project-id", DEFAULT_PROJECT_ID);
		properties.put("infisical.environment", DEFAULT_ENVIRONMENT);
		return properties;
	}

	/**
	 * Return the port, which stays the same across {@link #stop()} and
	 * {@link #restart()}.
	 * @return the port
	 */
	public int port() {
		return this.listener.port();
	}

	/**
	 * Stop listening, so clients get "connection refused"; all state is kept.
	 */
	public void stop() {
		this.listener.stop();
	}

	/**
	 * Listen again on the same port with the same state.
	 */
	public void restart() {
		this.listener.restart();
	}

	/**
	 * Return whether the server is listening.
	 * @return {@code true} between start or restart and stop
	 */
	public boolean isRunning() {
		return this.listener.running();
	}

	@Override
	public void close() {
		stop();
	}

	/**
	 * Go back to the seeded state: remove secrets, folders, imports, projects, denied
	 * paths, extra identities, tokens, faults and the journal; restore the default
	 * identity's settings and every switch; put the clock back on real time.
	 */
	public void reset() {
		this.store.clear();
		this.access.clear();
		this.approvals.clear();
		this.identities.reset(DEFAULT_CLIENT_SECRET);
		this.loginMethods.clear();
		this.cloudLogins.clear();
		this.sts.clear();
		this.azureMetadata.reset();
		this.gcpMetadata.reset();
		this.tokens.clear();
		this.faults.clear();
		this.journal.clear();
		this.webhooks.clear();
		this.switches.reset();
		this.events.reset();
		this.clock.useRealTime();
		seed();
	}

	/**
	 * Return the machine identity with a client id, creating it with Infisical's default
	 * token settings when it does not exist (an existing one gets the given secret).
	 * @param clientId the client id
	 * @param clientSecret the client secret
	 * @return the identity, to configure fluently
	 */
	public Identity identity(String clientId, String clientSecret) {
		Objects.requireNonNull(clientId, "'clientId' must not be null");
		Objects.requireNonNull(clientSecret, "'clientSecret' must not be null");
		return this.identities.identity(clientId, clientSecret);
	}

	/**
	 * Give a machine identity Kubernetes Auth (created on first use) and return it to
	 * configure its allowed namespaces, service-account names and audience.
	 * @param identityId the identity's id
	 * @return the identity's Kubernetes Auth
	 */
	public KubernetesAuth kubernetesAuth(String identityId) {
		return this.loginMethods.kubernetes(identityId);
	}

	/**
	 * Issue a service-account token of the simulated Kubernetes cluster, as the kubelet
	 * projects it into a pod; the server's TokenReview accepts it until it expires.
	 * @param namespace the pod's namespace
	 * @param serviceAccount the service account's name
	 * @param audience the token's audience
	 * @param ttl how long the token is valid
	 * @return the JWT
	 */
	public String serviceAccountToken(String namespace, String serviceAccount, String audience, Duration ttl) {
		long now = this.clock.instant().getEpochSecond();
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("iss", "https://kubernetes.default.svc.cluster.local");
		claims.put("sub", "system:serviceaccount:" + namespace + ":" + serviceAccount);
		claims.put("aud", List.of(audience));
		claims.put("iat", now);
		claims.put("exp", now + ttl.toSeconds());
		return this.cluster.sign(claims);
	}

	/**
	 * Give a machine identity JWT Auth (created on first use) whose static public key is
	 * the server's signing key ({@link #signJwt}).
	 * @param identityId the identity's id
	 * @return the identity's JWT Auth, to bind issuer, audiences, subject and claims
	 */
	public JwtAuth jwtAuth(String identityId) {
		return this.loginMethods.jwt(identityId);
	}

	/**
	 * Give a machine identity OIDC Auth (created on first use) whose provider signs with
	 * the server's signing key ({@link #signJwt}).
	 * @param identityId the identity's id
	 * @return the identity's OIDC Auth, to bind issuer, audiences, subject and claims
	 */
	public JwtAuth oidcAuth(String identityId) {
		return this.loginMethods.oidc(identityId);
	}

	/**
	 * Return the URL of the JWKS that publishes the public key of {@link #signJwt}, for
	 * JWT or OIDC Auth configured with a JWKS URL ({@link JwtAuth#jwksUrl(String)}).
	 * @return the JWKS URL
	 */
	public String jwksUrl() {
		return url() + JWKS_PATH;
	}

	/**
	 * Sign a JWT (RS256) with the key that JWT and OIDC Auth trust.
	 * @param claims the claims, {@code exp} in epoch seconds included when wanted
	 * @return the JWT
	 */
	public String signJwt(Map<String, Object> claims) {
		return this.jwtIssuer.sign(claims);
	}

	/**
	 * Give a machine identity LDAP Auth (created on first use) and return it to add
	 * directory users.
	 * @param identityId the identity's id (a UUID, as Infisical requires)
	 * @return the identity's LDAP Auth
	 */
	public LdapAuth ldapAuth(String identityId) {
		return this.loginMethods.ldap(identityId);
	}

	/**
	 * Give a machine identity Azure Auth (created on first use) that trusts the tokens of
	 * the fake instance metadata service ({@link #azureMetadata()}).
	 * @param identityId the identity's id
	 * @return the identity's Azure Auth, to set tenant, resource and service principals
	 */
	public AzureAuth azureAuth(String identityId) {
		return this.cloudLogins.azure(identityId);
	}

	/**
	 * Give a machine identity GCP Auth (created on first use) that trusts the ID tokens
	 * of the fake metadata server ({@link #gcpMetadata()}) and, for type {@code iam}, the
	 * keys of {@link #gcpServiceAccountKey(String)}.
	 * @param identityId the identity's id
	 * @return the identity's GCP Auth, to set its type and allowed accounts
	 */
	public GcpAuth gcpAuth(String identityId) {
		return this.cloudLogins.gcp(identityId);
	}

	/**
	 * Give a machine identity AWS Auth (created on first use) whose logins are checked by
	 * the server's fake STS.
	 * @param identityId the identity's id
	 * @return the identity's AWS Auth, to restrict accounts and principal ARNs
	 */
	public AwsAuth awsAuth(String identityId) {
		return this.cloudLogins.aws(identityId);
	}

	/**
	 * Make the fake STS know long-term credentials of an IAM principal: requests signed
	 * with them identify as {@code arn}.
	 * @param accessKeyId the access key id
	 * @param secretAccessKey the secret access key
	 * @param arn the caller's ARN, e.g. {@code arn:aws:iam::123456789012:user/api}
	 */
	public void awsCredentials(String accessKeyId, String secretAccessKey, String arn) {
		this.sts.register(accessKeyId, secretAccessKey, null, arn);
	}

	/**
	 * Make the fake STS know temporary credentials (an assumed role's): requests must
	 * carry the session token.
	 * @param accessKeyId the access key id
	 * @param secretAccessKey the secret access key
	 * @param sessionToken the session token
	 * @param arn the caller's ARN, e.g.
	 * {@code arn:aws:sts::123456789012:assumed-role/api/i-0abc}
	 */
	public void awsSessionCredentials(String accessKeyId, String secretAccessKey, String sessionToken, String arn) {
		this.sts.register(accessKeyId, secretAccessKey, sessionToken, arn);
	}

	/**
	 * Create a key for a GCP service account, publish its public key as Google does (for
	 * GCP Auth of type {@code iam}) and return the key file a user downloads from Google
	 * Cloud (JSON with {@code client_email} and {@code private_key}).
	 * @param email the service account's email, e.g.
	 * {@code api@acme-prod.iam.gserviceaccount.com}
	 * @return the key file's content
	 */
	public String gcpServiceAccountKey(String email) {
		Rs256 key = new Rs256(this.clock);
		this.cloudLogins.serviceAccountKey(email, key);
		Map<String, Object> file = new LinkedHashMap<>();
		file.put("type", "service_account");
		file.put("project_id", email.substring(email.indexOf('@') + 1, email.indexOf('.')));
		file.put("private_key_id", java.util.UUID.randomUUID().toString().replace("-", ""));
		file.put("private_key", key.privateKeyPem());
		file.put("client_email", email);
		file.put("client_id", "104176534896253827459");
		file.put("auth_uri", "https://accounts.google.com/o/oauth2/auth");
		file.put("token_uri", "https://oauth2.googleapis.com/token");
		return new String(Json.write(file), java.nio.charset.StandardCharsets.UTF_8);
	}

	/**
	 * Return the fake Azure instance metadata service, served at
	 * {@code /metadata/identity/oauth2/token} of this server.
	 * @return the fake IMDS, to configure the machine's managed identities
	 */
	public AzureMetadata azureMetadata() {
		return this.azureMetadata;
	}

	/**
	 * Return the fake GCP metadata server, served at {@code /computeMetadata/v1/...} of
	 * this server.
	 * @return the fake metadata server, to configure the instance
	 */
	public GcpMetadata gcpMetadata() {
		return this.gcpMetadata;
	}

	/**
	 * Create an access token for an identity, as an administrator does for Token Auth.
	 * @param identity the identity
	 * @return the access token
	 */
	public String createAccessToken(Identity identity) {
		return this.tokens.login(identity).accessToken();
	}

	/**
	 * Return the identity {@value #DEFAULT_CLIENT_ID}, which always exists.
	 * @return the default identity
	 */
	public Identity defaultIdentity() {
		return this.identities.defaultIdentity();
	}

	/**
	 * Return the clock tokens expire by and secrets are timestamped with.
	 * @return the server clock
	 */
	public MutableClock clock() {
		return this.clock;
	}

	/**
	 * Revoke every token issued so far; requests with them then get 401.
	 */
	public void revokeAllTokens() {
		this.tokens.revokeAll();
	}

	/**
	 * Return every access token string issued since the last reset, renewals included, so
	 * a test can check that none of them appears in captured output.
	 * @return the token strings in issue order
	 */
	public List<String> issuedTokens() {
		return this.tokens.issued();
	}

	/**
	 * Switch renewal to the same-string Infisical generation: the same token string comes
	 * back with a later expiry, a fresh token renews, and renewal fails with 401
	 * (revoking the token) only at the max TTL
	 * ({@code Failed to renew MI access token past its Max
	 * TTL expiration} in the last TTL-as-milliseconds before it, as that generation's
	 * arithmetic had it; {@code ... due to Max TTL expiration} after it). The default is
	 * the newest behaviour: a new string living for {@code min(TTL, max TTL left)}.
	 * @param legacy whether to use the previous generation's renewal
	 */
	public void legacyRenew(boolean legacy) {
		this.switches.legacyRenew(legacy);
	}

	/**
	 * Create an environment, and its project when needed.
	 * @param projectId the project id
	 * @param envSlug the environment slug
	 * @return this server
	 */
	public InfisicalTestServer environment(String projectId, String envSlug) {
		this.store.write(projectId, (project) -> project.createEnvironment(envSlug));
		return this;
	}

	/**
	 * Create a folder with its parents, environment and project when needed.
	 * @param projectId the project id
	 * @param env the environment slug
	 * @param path the folder path, e.g. {@code /backend/db}
	 * @return this server
	 */
	public InfisicalTestServer folder(String projectId, String env, String path) {
		String folder = SecretPaths.require(path);
		this.store.write(projectId, (project) -> project.createFolder(env, folder));
		return this;
	}

	/**
	 * Create a secret, or update it with a new version and {@code updatedAt} by the
	 * server clock; creates the folder, environment and project when needed.
	 * @param projectId the project id
	 * @param env the environment slug
	 * @param path the folder path
	 * @param key the secret key
	 * @param value the value
	 * @param tagSlugs tags the secret carries, created in the project when new
	 * @return this server
	 */
	public InfisicalTestServer secret(String projectId, String env, String path, String key, String value,
			String... tagSlugs) {
		String folder = SecretPaths.require(path);
		if (key.isBlank() || key.contains(":") || key.contains("/")) {
			throw new IllegalArgumentException("Invalid secret key '" + key + "'");
		}
		Objects.requireNonNull(value, "'value' must not be null");
		List<String> slugs = Arrays.asList(tagSlugs);
		this.store.write(projectId, (project) -> {
			Folder target = project.createFolder(env, folder);
			String type = (target.secret(key) != null) ? "secret:update" : "secret:create";
			target.put(key, value, project.tags(slugs), this.clock.instant());
			this.events.secretsChanged(project, type, env, folder, List.of(key));
		});
		this.webhooks.changed(projectId, env, folder);
		return this;
	}

	/**
	 * Create or update several secrets of one folder in one step, as Infisical's secret
	 * rotation and bulk updates do: a read sees all of the new values or none of them.
	 * @param projectId the project id
	 * @param env the environment slug
	 * @param path the folder path
	 * @param values the keys and their new values
	 * @return this server
	 */
	public InfisicalTestServer secrets(String projectId, String env, String path, Map<String, String> values) {
		String folder = SecretPaths.require(path);
		values.forEach((key, value) -> {
			if (key.isBlank() || key.contains(":") || key.contains("/")) {
				throw new IllegalArgumentException("Invalid secret key '" + key + "'");
			}
			Objects.requireNonNull(value, "'value' must not be null");
		});
		this.store.write(projectId, (project) -> {
			Folder target = project.createFolder(env, folder);
			values.forEach((key, value) -> target.put(key, value, project.tags(List.of()), this.clock.instant()));
			// bulk writes emit one event per kind, as Infisical's bulk routes do
			this.events.secretsChanged(project, "secret:update", env, folder, List.copyOf(values.keySet()));
		});
		this.webhooks.changed(projectId, env, folder);
		return this;
	}

	/**
	 * Delete a secret with all its versions; nothing happens when it does not exist.
	 * @param projectId the project id
	 * @param env the environment slug
	 * @param path the folder path
	 * @param key the secret key
	 * @return this server
	 */
	public InfisicalTestServer deleteSecret(String projectId, String env, String path, String key) {
		String normalized = SecretPaths.require(path);
		this.store.write(projectId, (project) -> {
			Folder folder = project.folder(env, normalized);
			if (folder != null && folder.remove(key)) {
				this.events.secretsChanged(project, "secret:delete", env, normalized, List.of(key));
			}
		});
		this.webhooks.changed(projectId, env, normalized);
		return this;
	}

	/**
	 * Import the secrets of another folder into a folder, at the next position (so it
	 * overrides earlier imports when a client merges); creates both folders when needed.
	 * @param projectId the project id
	 * @param env the environment slug of the importing folder
	 * @param path the importing folder
	 * @param fromEnv the environment slug of the imported folder
	 * @param fromPath the imported folder
	 * @return this server
	 */
	public InfisicalTestServer secretImport(String projectId, String env, String path, String fromEnv,
			String fromPath) {
		String into = SecretPaths.require(path);
		String from = SecretPaths.require(fromPath);
		this.store.write(projectId, (project) -> {
			project.createFolder(fromEnv, from);
			project.createFolder(env, into).addImport(new Folder.Import(fromEnv, from));
			this.events.importMutated(project, env, into);
		});
		return this;
	}

	/**
	 * Deny an identity a folder and the folders below it: reading it answers 403
	 * {@code PermissionDenied}, references into it fail the request with 403
	 * {@code ForbiddenError}, and recursive listings and imports silently leave it out.
	 * @param clientId the identity's client id
	 * @param projectId the project id
	 * @param env the environment slug
	 * @param path the folder path
	 * @return this server
	 */
	public InfisicalTestServer denyPath(String clientId, String projectId, String env, String path) {
		this.access.deny(clientId, projectId, env, SecretPaths.require(path));
		return this;
	}

	/**
	 * Let an identity read but not write a folder and the folders below it: creating,
	 * updating or deleting a secret there, or creating a folder, answers 403
	 * {@code PermissionDenied} ({@code You are not allowed to edit on secrets}).
	 * @param clientId the identity's client id
	 * @param projectId the project id
	 * @param env the environment slug
	 * @param path the folder path
	 * @return this server
	 */
	public InfisicalTestServer readOnly(String clientId, String projectId, String env, String path) {
		this.access.readOnly(clientId, projectId, env, SecretPaths.require(path));
		return this;
	}

	/**
	 * Put an environment under an approval policy, or take it off: while on, every secret
	 * write to it answers 200 {@code {"approval": {...}}} with an open change request and
	 * leaves the secret unchanged (see {@link #approvalRequests()}). Note that current
	 * Infisical servers apply approval policies to user actors only and let machine
	 * identities write directly; this switch models the approval answer for clients that
	 * must handle it.
	 * @param projectId the project id
	 * @param env the environment slug
	 * @param enabled whether writes need approval
	 * @return this server
	 */
	public InfisicalTestServer approvalPolicy(String projectId, String env, boolean enabled) {
		this.approvals.policy(projectId, env, enabled);
		return this;
	}

	/**
	 * Return the change requests writes under an approval policy opened since the last
	 * reset, in order.
	 * @return the requests
	 */
	public List<ApprovalRequest> approvalRequests() {
		return this.approvals.requests();
	}

	/**
	 * Return the id of a project tag, creating the tag when needed, for the
	 * {@code tagIds} of a write.
	 * @param projectId the project id
	 * @param slug the tag slug
	 * @return the tag id
	 */
	public String tagId(String projectId, String slug) {
		String[] id = new String[1];
		this.store.write(projectId, (project) -> id[0] = project.tags(List.of(slug)).get(0).id());
		return id[0];
	}

	/**
	 * Return the current version of a secret, to assert on what a client wrote.
	 * @param projectId the project id
	 * @param env the environment slug
	 * @param path the folder path
	 * @param key the secret key
	 * @return the secret, empty when it does not exist
	 */
	public Optional<SecretSnapshot> findSecret(String projectId, String env, String path, String key) {
		List<SecretSnapshot> versions = secretVersions(projectId, env, path, key);
		return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
	}

	/**
	 * Return every version of a secret, oldest first (versions from before a rename keep
	 * the old key).
	 * @param projectId the project id
	 * @param env the environment slug
	 * @param path the folder path
	 * @param key the secret's current key
	 * @return the versions, empty when the secret does not exist
	 */
	public List<SecretSnapshot> secretVersions(String projectId, String env, String path, String key) {
		String normalized = SecretPaths.require(path);
		return this.store.read(() -> {
			Project project = this.store.project(projectId);
			Folder folder = (project != null) ? project.folder(env, normalized) : null;
			return (folder != null) ? folder.versions(key).stream().map(SecretSnapshot::of).toList()
					: List.<SecretSnapshot>of();
		});
	}

	/**
	 * Emulate the 2024 generation's login answers when {@code true}: a body that fails
	 * the schema answers 401 (not 422) with the same {@code ValidationFailure} issues,
	 * and an unknown client id answers 404 {@code NotFound}
	 * {@code No identity with specified client ID was found} (current servers: 401
	 * {@code Invalid credentials}).
	 * @param legacy whether to answer logins as older servers did
	 */
	public void legacyLogin(boolean legacy) {
		this.switches.legacyLogin(legacy);
	}

	/**
	 * Emulate the 2024 generation's write errors when {@code true}: deleting a missing
	 * secret answers 404 {@code DeleteSecret} {@code Secret with name 'X' not found}
	 * (current servers: 404 {@code NotFound} {@code Secret not found}).
	 * @param legacy whether to answer writes as older servers did
	 */
	public void legacyWriteErrors(boolean legacy) {
		this.switches.legacyWriteErrors(legacy);
	}

	/**
	 * Emulate a server older than the v4 API when {@code false}: every {@code /api/v4/**}
	 * request gets Fastify's default 404
	 * ({@code Route GET:/api/v4/secrets?... not found}).
	 * @param enabled whether v4 routes exist
	 */
	public void v4Enabled(boolean enabled) {
		this.switches.v4Enabled(enabled);
	}

	/**
	 * Emulate an older server when {@code true}: an unknown environment or folder answers
	 * 200 with no secrets instead of 404 {@code SecretPathNotFound}.
	 * @param enabled whether unknown paths answer empty
	 */
	public void emptyForUnknownPaths(boolean enabled) {
		this.switches.emptyForUnknownPaths(enabled);
	}

	/**
	 * Return the event subscriptions (Server-Sent Events): the open streams, their ping
	 * interval and the switches that refuse, silence or drop them.
	 * @return the event streams
	 */
	public EventStreams events() {
		return this.events;
	}

	/**
	 * Return the fault rules, to add or clear faults.
	 * @return the faults
	 */
	public Faults faults() {
		return this.faults;
	}

	/**
	 * Register a project webhook as Infisical's project settings do: after every change
	 * of the project's secrets in the environment whose folder matches the glob (e.g.
	 * {@code /**}, {@code /api/*}), the server POSTs the {@code secrets.modified} payload
	 * to the URL, signed with {@code x-infisical-signature} when a secret key is given;
	 * one POST per change, no retries, 15 s timeout, on a background thread.
	 * @param projectId the project id
	 * @param env the environment slug
	 * @param secretPathGlob the folder glob
	 * @param url the receiver's URL
	 * @param secretKey the webhook's secret key, or {@code null} for unsigned deliveries
	 * @return this server
	 */
	public InfisicalTestServer webhook(String projectId, String env, String secretPathGlob, String url,
			@Nullable String secretKey) {
		this.webhooks.register(projectId, env, secretPathGlob, url, secretKey);
		return this;
	}

	/**
	 * The webhook POSTs made so far, in order, with the receiver's answer.
	 * @return the deliveries
	 */
	public List<WebhookDelivery> webhookDeliveries() {
		return this.webhooks.deliveries();
	}

	/**
	 * The {@code x-infisical-signature} header value Infisical sends for a body.
	 * @param secretKey the webhook's secret key
	 * @param body the exact body
	 * @param timestampMillis the signed time, in milliseconds since the epoch
	 * @return {@code t=<ms>;<hex>}
	 */
	public static String webhookSignature(String secretKey, byte[] body, long timestampMillis) {
		return Webhooks.signature(secretKey, body, timestampMillis);
	}

	/**
	 * Return every request since the last reset or {@link #clearJournal()}, in arrival
	 * order.
	 * @return the recorded requests
	 */
	public List<RecordedRequest> journal() {
		return this.journal.snapshot();
	}

	/**
	 * Count recorded requests by method and path prefix, e.g.
	 * {@code count("POST", "/api/v1/auth/universal-auth/login")}.
	 * @param method the HTTP method (case-insensitive)
	 * @param pathPrefix the path prefix
	 * @return the number of matching requests
	 */
	public long count(String method, String pathPrefix) {
		return this.journal.count(method, pathPrefix);
	}

	/**
	 * Forget all recorded requests.
	 */
	public void clearJournal() {
		this.journal.clear();
	}

	@Override
	public String toString() {
		return "InfisicalTestServer[" + url() + "]";
	}

	private void seed() {
		DEFAULT_ENVIRONMENTS.forEach((env) -> environment(DEFAULT_PROJECT_ID, env));
	}

}
