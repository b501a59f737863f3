package io.github.infisicalstarter.testserver;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * The AWS Auth login ({@code identity-aws-auth-service.ts}): the signed
 * {@code GetCallerIdentity} request in the body is decoded, its region checked and it is
 * "sent" to the fake STS; STS's refusals reach Infisical as a failed HTTP call (500),
 * then the allowed accounts and principal ARNs are checked (401).
 */
final class AwsLogin {

	static final String PATH = "/api/v1/auth/aws-auth/login";

	private static final Pattern REGION = Pattern.compile("^[a-z0-9-]{1,20}$");

	private final Map<String, AwsAuth> methods = new ConcurrentHashMap<>();

	private final TokenStore tokens;

	private final FakeSts sts;

	AwsLogin(TokenStore tokens, FakeSts sts) {
		this.tokens = tokens;
		this.sts = sts;
	}

	AwsAuth aws(String identityId) {
		return this.methods.computeIfAbsent(identityId,
				(id) -> new AwsAuth(new Identity(id, UUID.randomUUID().toString())));
	}

	void clear() {
		this.methods.clear();
	}

	Response login(ApiRequest request) {
		JsonNode body = request.body();
		Validation validation = new Validation();
		String identityId = null;
		String method = "POST";
		String requestBody = null;
		String requestHeaders = null;
		if (validation.object(body)) {
			identityId = validation.string(body, "identityId");
			requestBody = validation.string(body, "iamRequestBody");
			requestHeaders = validation.string(body, "iamRequestHeaders");
			JsonNode given = body.get("iamHttpRequestMethod");
			method = (given != null && given.isString()) ? given.asString() : "POST";
		}
		validation.throwIfInvalid();
		AwsAuth auth = this.methods.get(identityId);
		if (auth == null) {
			throw ApiError.notFound("NotFound", "AWS auth method not found for identity, did you configure AWS auth?");
		}
		Map<String, String> headers = headers(requestHeaders);
		String authorization = (headers.get("Authorization") != null) ? headers.get("Authorization")
				: headers.get("authorization");
		String region = (authorization != null) ? region(authorization) : null;
		if (region == null || !REGION.matcher(region).matches()) {
			throw ApiError.badRequest("Invalid AWS region");
		}
		String arn;
		try {
			arn = this.sts.getCallerIdentity(method, headers,
					new String(Base64.getDecoder().decode(requestBody), StandardCharsets.UTF_8));
		}
		catch (FakeSts.StsError | IllegalArgumentException ex) {
			// axios rejects STS's 403: not one of Infisical's errors
			throw ApiError.internal();
		}
		String account = arn.split(":")[4];
		if (!auth.allowedAccountIds().isEmpty() && !auth.allowedAccountIds().contains(account)) {
			throw ApiError.unauthorized("Access denied: AWS account ID not allowed.");
		}
		if (!auth.allowedPrincipalArns().isEmpty()) {
			String principal = principalArn(arn);
			boolean allowed = auth.allowedPrincipalArns()
				.stream()
				.anyMatch(
						(allowedArn) -> Pattern.compile("^" + Pattern.quote(allowedArn).replace("*", "\\E.*\\Q") + "$")
							.matcher(principal)
							.matches());
			if (!allowed) {
				throw ApiError
					.unauthorized("Access denied: AWS principal ARN not allowed. [principal-arn=" + principal + "]");
			}
		}
		return Response.json(200, this.tokens.login(auth.identity()).toJson());
	}

	private static Map<String, String> headers(String base64) {
		JsonNode json;
		try {
			json = Json.read(Base64.getDecoder().decode(base64));
		}
		catch (RuntimeException ex) {
			// JSON.parse throws a SyntaxError
			throw ApiError.internal();
		}
		if (json == null || !json.isObject()) {
			throw ApiError.internal();
		}
		Map<String, String> headers = new LinkedHashMap<>();
		for (String name : json.propertyNames()) {
			headers.put(name, json.get(name).asString());
		}
		return headers;
	}

	private static String region(String authorization) {
		for (String field : authorization.split(" ")) {
			if (field.startsWith("Credential=")) {
				String[] parts = field.split("/");
				if (parts.length >= 3) {
					return parts[2];
				}
			}
		}
		return null;
	}

	/**
	 * The principal of an ARN as Infisical compares it: an assumed role's session becomes
	 * the role ({@code arn:aws:iam::<account>:role/<name>}).
	 */
	static String principalArn(String arn) {
		String[] parts = arn.split(":", 6);
		String[] resource = parts[5].split("/");
		if (resource[0].equals("assumed-role")) {
			return "arn:" + parts[1] + ":iam::" + parts[4] + ":role/" + resource[1];
		}
		return arn;
	}

}
