package io.github.infisicalstarter.client;

import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Which secrets API a server speaks: v4 ({@code /api/v4/secrets}, {@code projectId}) or,
 * on servers older than v4, v3 raw ({@code /api/v3/secrets/raw}, {@code workspaceId}).
 * Shared by every client of one server, so that the property sources, the templates and
 * the reactive template learn "no v4" once.
 *
 * @since 0.1.0
 */
public final class ApiGeneration {

	private static final Log logger = LogFactory.getLog(ApiGeneration.class);

	private final String siteUrl;

	private volatile boolean v4Missing;

	/**
	 * Create a holder that starts with v4.
	 * @param siteUrl the server's URL, for the one log line when it falls back
	 */
	public ApiGeneration(String siteUrl) {
		this.siteUrl = siteUrl;
	}

	/**
	 * Return the routes to use now.
	 * @return the v4 or the v3 routes
	 */
	public Routes current() {
		return this.v4Missing ? Routes.V3 : Routes.V4;
	}

	/**
	 * Run a call on the current routes and, when the server has no v4 route, remember
	 * that and run it again on v3.
	 * @param <T> the result type
	 * @param call the call, given the routes
	 * @return the result
	 */
	public <T> T call(Function<Routes, T> call) {
		Routes routes = current();
		try {
			return call.apply(routes);
		}
		catch (InfisicalApiException ex) {
			if (routes != Routes.V4 || !fallBack(ex)) {
				throw ex;
			}
			return call.apply(Routes.V3);
		}
	}

	/**
	 * Switch to v3 when the failure says that the server has no v4 route.
	 * @param ex the failure of a v4 call
	 * @return whether the call should be repeated on v3
	 */
	public boolean fallBack(Throwable ex) {
		if (!(ex instanceof InfisicalApiException api) || api.getKind() != InfisicalApiException.Kind.MISSING_ROUTE) {
			return false;
		}
		if (!this.v4Missing) {
			this.v4Missing = true;
			logger.info("Infisical at " + this.siteUrl + " has no v4 API; using " + Routes.V3.secrets());
		}
		return true;
	}

	/**
	 * Return the name of the API in use, {@code v4} or {@code v3}.
	 * @return the name
	 */
	@Override
	public String toString() {
		return this.v4Missing ? "v3" : "v4";
	}

	/**
	 * The routes and parameter names of one API generation.
	 *
	 * @param secrets the path of the secrets list, single secrets below it
	 * @param projectParameter the name of the project parameter
	 */
	public record Routes(String secrets, String projectParameter) {

		/** The v4 routes. */
		public static final Routes V4 = new Routes("/api/v4/secrets", "projectId");

		/** The v3 raw routes of servers older than v4. */
		public static final Routes V3 = new Routes("/api/v3/secrets/raw", "workspaceId");

	}

}
