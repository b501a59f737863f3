package io.github.infisicalstarter.core;

import java.util.List;
import java.util.function.Function;

import io.github.infisicalstarter.auth.AccessTokenManager;
import io.github.infisicalstarter.client.InfisicalApiException;
import io.github.infisicalstarter.client.InfisicalFolder;
import io.github.infisicalstarter.client.InfisicalSecret;
import io.github.infisicalstarter.client.ReactiveInfisicalClient;
import io.github.infisicalstarter.client.SecretUpdate;
import io.github.infisicalstarter.client.SecretWrite;
import io.github.infisicalstarter.client.SecretsPath;
import io.github.infisicalstarter.config.InfisicalProperties;
import io.github.infisicalstarter.config.SecretsLocation;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import org.springframework.util.Assert;

/**
 * The reactive {@link ReactiveInfisicalOperations}, over the starter's own
 * {@link ReactiveInfisicalClient} and the application's one access token. The token is
 * taken without blocking: the cached one when valid, else a login run on the token
 * manager's own thread (shared with every concurrent caller). A token the server rejects
 * is replaced once, as for the imperative template; transient failures are retried with
 * {@code infisical.retry.*}; applied writes reach the application's property sources at
 * once through the {@link InfisicalWriteListener}, on a worker thread.
 *
 * @since 0.1.0
 */
public final class ReactiveInfisicalTemplate implements ReactiveInfisicalOperations {

	private final ReactiveInfisicalClient client;

	private final AccessTokenManager tokens;

	private final InfisicalProperties properties;

	private final InfisicalWriteListener writeListener;

	/**
	 * Create a template.
	 * @param client the reactive client of the starter
	 * @param tokens the application's access-token manager
	 * @param properties the {@code infisical.*} properties
	 * @param writeListener told about every applied write
	 */
	public ReactiveInfisicalTemplate(ReactiveInfisicalClient client, AccessTokenManager tokens,
			InfisicalProperties properties, InfisicalWriteListener writeListener) {
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
	public Flux<InfisicalSecret> listSecrets(SecretsLocation location) {
		return call(true, (token) -> this.client.listSecrets(location, token))
			.flatMapIterable((response) -> TemplateSupport.merge(location, response));
	}

	@Override
	public Mono<InfisicalSecret> getSecret(SecretsPath path, String key) {
		return call(true, (token) -> this.client.getSecret(path, key, null, token));
	}

	@Override
	public Mono<InfisicalSecret> getSecret(SecretsPath path, String key, int version) {
		return call(true, (token) -> this.client.getSecret(path, key, version, token));
	}

	@Override
	public Mono<SecretWrite> createSecret(SecretsPath path, String key, String value, @Nullable String comment) {
		return written(path, call(false, (token) -> this.client.createSecret(path, key, value, comment, token)));
	}

	@Override
	public Mono<SecretWrite> updateSecret(SecretsPath path, String key, SecretUpdate update) {
		return written(path, call(false, (token) -> this.client.updateSecret(path, key, update, token)));
	}

	@Override
	public Mono<SecretWrite> deleteSecret(SecretsPath path, String key) {
		return written(path, call(false, (token) -> this.client.deleteSecret(path, key, token)));
	}

	@Override
	public Mono<List<InfisicalFolder>> listFolders(SecretsPath path) {
		return call(true, (token) -> this.client.listFolders(path, token));
	}

	@Override
	public Mono<InfisicalFolder> createFolder(SecretsPath parent, String name) {
		return call(false, (token) -> this.client.createFolder(parent, name, token));
	}

	/**
	 * Tell the listener about an applied write on a worker thread: it reads the location
	 * again with a blocking call, which must stay off the event loop.
	 */
	private Mono<SecretWrite> written(SecretsPath path, Mono<SecretWrite> write) {
		return write.flatMap((result) -> !result.isApplied() ? Mono.just(result)
				: Mono.fromRunnable(() -> this.writeListener.secretsWritten(path))
					.subscribeOn(Schedulers.boundedElastic())
					.thenReturn(result));
	}

	private <T> Mono<T> call(boolean read, Function<String, Mono<T>> call) {
		InfisicalProperties.Retry retry = this.properties.retry();
		Mono<T> once = Mono.fromFuture(this.tokens::tokenAsync)
			.flatMap((token) -> call.apply(token)
				.onErrorResume((ex) -> ex instanceof InfisicalApiException api && api.isTokenRejected(),
						(ex) -> Mono.fromFuture(() -> this.tokens.replaceAsync(token)).flatMap(call)));
		if (retry.maxAttempts() <= 1) {
			return once;
		}
		return once.retryWhen(Retry.backoff(retry.maxAttempts() - 1, retry.initialInterval())
			.maxBackoff(retry.maxInterval())
			.filter((ex) -> TemplateSupport.isRetryable(ex, read))
			.onRetryExhaustedThrow((spec, signal) -> signal.failure()));
	}

	@Override
	public String toString() {
		return "ReactiveInfisicalTemplate[" + this.client + "]";
	}

}
