package io.github.infisicalstarter.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * The {@code infisical.*} properties. They describe how to reach and log in to Infisical
 * and the default secret location; {@link #locations()} and {@code spring.config.import}
 * locations inherit from them.
 *
 * @param enabled Whether to load secrets from Infisical.
 * @param siteUrl URL of the Infisical instance, or 'us' or 'eu' for the regions of
 * Infisical Cloud.
 * @param clientId Client ID of the machine identity's Universal Auth.
 * @param clientSecret Client secret of the machine identity's Universal Auth.
 * @param projectId ID of the project to read secrets from.
 * @param environment Slug of the environment to read secrets from, such as 'dev'.
 * @param secretPath Path of the folder to read secrets from.
 * @param recursive Whether to include the secrets of all sub-folders.
 * @param include Patterns of the keys to load, with '*' as a wildcard. When empty, every
 * key is loaded.
 * @param exclude Patterns of the keys to leave out, with '*' as a wildcard.
 * @param includeImports Whether to merge the secrets imported into the folder, as
 * Infisical's own clients do.
 * @param expandReferences Whether the server expands references such as ${KEY} in secret
 * values.
 * @param pathAsPrefix Whether the keys of sub-folders are prefixed with their folder path
 * ('/db/PASSWORD' becomes 'db.PASSWORD') instead of colliding.
 * @param prefix Prefix added to every key of the location.
 * @param tags Slugs of the tags a secret must carry (any of them) to be loaded.
 * @param relaxedNames Whether an environment-variable-style key such as 'DB_PASSWORD' is
 * also readable as 'db.password'.
 * @param failFast Whether to stop start-up when a location that is not optional cannot be
 * loaded. When false, a warning is logged and start-up goes on.
 * @param locations Further locations to load, each inheriting what it leaves unset from
 * these properties. Each entry takes project-id, environment, secret-path, recursive,
 * include-imports, expand-references, path-as-prefix, prefix, tags, include, exclude and
 * optional.
 * @param http HTTP client settings.
 * @param ssl TLS settings.
 * @param token Access token lifecycle settings.
 * @param refresh Settings for keeping secrets fresh while the application runs.
 * @param retry Settings for retrying transient failures at start-up.
 * @since 0.1.0
 */
@ConfigurationProperties(InfisicalProperties.PREFIX)
public record InfisicalProperties(Boolean enabled, String siteUrl, @Nullable String clientId,
		@Nullable String clientSecret, @Nullable String projectId, @Nullable String environment, String secretPath,
		boolean recursive, Boolean includeImports, Boolean expandReferences, boolean pathAsPrefix, String prefix,
		@Nullable List<String> tags, @Nullable List<String> include, @Nullable List<String> exclude,
		Boolean relaxedNames, Boolean failFast, @Nullable List<Location> locations, Http http, Ssl ssl, Token token,
		Refresh refresh, Retry retry) {

	/** The prefix of all properties. */
	public static final String PREFIX = "infisical";

	/** Infisical Cloud, US region. */
	public static final String US_SITE_URL = "https://app.infisical.com";

	/** Infisical Cloud, EU region. */
	public static final String EU_SITE_URL = "https://eu.infisical.com";

	/**
	 * Apply the defaults of everything left unset. The binder passes {@code null} for
	 * those (the defaults are written here rather than as {@code @DefaultValue}, which
	 * Spring Boot would parse and convert on every start-up; the IDE metadata carries
	 * them from {@code additional-spring-configuration-metadata.json}, checked by a
	 * test).
	 */
	public InfisicalProperties {
		enabled = (enabled != null) ? enabled : Boolean.TRUE;
		siteUrl = (siteUrl != null) ? siteUrl : US_SITE_URL;
		secretPath = (secretPath != null) ? secretPath : "/";
		includeImports = (includeImports != null) ? includeImports : Boolean.TRUE;
		expandReferences = (expandReferences != null) ? expandReferences : Boolean.TRUE;
		prefix = (prefix != null) ? prefix : "";
		relaxedNames = (relaxedNames != null) ? relaxedNames : Boolean.TRUE;
		failFast = (failFast != null) ? failFast : Boolean.TRUE;
		tags = (tags != null) ? List.copyOf(tags) : List.of();
		include = (include != null) ? List.copyOf(include) : List.of();
		exclude = (exclude != null) ? List.copyOf(exclude) : List.of();
		locations = (locations != null) ? List.copyOf(locations) : List.of();
		http = (http != null) ? http : Http.defaults();
		ssl = (ssl != null) ? ssl : new Ssl(null);
		token = (token != null) ? token : Token.defaults();
		refresh = (refresh != null) ? refresh : Refresh.defaults();
		retry = (retry != null) ? retry : Retry.defaults();
	}

	/**
	 * Create properties with every default, as if nothing was configured.
	 * @return default properties
	 */
	public static InfisicalProperties defaults() {
		return new InfisicalProperties(null, null, null, null, null, null, null, false, null, null, false, null, null,
				null, null, null, null, null, null, null, null, null, null);
	}

	/**
	 * Return the site URL with region shortcuts expanded and without a trailing slash.
	 * @return the base URL of the API
	 * @throws InfisicalConfigurationException if the URL is malformed
	 */
	public String resolvedSiteUrl() {
		String value = this.siteUrl.trim();
		String shortcut = value.toLowerCase(Locale.ROOT);
		if (shortcut.equals("us")) {
			return US_SITE_URL;
		}
		if (shortcut.equals("eu")) {
			return EU_SITE_URL;
		}
		try {
			URI uri = new URI(value);
			if (uri.getRawUserInfo() != null) {
				// the site URL is shown in messages and logs: no credentials in it
				throw new InfisicalConfigurationException(PREFIX + ".site-url",
						"Infisical property 'infisical.site-url' contains user credentials ('user:password@').",
						"Remove them from infisical.site-url; Infisical authenticates with infisical.client-id and infisical.client-secret.");
			}
			String scheme = uri.getScheme();
			if (scheme == null || uri.getHost() == null
					|| !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
				throw malformedSiteUrl(value);
			}
		}
		catch (URISyntaxException ex) {
			throw malformedSiteUrl(value);
		}
		return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
	}

	/**
	 * Check every value before anything is sent to the server: no unresolved {@code ${…}}
	 * placeholder (its variable is not set) and every duration, ratio and count within
	 * its range.
	 * @throws InfisicalConfigurationException naming the property (and the missing
	 * variable), never a value
	 */
	public void validate() {
		InfisicalPropertiesValidation.validate(this);
	}

	/**
	 * Check that the Universal Auth credentials are set.
	 * @throws InfisicalConfigurationException naming the missing property
	 */
	public void validateCredentials() {
		resolvedSiteUrl();
		require(this.clientId, "client-id", "the client id of a machine identity's Universal Auth");
		require(this.clientSecret, "client-secret", "the client secret of a machine identity's Universal Auth");
	}

	private static void require(@Nullable String value, String name, String what) {
		if (!StringUtils.hasText(value)) {
			throw new InfisicalConfigurationException(PREFIX + "." + name,
					"Infisical property '" + PREFIX + "." + name + "' is not set.",
					"Set " + PREFIX + "." + name + " to " + what + " (for example from an environment variable).");
		}
	}

	private static InfisicalConfigurationException malformedSiteUrl(String value) {
		return new InfisicalConfigurationException(PREFIX + ".site-url",
				"Infisical property 'infisical.site-url' is not a valid http(s) URL: '" + value + "'.",
				"Set infisical.site-url to the URL of your Infisical instance, e.g. https://app.infisical.com, or to 'us' or 'eu'.");
	}

	@Override
	public String toString() {
		return "InfisicalProperties[siteUrl=" + this.siteUrl + ", clientId=" + this.clientId + ", clientSecret="
				+ ((this.clientSecret != null) ? "****" : "null") + ", projectId=" + this.projectId + ", environment="
				+ this.environment + ", secretPath=" + this.secretPath + "]";
	}

	/**
	 * One more location for the zero-configuration entry point. Unset values are
	 * inherited.
	 *
	 * @param projectId ID of the project to read secrets from.
	 * @param environment Slug of the environment to read secrets from.
	 * @param secretPath Path of the folder to read secrets from.
	 * @param recursive Whether to include the secrets of all sub-folders.
	 * @param include Patterns of the keys to load, with '*' as a wildcard.
	 * @param exclude Patterns of the keys to leave out, with '*' as a wildcard.
	 * @param includeImports Whether to merge the secrets imported into the folder.
	 * @param expandReferences Whether the server expands references in secret values.
	 * @param pathAsPrefix Whether the keys of sub-folders are prefixed with their folder
	 * path.
	 * @param prefix Prefix added to every key of the location.
	 * @param tags Slugs of the tags a secret must carry (any of them) to be loaded.
	 * @param optional Whether a failure to load this location is only logged as a
	 * warning.
	 */
	public record Location(@Nullable String projectId, @Nullable String environment, @Nullable String secretPath,
			@Nullable Boolean recursive, @Nullable Boolean includeImports, @Nullable Boolean expandReferences,
			@Nullable Boolean pathAsPrefix, @Nullable String prefix, @Nullable List<String> tags,
			@Nullable List<String> include, @Nullable List<String> exclude, boolean optional) {

	}

	/**
	 * HTTP client settings.
	 *
	 * @param connectTimeout Timeout for establishing a connection to Infisical.
	 * @param readTimeout Timeout for reading an answer from Infisical.
	 */
	public record Http(@DefaultValue("5s") Duration connectTimeout, @DefaultValue("15s") Duration readTimeout) {

		static Http defaults() {
			return new Http(Duration.ofSeconds(5), Duration.ofSeconds(15));
		}

	}

	/**
	 * TLS settings. Certificate and host-name verification are always on.
	 *
	 * @param bundle Name of the SSL bundle (spring.ssl.bundle.*) that holds the trust
	 * material, and the client certificate if any, for the Infisical server.
	 */
	public record Ssl(@Nullable String bundle) {

	}

	/**
	 * Access-token lifecycle settings.
	 *
	 * @param renewAt Share of a token's lifetime, between 0 and 1, after which it is
	 * renewed.
	 * @param revokeOnShutdown Whether to revoke the access token when the application
	 * stops.
	 */
	public record Token(@DefaultValue("0.66") double renewAt, @DefaultValue("true") boolean revokeOnShutdown) {

		static Token defaults() {
			return new Token(0.66, true);
		}

	}

	/**
	 * Settings for keeping secrets fresh while the application runs.
	 *
	 * @param enabled Whether to poll Infisical and refresh secrets while the application
	 * runs.
	 * @param interval Time between two polls of every location.
	 * @param jitter Upper bound of a random delay added to each interval, so that a fleet
	 * of instances does not poll in step.
	 * @param events Infisical event subscriptions, which push changes as they happen.
	 */
	public record Refresh(@DefaultValue("true") boolean enabled, @DefaultValue("60s") Duration interval,
			@DefaultValue("10s") Duration jitter, Events events) {

		/**
		 * Apply the defaults of the event settings when none are configured (the binder
		 * passes {@code null} then).
		 */
		public Refresh {
			events = (events != null) ? events : Events.defaults();
		}

		static Refresh defaults() {
			return new Refresh(true, Duration.ofSeconds(60), Duration.ofSeconds(10), Events.defaults());
		}

	}

	/**
	 * Infisical event subscriptions (Server-Sent Events, Enterprise plan): one stream per
	 * project tells the application of every change of its locations, so changes arrive
	 * within a second and polling slows to a safety net.
	 *
	 * @param enabled Whether to subscribe to Infisical's project events and refresh on
	 * each change. Servers or plans without the feature fall back to polling with one
	 * warning.
	 * @param safetyInterval Time between two polls while every event stream is connected;
	 * polling returns to infisical.refresh.interval while a stream is down.
	 * @param pingInterval How often the server sends a ping on an event stream (15 s on
	 * Infisical). A stream silent for three ping intervals is treated as dead and
	 * reconnected.
	 */
	public record Events(@DefaultValue("false") boolean enabled, @DefaultValue("10m") Duration safetyInterval,
			@DefaultValue("15s") Duration pingInterval) {

		static Events defaults() {
			return new Events(false, Duration.ofMinutes(10), Duration.ofSeconds(15));
		}

	}

	/**
	 * Start-up retry settings for transient failures (connection refused or reset,
	 * timeouts, 429 and 5xx). Permanent failures are never retried.
	 *
	 * @param maxAttempts Maximum number of attempts, the first one included.
	 * @param initialInterval Delay before the first retry.
	 * @param multiplier Factor applied to the delay after each retry.
	 * @param maxInterval Maximum delay between two attempts.
	 * @param deadline Maximum time spent on an operation and its retries.
	 */
	public record Retry(@DefaultValue("10") int maxAttempts, @DefaultValue("1s") Duration initialInterval,
			@DefaultValue("1.5") double multiplier, @DefaultValue("5s") Duration maxInterval,
			@DefaultValue("30s") Duration deadline) {

		static Retry defaults() {
			return new Retry(10, Duration.ofSeconds(1), 1.5, Duration.ofSeconds(5), Duration.ofSeconds(30));
		}

	}

}
