package io.github.infisicalstarter.core;

import java.util.List;
import java.util.function.Function;

import io.github.infisicalstarter.auth.AccessTokenManager;
import io.github.infisicalstarter.client.InfisicalApiException;
import io.github.infisicalstarter.client.InfisicalClient;
import io.github.infisicalstarter.client.InfisicalFolder;
import io.github.infisicalstarter.client.InfisicalSecret;
import io.github.infisicalstarter.client.SecretUpdate;
import io.github.infisicalstarter.client.SecretWrite;
import io.github.infisicalstarter.client.SecretsPath;
import io.github.infisicalstarter.config.InfisicalProperties;
import io.github.infisicalstarter.config.SecretsLocation;
import org.jspecify.annotations.Nullable;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.util.Assert;

/**
 * The imperative {@link InfisicalOperations}: the starter's own {@link InfisicalClient}
 * and transport (its TLS settings, fault handling and secret hygiene) with the
 * application's one access token, so application code needs no second login. Transient
 * failures are retried with {@code infisical.retry.*} (writes only when the server
 * certainly did not apply them). An applied write to a folder the application loaded as a
 * property source is read back at once and published as a refresh, through the
 * {@link InfisicalWriteListener}.
 *
 * @since 0.1.0
 */
public final class InfisicalTemplate implements InfisicalOperations {

	private final InfisicalClient client;

	private final AccessTokenManager tokens;

	private final InfisicalProperties properties;

	private final InfisicalWriteListener writeListener;

	/**
	 * Create a template.
	 * @param client the client of the starter
	 * @param tokens the application's access-token manager
	 * @param properties the {@code infisical.*} properties (default project and
	 * environment, retry settings)
	 * @param writeListener told about every applied write
	 */
	public InfisicalTemplate(InfisicalClient client, AccessTokenManager tokens, InfisicalProperties properties,
			InfisicalWriteListener writeListener) {
		Assert.notNull(client, "'client' must not be null");
		Assert.notNull(tokens, "'tokens' must not be null");
		Assert.notNull(properties, "'properties' must not be null");
		Assert.notNull(writeListener, "'writeListener' must not be null");
		this.client = client;
		this.tokens = tokens;
		this.properties = properties;
		this.writeListener = writeListener;
	}

	@Override
	public SecretsPath path(String secretPath) {
		return TemplateSupport.path(this.properties, secretPath);
	}

	@Override
	public List<InfisicalSecret> listSecrets(SecretsLocation location) {
		return TemplateSupport.merge(location, call(true, (token) -> this.client.listSecrets(location, token, null)));
	}

	@Override
	public InfisicalSecret getSecret(SecretsPath path, String key) {
		return call(true, (token) -> this.client.getSecret(path, key, null, token));
	}

	@Override
	public InfisicalSecret getSecret(SecretsPath path, String key, int version) {
		return call(true, (token) -> this.client.getSecret(path, key, version, token));
	}

	@Override
	public SecretWrite createSecret(SecretsPath path, String key, String value, @Nullable String comment) {
		return written(path, call(false, (token) -> this.client.createSecret(path, key, value, comment, token)));
	}

	@Override
	public SecretWrite updateSecret(SecretsPath path, String key, SecretUpdate update) {
		return written(path, call(false, (token) -> this.client.updateSecret(path, key, update, token)));
	}

	@Override
	public SecretWrite deleteSecret(SecretsPath path, String key) {
		return written(path, call(false, (token) -> this.client.deleteSecret(path, key, token)));
	}

	@Override
	public List<InfisicalFolder> listFolders(SecretsPath path) {
		return call(true, (token) -> this.client.listFolders(path, token));
	}

	@Override
	public InfisicalFolder createFolder(SecretsPath parent, String name) {
		return call(false, (token) -> this.client.createFolder(parent, name, token));
	}

	private SecretWrite written(SecretsPath path, SecretWrite write) {
		if (write.isApplied()) {
			this.writeListener.secretsWritten(path);
		}
		return write;
	}

	private <T> T call(boolean read, Function<String, T> call) {
		try {
			return this.tokens.execute(call);
		}
		catch (RuntimeException ex) {
			InfisicalProperties.Retry retry = this.properties.retry();
			if (!TemplateSupport.isRetryable(ex, read) || retry.maxAttempts() <= 1) {
				throw ex;
			}
			// built only after a first failure: a healthy call pays nothing for it
			RetryPolicy policy = RetryPolicy.builder()
				.maxRetries(retry.maxAttempts() - 2)
				.delay((ex instanceof InfisicalApiException api && api.getRetryAfter() != null) ? api.getRetryAfter()
						: retry.initialInterval())
				.multiplier(retry.multiplier())
				.maxDelay(retry.maxInterval())
				.timeout(retry.deadline())
				.predicate((failure) -> TemplateSupport.isRetryable(failure, read))
				.build();
			return new RetryTemplate(policy).invoke(() -> this.tokens.execute(call));
		}
	}

	@Override
	public String toString() {
		return "InfisicalTemplate[" + this.client.getSiteUrl() + "]";
	}

}
