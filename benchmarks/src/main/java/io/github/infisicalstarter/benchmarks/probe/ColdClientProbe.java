package io.github.infisicalstarter.benchmarks.probe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An experiment for "where the time goes": the cost, in a fresh JVM, of the starter's two
 * start-up requests (login, list secrets) on a bare {@code HttpURLConnection}, as the
 * starter's transport sends them, against the same two requests through the HTTP stacks
 * it could have used instead (Spring's {@code RestClient}, or a request factory that
 * Boot's {@code ClientHttpRequestFactoryBuilder} builds). Both read the raw bytes only
 * (JSON parsing is the same either way). Spring classes are reached by reflection because
 * this module compiles without spring-web (see the pom).
 * <p>
 * Arguments: {@code restclient|factory-simple|factory-jdk|urlconnection}, the server URL,
 * client id, client secret, project id. Prints {@code BENCH coldMs=... classes=...}.
 */
public final class ColdClientProbe {

	private static final Pattern TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");

	private ColdClientProbe() {
	}

	public static void main(String[] args) throws Exception {
		String mode = args[0];
		String url = args[1];
		String login = "{\"clientId\":\"" + args[2] + "\",\"clientSecret\":\"" + args[3] + "\"}";
		String list = "/api/v4/secrets?projectId=" + args[4] + "&environment=dev&secretPath=/&recursive=false"
				+ "&include_imports=true&expandSecretReferences=true&viewSecretValue=true";
		long classesBefore = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
		long start = System.nanoTime();
		int bytes = switch (mode) {
			case "urlconnection" -> urlConnection(url, login, list);
			case "restclient" -> restClient(url, login, list);
			case "factory-simple", "factory-jdk" -> factory(mode.substring("factory-".length()), url, login, list);
			default -> throw new IllegalArgumentException(mode);
		};
		long elapsed = System.nanoTime() - start;
		long classes = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount() - classesBefore;
		System.out.println(
				"BENCH mode=" + mode + " coldMs=" + elapsed / 1_000_000 + " classes=" + classes + " bytes=" + bytes);
	}

	private static int urlConnection(String url, String login, String list) throws IOException {
		HttpURLConnection post = (HttpURLConnection) URI.create(url + "/api/v1/auth/universal-auth/login")
			.toURL()
			.openConnection();
		post.setConnectTimeout(5000);
		post.setReadTimeout(15000);
		post.setRequestMethod("POST");
		post.setDoOutput(true);
		post.setRequestProperty("Content-Type", "application/json");
		post.setRequestProperty("Accept", "application/json");
		try (OutputStream out = post.getOutputStream()) {
			out.write(login.getBytes(StandardCharsets.UTF_8));
		}
		String token = token(read(post.getInputStream()));
		HttpURLConnection get = (HttpURLConnection) URI.create(url + list).toURL().openConnection();
		get.setConnectTimeout(5000);
		get.setReadTimeout(15000);
		get.setRequestProperty("Authorization", "Bearer " + token);
		get.setRequestProperty("Accept", "application/json");
		return read(get.getInputStream()).length;
	}

	private static int restClient(String url, String login, String list) throws Exception {
		ClassLoader loader = ColdClientProbe.class.getClassLoader();
		Object factory = requestFactory(loader, "simple");
		Class<?> restClientType = loader.loadClass("org.springframework.web.client.RestClient");
		Class<?> builderType = loader.loadClass("org.springframework.web.client.RestClient$Builder");
		Object builder = restClientType.getMethod("builder").invoke(null);
		builderType.getMethod("baseUrl", String.class).invoke(builder, url);
		builderType
			.getMethod("requestFactory", loader.loadClass("org.springframework.http.client.ClientHttpRequestFactory"))
			.invoke(builder, factory);
		Object converter = loader.loadClass("org.springframework.http.converter.ByteArrayHttpMessageConverter")
			.getConstructor()
			.newInstance();
		builderType.getMethod("messageConverters", Iterable.class).invoke(builder, List.of(converter));
		Object client = builderType.getMethod("build").invoke(builder);

		Class<?> uriSpec = loader.loadClass("org.springframework.web.client.RestClient$UriSpec");
		Class<?> headersSpec = loader.loadClass("org.springframework.web.client.RestClient$RequestHeadersSpec");
		Class<?> bodySpec = loader.loadClass("org.springframework.web.client.RestClient$RequestBodySpec");
		Class<?> responseSpec = loader.loadClass("org.springframework.web.client.RestClient$ResponseSpec");
		Class<?> mediaType = loader.loadClass("org.springframework.http.MediaType");
		Object json = mediaType.getField("APPLICATION_JSON").get(null);

		Object post = restClientType.getMethod("post").invoke(client);
		post = uriSpec.getMethod("uri", String.class, Object[].class)
			.invoke(post, "/api/v1/auth/universal-auth/login", new Object[0]);
		bodySpec.getMethod("contentType", mediaType).invoke(post, json);
		bodySpec.getMethod("body", Object.class).invoke(post, login.getBytes(StandardCharsets.UTF_8));
		Object retrieved = headersSpec.getMethod("retrieve").invoke(post);
		byte[] answer = (byte[]) responseSpec.getMethod("body", Class.class).invoke(retrieved, byte[].class);
		String token = token(answer);

		Object get = restClientType.getMethod("get").invoke(client);
		get = uriSpec.getMethod("uri", String.class, Object[].class).invoke(get, list, new Object[0]);
		headersSpec.getMethod("header", String.class, String[].class)
			.invoke(get, "Authorization", new String[] { "Bearer " + token });
		retrieved = headersSpec.getMethod("retrieve").invoke(get);
		return ((byte[]) responseSpec.getMethod("body", Class.class).invoke(retrieved, byte[].class)).length;
	}

	/**
	 * The starter's transport: a {@code ClientHttpRequestFactory} from Boot's builder
	 * ({@code simple()} = {@code HttpURLConnection}, {@code jdk()} = the JDK
	 * {@code HttpClient}) used directly, without {@code RestClient}.
	 */
	private static int factory(String kind, String url, String login, String list) throws Exception {
		ClassLoader loader = ColdClientProbe.class.getClassLoader();
		Object factory = requestFactory(loader, kind);
		Class<?> factoryType = loader.loadClass("org.springframework.http.client.ClientHttpRequestFactory");
		Class<?> methodType = loader.loadClass("org.springframework.http.HttpMethod");
		Class<?> requestType = loader.loadClass("org.springframework.http.client.ClientHttpRequest");
		Class<?> messageType = loader.loadClass("org.springframework.http.HttpMessage");
		Class<?> outputType = loader.loadClass("org.springframework.http.HttpOutputMessage");
		Class<?> inputType = loader.loadClass("org.springframework.http.HttpInputMessage");
		Class<?> headersType = loader.loadClass("org.springframework.http.HttpHeaders");
		Object post = factoryType.getMethod("createRequest", URI.class, methodType)
			.invoke(factory, URI.create(url + "/api/v1/auth/universal-auth/login"),
					methodType.getField("POST").get(null));
		Object headers = messageType.getMethod("getHeaders").invoke(post);
		headersType.getMethod("set", String.class, String.class).invoke(headers, "Content-Type", "application/json");
		byte[] body = login.getBytes(StandardCharsets.UTF_8);
		headersType.getMethod("setContentLength", long.class).invoke(headers, (long) body.length);
		try (OutputStream out = (OutputStream) outputType.getMethod("getBody").invoke(post)) {
			out.write(body);
		}
		String token;
		try (AutoCloseable response = (AutoCloseable) requestType.getMethod("execute").invoke(post)) {
			token = token(read((InputStream) inputType.getMethod("getBody").invoke(response)));
		}
		Object get = factoryType.getMethod("createRequest", URI.class, methodType)
			.invoke(factory, URI.create(url + list), methodType.getField("GET").get(null));
		headers = messageType.getMethod("getHeaders").invoke(get);
		headersType.getMethod("set", String.class, String.class).invoke(headers, "Authorization", "Bearer " + token);
		try (AutoCloseable response = (AutoCloseable) requestType.getMethod("execute").invoke(get)) {
			return read((InputStream) inputType.getMethod("getBody").invoke(response)).length;
		}
	}

	/** A request factory as Boot's {@code ClientHttpRequestFactoryBuilder} builds it. */
	private static Object requestFactory(ClassLoader loader, String kind) throws Exception {
		Class<?> settingsType = loader.loadClass("org.springframework.boot.http.client.HttpClientSettings");
		Object settings = settingsType.getMethod("defaults").invoke(null);
		settings = settingsType.getMethod("withTimeouts", Duration.class, Duration.class)
			.invoke(settings, Duration.ofSeconds(5), Duration.ofSeconds(15));
		Class<?> factoryBuilderType = loader
			.loadClass("org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder");
		Object factoryBuilder = factoryBuilderType.getMethod(kind).invoke(null);
		return factoryBuilderType.getMethod("build", settingsType).invoke(factoryBuilder, settings);
	}

	private static String token(byte[] answer) {
		Matcher matcher = TOKEN.matcher(new String(answer, StandardCharsets.UTF_8));
		if (!matcher.find()) {
			throw new IllegalStateException("No access token in the login answer");
		}
		return matcher.group(1);
	}

	private static byte[] read(InputStream in) throws IOException {
		try (in) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			in.transferTo(out);
			return out.toByteArray();
		}
	}

}
