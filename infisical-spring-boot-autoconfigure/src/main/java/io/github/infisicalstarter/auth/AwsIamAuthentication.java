package io.github.infisicalstarter.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.infisicalstarter.client.InfisicalLoginClient;
import io.github.infisicalstarter.client.TokenResponse;
import io.github.infisicalstarter.config.InfisicalAuthProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * AWS Auth: the workload proves its IAM identity with an {@code sts:GetCallerIdentity}
 * request that it signs (SigV4) but does not send; Infisical sends it to STS and checks
 * the answering account and principal ARN. Credentials come from the AWS SDK's default
 * chain (environment, system properties, web identity / IRSA, profile, ECS, EC2 instance
 * profile) and the request is signed anew at every login. Signing needs the AWS SDK for
 * Java v2 ({@code software.amazon.awssdk:auth}), an optional dependency that only
 * {@link AwsRequestSigner} touches, so that other methods never load it.
 *
 * @since 0.1.0
 */
public final class AwsIamAuthentication implements InfisicalAuthentication {

	static final String LOGIN_PATH = "/api/v1/auth/aws-auth/login";

	/** The body of every GetCallerIdentity request. */
	static final String BODY = "Action=GetCallerIdentity&Version=2011-06-15";

	private static final String LIBRARY_CLASS = "software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner";

	private static final String ACTION = "Check infisical.auth.identity-id and the identity's AWS Auth in Infisical: "
			+ "the allowed account IDs and principal ARNs must include this workload's IAM role or user, and the "
			+ "request must be signed for a region whose STS endpoint Infisical can reach (infisical.auth.aws.region).";

	private final InfisicalLoginClient client;

	private final String identityId;

	private final Signer signer;

	AwsIamAuthentication(InfisicalLoginClient client, String identityId, Signer signer) {
		this.client = client;
		this.identityId = identityId;
		this.signer = signer;
	}

	static AwsIamAuthentication from(InfisicalAuthProperties properties, InfisicalLoginClient client) {
		String identityId = InfisicalAuthentications.identityId(properties, "aws-iam");
		OptionalLibrary.require(LIBRARY_CLASS, "aws-iam", "software.amazon.awssdk:auth");
		InfisicalAuthProperties.Aws aws = properties.aws();
		return new AwsIamAuthentication(client, identityId,
				AwsRequestSigner.create(trimmed(aws.region()), trimmed(aws.stsEndpoint())));
	}

	@Override
	public TokenResponse login() {
		SignedRequest request = this.signer.sign(BODY);
		Base64.Encoder base64 = Base64.getEncoder();
		Map<String, String> form = new LinkedHashMap<>();
		form.put("identityId", this.identityId);
		form.put("iamHttpRequestMethod", "POST");
		form.put("iamRequestUrl", base64.encodeToString(request.url().getBytes(StandardCharsets.UTF_8)));
		form.put("iamRequestBody", base64.encodeToString(BODY.getBytes(StandardCharsets.UTF_8)));
		form.put("iamRequestHeaders", base64.encodeToString(request.headersJson().getBytes(StandardCharsets.UTF_8)));
		return this.client.login(LOGIN_PATH, form, ACTION);
	}

	@Override
	public String toString() {
		return "AwsIamAuthentication[identityId=" + this.identityId + ", " + this.signer + "]";
	}

	private static @Nullable String trimmed(@Nullable String value) {
		return StringUtils.hasText(value) ? value.trim() : null;
	}

	/**
	 * Signs a GetCallerIdentity request; implemented with the AWS SDK by
	 * {@link AwsRequestSigner}.
	 */
	interface Signer {

		/**
		 * Sign a POST of the body to the STS endpoint with fresh credentials.
		 * @param body the form body
		 * @return the signed request's URL and headers
		 */
		SignedRequest sign(String body);

	}

	/**
	 * A signed request: the STS URL and the signed headers as a JSON object. Holds a
	 * signature and possibly a session token, so {@code toString()} leaves them out.
	 *
	 * @param url the STS URL
	 * @param headersJson the signed headers, as a JSON object of strings
	 */
	record SignedRequest(String url, String headersJson) {

		@Override
		public String toString() {
			return "SignedRequest[url=" + this.url + ", headers=****]";
		}

	}

}
