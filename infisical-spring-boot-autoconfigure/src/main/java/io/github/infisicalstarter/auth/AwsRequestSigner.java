package io.github.infisicalstarter.auth;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.infisicalstarter.InfisicalException;
import io.github.infisicalstarter.config.InfisicalAuthProperties;
import io.github.infisicalstarter.config.InfisicalConfigurationException;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * Signs the {@code sts:GetCallerIdentity} request of an AWS login with the AWS SDK for
 * Java v2: credentials from {@link DefaultCredentialsProvider}, resolved again at every
 * login (the provider refreshes expiring role credentials), and a SigV4 signature from
 * {@link AwsV4HttpSigner}. Only {@link AwsIamAuthentication} refers to this class, after
 * checking that the SDK is present.
 *
 * @since 0.1.0
 */
final class AwsRequestSigner implements AwsIamAuthentication.Signer {

	private static final String REGION_PROPERTY = InfisicalAuthProperties.PREFIX + ".aws.region";

	private static final String ENDPOINT_PROPERTY = InfisicalAuthProperties.PREFIX + ".aws.sts-endpoint";

	private final AwsCredentialsProvider credentials;

	private final Region region;

	private final URI endpoint;

	private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

	AwsRequestSigner(AwsCredentialsProvider credentials, Region region, URI endpoint) {
		this.credentials = credentials;
		this.region = region;
		this.endpoint = endpoint;
	}

	static AwsRequestSigner create(@Nullable String region, @Nullable String stsEndpoint) {
		Region resolved = (region != null) ? Region.of(region) : chainRegion();
		URI endpoint = (stsEndpoint != null) ? PlatformUrls.parse(stsEndpoint, ENDPOINT_PROPERTY)
				: URI.create("https://sts." + resolved.id() + ".amazonaws.com/");
		return new AwsRequestSigner(DefaultCredentialsProvider.builder().build(), resolved, endpoint);
	}

	private static Region chainRegion() {
		try {
			return new DefaultAwsRegionProviderChain().getRegion();
		}
		catch (SdkClientException ex) {
			throw new InfisicalConfigurationException(REGION_PROPERTY,
					"No AWS region was found for infisical.auth.method=aws-iam (AWS_REGION, the profile and the "
							+ "instance metadata have none).",
					"Set " + REGION_PROPERTY + " (or AWS_REGION) to the region whose STS endpoint signs the login.");
		}
	}

	@Override
	public AwsIamAuthentication.SignedRequest sign(String body) {
		AwsCredentials resolved;
		try {
			resolved = this.credentials.resolveCredentials();
		}
		catch (RuntimeException ex) {
			// the SDK's message lists the providers it tried, never a key
			throw new InfisicalException(
					"No AWS credentials were found for infisical.auth.method=aws-iam: the "
							+ "SDK's default chain (environment, system properties, web identity, profile, container, "
							+ "instance profile) has none.",
					"Run with an IAM role (EC2 instance profile, ECS task role, EKS IRSA / Pod Identity, Lambda "
							+ "execution role) or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY. For web identity "
							+ "(IRSA) add software.amazon.awssdk:sts.",
					null);
		}
		SdkHttpRequest request = SdkHttpRequest.builder()
			.method(SdkHttpMethod.POST)
			.uri(this.endpoint)
			.putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
			.putHeader("Content-Length", String.valueOf(body.length()))
			.build();
		SignedRequest signed = this.signer.sign((sign) -> sign.identity(resolved)
			.request(request)
			.payload(ContentStreamProvider.fromUtf8String(body))
			.putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sts")
			.putProperty(AwsV4HttpSigner.REGION_NAME, this.region.id()));
		Map<String, String> headers = new LinkedHashMap<>();
		String host = this.endpoint.getHost() + ((this.endpoint.getPort() != -1) ? ":" + this.endpoint.getPort() : "");
		headers.put("Host", host);
		for (Map.Entry<String, List<String>> header : signed.request().headers().entrySet()) {
			if (!header.getValue().isEmpty()) {
				headers.put(canonicalName(header.getKey()), header.getValue().get(0));
			}
		}
		return new AwsIamAuthentication.SignedRequest(this.endpoint.toString(),
				new String(JsonText.write(headers), java.nio.charset.StandardCharsets.UTF_8));
	}

	private static String canonicalName(String name) {
		return switch (name.toLowerCase(java.util.Locale.ROOT)) {
			case "host" -> "Host";
			case "authorization" -> "Authorization";
			case "x-amz-date" -> "X-Amz-Date";
			case "x-amz-security-token" -> "X-Amz-Security-Token";
			case "content-type" -> "Content-Type";
			case "content-length" -> "Content-Length";
			default -> name;
		};
	}

	@Override
	public String toString() {
		return "region=" + this.region.id() + ", stsEndpoint=" + this.endpoint;
	}

}
