package io.github.infisicalstarter.testserver;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Maps requests to the API the server emulates and turns every failure into Infisical's
 * error envelope. Anything else, including {@code /api/v1/auth/universal-auth/renew}
 * (which the docs mention but the server does not have), gets Fastify's default 404.
 */
final class Router {

	private static final String V4_SECRETS = "/api/v4/secrets";

	private static final String V3_SECRETS = "/api/v3/secrets/raw";

	private static final String FOLDERS = "/api/v1/folders";

	private final AuthRoutes auth;

	private final TokenStore tokens;

	private final SecretReader secrets;

	private final SecretWriter writer;

	private final FolderRoutes folders;

	private final Switches switches;

	private final Clock clock;

	private final AzureMetadata azureMetadata;

	private final GcpMetadata gcpMetadata;

	private final Rs256 jwksKey;

	Router(AuthRoutes auth, TokenStore tokens, SecretReader secrets, SecretWriter writer, FolderRoutes folders,
			Switches switches, Clock clock, AzureMetadata azureMetadata, GcpMetadata gcpMetadata, Rs256 jwksKey) {
		this.jwksKey = jwksKey;
		this.azureMetadata = azureMetadata;
		this.gcpMetadata = gcpMetadata;
		this.auth = auth;
		this.tokens = tokens;
		this.secrets = secrets;
		this.writer = writer;
		this.folders = folders;
		this.switches = switches;
		this.clock = clock;
	}

	Response route(ApiRequest request) {
		try {
			return dispatch(request);
		}
		catch (ApiError ex) {
			return ex.toResponse();
		}
		catch (RuntimeException ex) {
			return ApiError.internal().toResponse();
		}
	}

	private Response dispatch(ApiRequest request) {
		String path = request.routePath();
		String method = request.method();
		if (method.equals("GET") && path.equals(AzureMetadata.TOKEN_PATH)) {
			return this.azureMetadata.token(request);
		}
		if (method.equals("GET") && path.equals(InfisicalTestServer.JWKS_PATH)) {
			return Response.json(200, Map.of("keys", List.of(this.jwksKey.publicJwk("test-server-jwt"))));
		}
		if (method.equals("GET") && path.equals(GcpMetadata.IDENTITY_PATH)) {
			return this.gcpMetadata.identity(request);
		}
		boolean v4 = path.equals("/api/v4") || path.startsWith("/api/v4/");
		if (v4 && !this.switches.v4Enabled()) {
			throw ApiError.routeNotFound(method, request.url());
		}
		if (method.equals("GET")) {
			if (path.equals("/api/status")) {
				return status();
			}
			if (path.equals(V4_SECRETS) || path.equals(V3_SECRETS)) {
				return secrets(request, api(path), null);
			}
			String name = secretName(path);
			if (name != null) {
				return secrets(request, api(path), name);
			}
			if (path.equals(FOLDERS)) {
				authenticate(request);
				return Response.json(200, this.folders.list(request));
			}
		}
		SecretWrite.Kind kind = switch (method) {
			case "POST" -> SecretWrite.Kind.CREATE;
			case "PATCH" -> SecretWrite.Kind.UPDATE;
			case "DELETE" -> SecretWrite.Kind.DELETE;
			default -> null;
		};
		String written = (kind != null) ? secretName(path) : null;
		if (kind != null && written != null) {
			Identity identity = authenticate(request);
			return Response.json(200,
					this.writer.write(identity, SecretWrite.parse(request, api(path), kind, written)));
		}
		if (method.equals("POST")) {
			switch (path) {
				case FOLDERS:
					return Response.json(200, this.folders.create(authenticate(request), request));
				case "/api/v1/auth/universal-auth/login":
					return this.auth.login(request);
				case "/api/v1/auth/token/renew":
					return this.auth.renew(request);
				case "/api/v1/auth/token/revoke":
					return this.auth.revoke(request);
				default:
					Response login = this.auth.otherLogin(path, request);
					if (login != null) {
						return login;
					}
					break;
			}
		}
		throw ApiError.routeNotFound(method, request.url());
	}

	private Identity authenticate(ApiRequest request) {
		Identity identity = this.tokens.authenticate(request.header("Authorization"));
		request.authorized(true);
		return identity;
	}

	private Response secrets(ApiRequest request, SecretQuery.Api api, @Nullable String name) {
		Identity identity = authenticate(request);
		if (name == null) {
			return Response.json(200, this.secrets.list(identity, SecretQuery.list(request, api)));
		}
		return Response.json(200, this.secrets.single(identity, SecretQuery.single(request, api), name));
	}

	private Response status() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("date", Json.date(this.clock.instant()));
		body.put("message", "Ok");
		body.put("emailConfigured", false);
		body.put("inviteOnlySignup", false);
		body.put("redisConfigured", true);
		body.put("secretScanningConfigured", false);
		body.put("maxIdentityAccessTokenTTL", TokenStore.MAX_TOKEN_AGE);
		return Response.json(200, body);
	}

	private static SecretQuery.Api api(String path) {
		return path.startsWith(V4_SECRETS) ? SecretQuery.Api.V4 : SecretQuery.Api.V3;
	}

	/**
	 * Return the decoded secret name of a single-secret path, or {@code null} for other
	 * paths.
	 */
	private static @Nullable String secretName(String path) {
		for (String prefix : new String[] { V4_SECRETS + "/", V3_SECRETS + "/" }) {
			if (path.startsWith(prefix) && path.indexOf('/', prefix.length()) < 0) {
				return ApiRequest.decode(path.substring(prefix.length()));
			}
		}
		return null;
	}

}
