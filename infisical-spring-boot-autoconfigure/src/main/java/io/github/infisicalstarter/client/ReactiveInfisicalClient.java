package io.github.infisicalstarter.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;

import io.github.infisicalstarter.client.ApiGeneration.Routes;
import io.github.infisicalstarter.client.InfisicalHttpTransport.ResponseReader;
import io.github.infisicalstarter.config.SecretsLocation;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * The secrets and folders routes of the Infisical API for reactive applications, over a
 * {@link WebClient} that this client builds itself on the connector the application has
 * ({@link ClientHttpConnectorBuilder#detect()} of {@code spring-boot-http-client}) with
 * the same timeouts and SSL bundle as {@link InfisicalHttpTransport}. Never the
 * application's {@code WebClient.Builder}: its customizers (a body-logging filter, for
 * example) would see secret values. It sends exactly the requests of
 * {@link InfisicalClient}, shares its {@link ApiGeneration}, reads answers with the same
 * streaming parser (after joining the body, so no thread ever waits for I/O) and fails
 * with the same {@link InfisicalApiException}s.
 *
 * @since 0.1.0
 */
public final class ReactiveInfisicalClient {

	private final InfisicalHttpTransport transport;

	private final ApiGeneration generation;

	private final WebClient webClient;

	/**
	 * Create a client that talks to the same server as the given one.
	 * @param client the imperative client whose settings and API generation are shared
	 */
	public ReactiveInfisicalClient(InfisicalClient client) {
		this.transport = client.getTransport();
		this.generation = client.getGeneration();
		this.webClient = WebClient.builder()
			.clientConnector(ClientHttpConnectorBuilder.detect().build(bootSettings(this.transport.getSettings())))
			.build();
	}

	private static HttpClientSettings bootSettings(ConnectionSettings settings) {
		return HttpClientSettings.defaults()
			.withTimeouts(settings.connectTimeout(), settings.readTimeout())
			.withSslBundle(settings.sslBundle());
	}

	/**
	 * List the secrets of a location.
	 * @param location what to list
	 * @param accessToken the bearer token
	 * @return the answer
	 */
	public Mono<SecretsResponse> listSecrets(SecretsLocation location, String accessToken) {
		return send(ApiCall.list(location, accessToken, null));
	}

	/**
	 * Read one secret.
	 * @param path the folder
	 * @param key the key
	 * @param version the version, or {@code null} for the current one
	 * @param accessToken the bearer token
	 * @return the secret
	 */
	public Mono<InfisicalSecret> getSecret(SecretsPath path, String key, @Nullable Integer version,
			String accessToken) {
		return send(ApiCall.get(path, key, version, accessToken));
	}

	/**
	 * Create a secret.
	 * @param path the folder
	 * @param key the key
	 * @param value the value
	 * @param comment a comment, or {@code null}
	 * @param accessToken the bearer token
	 * @return what the write did
	 */
	public Mono<SecretWrite> createSecret(SecretsPath path, String key, String value, @Nullable String comment,
			String accessToken) {
		return send(ApiCall.create(path, key, value, comment, accessToken));
	}

	/**
	 * Update a secret.
	 * @param path the folder
	 * @param key the current key
	 * @param update the changes
	 * @param accessToken the bearer token
	 * @return what the write did
	 */
	public Mono<SecretWrite> updateSecret(SecretsPath path, String key, SecretUpdate update, String accessToken) {
		return send(ApiCall.update(path, key, update, accessToken));
	}

	/**
	 * Delete a secret.
	 * @param path the folder
	 * @param key the key
	 * @param accessToken the bearer token
	 * @return what the write did
	 */
	public Mono<SecretWrite> deleteSecret(SecretsPath path, String key, String accessToken) {
		return send(ApiCall.delete(path, key, accessToken));
	}

	/**
	 * List the folders of a folder.
	 * @param path the parent folder
	 * @param accessToken the bearer token
	 * @return the folders
	 */
	public Mono<List<InfisicalFolder>> listFolders(SecretsPath path, String accessToken) {
		return send(ApiCall.listFolders(path, accessToken));
	}

	/**
	 * Create a folder.
	 * @param parent the parent folder
	 * @param name the folder's name
	 * @param accessToken the bearer token
	 * @return the new folder
	 */
	public Mono<InfisicalFolder> createFolder(SecretsPath parent, String name, String accessToken) {
		return send(ApiCall.createFolder(parent, name, accessToken));
	}

	private <T> Mono<T> send(ApiCall<T> call) {
		Routes routes = this.generation.current();
		return exchange(call.request().apply(routes), call.reader()).onErrorResume(
				(ex) -> routes == Routes.V4 && this.generation.fallBack(ex),
				(ex) -> exchange(call.request().apply(Routes.V3), call.reader()));
	}

	private <T> Mono<T> exchange(ApiRequest request, ResponseReader<T> reader) {
		return Mono.defer(() -> {
			CallObservations.Handle handle = this.transport.getObserver().start(request);
			if (handle == null) {
				return unobserved(request, reader);
			}
			return unobserved(request, (status, headers, body) -> {
				handle.status(status);
				return reader.read(status, headers, body);
			}).doOnError((ex) -> {
				if (ex instanceof InfisicalApiException api && api.getStatus() > 0) {
					handle.status(api.getStatus());
				}
				handle.error(ex);
			}).doFinally((signal) -> handle.stop());
		});
	}

	private <T> Mono<T> unobserved(ApiRequest request, ResponseReader<T> reader) {
		String endpoint = this.transport.endpoint(request);
		WebClient.RequestBodySpec spec = this.webClient.method(request.method())
			.uri(URI.create(this.transport.getSiteUrl() + request.pathAndQuery()))
			.headers((headers) -> headers(headers, request));
		byte[] body = request.body();
		WebClient.RequestHeadersSpec<?> ready = (body != null) ? spec.bodyValue(body) : spec;
		return ready
			.exchangeToMono((response) -> DataBufferUtils
				.join(response.body(BodyExtractors.toDataBuffers()), (int) InfisicalJson.MAX_DOCUMENT_LENGTH)
				.map(ReactiveInfisicalClient::bytes)
				.defaultIfEmpty(new byte[0])
				.map((bytes) -> read(endpoint, request, response.statusCode().value(),
						response.headers().asHttpHeaders(), bytes, reader)))
			.onErrorMap(WebClientRequestException.class, (ex) -> requestFailure(endpoint, ex));
	}

	private static void headers(HttpHeaders headers, ApiRequest request) {
		headers.setAccept(List.of(MediaType.APPLICATION_JSON));
		if (request.bearer() != null) {
			headers.setBearerAuth(request.bearer());
		}
		if (request.ifNoneMatch() != null) {
			headers.setIfNoneMatch(request.ifNoneMatch());
		}
		if (request.body() != null && request.contentType() != null) {
			headers.set(HttpHeaders.CONTENT_TYPE, request.contentType());
			headers.setContentLength(request.body().length);
		}
	}

	private static <T> T read(String endpoint, ApiRequest request, int status, HttpHeaders headers, byte[] body,
			ResponseReader<T> reader) {
		try {
			return InfisicalHttpTransport.readAnswer(endpoint, request, status, ResponseHeaders.of(headers),
					() -> new ByteArrayInputStream(body), () -> new ByteArrayInputStream(body), reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] bytes(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	private static InfisicalApiException requestFailure(String endpoint, WebClientRequestException ex) {
		Throwable cause = ex.getCause();
		if (cause instanceof IOException io) {
			return InfisicalApiFailures.ioFailure(endpoint, io);
		}
		String reason = (cause != null && cause.getClass().getSimpleName().contains("Timeout"))
				? "the server did not answer in time" : "the connection failed";
		return InfisicalApiFailures.interrupted(endpoint, reason, null);
	}

	@Override
	public String toString() {
		return "ReactiveInfisicalClient[" + this.transport.getSiteUrl() + "]";
	}

}
