package io.github.infisicalstarter.auth;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import io.github.infisicalstarter.InfisicalException;
import io.github.infisicalstarter.client.InfisicalLoginClient;
import io.github.infisicalstarter.client.PlatformAnswer;
import org.jspecify.annotations.Nullable;

/**
 * One call to a cloud's metadata service (GCE/GKE metadata server, Azure IMDS) for the
 * credential of a login, asked anew at every login because these tokens are short-lived.
 * Failures become one sentence naming the service's URL and the likely cause, never the
 * answer's body, which would be a token.
 *
 * @param service the service's name for messages, e.g. "GCP metadata server"
 * @param unreachableHint the likely cause when nothing answers, e.g. "not running on
 * GCE/GKE?"
 * @param property the property that overrides the service's base URL
 * @since 0.1.0
 */
record PlatformMetadata(String service, String unreachableHint, String property) {

	/**
	 * Send the GET and return a successful answer.
	 * @param client the client whose transport sends it
	 * @param url the endpoint with its query
	 * @param headers the headers the service requires
	 * @param refusalAdvice what to check when the service refuses
	 * @return the successful answer
	 * @throws InfisicalException when the service cannot be reached or refuses
	 */
	PlatformAnswer get(InfisicalLoginClient client, URI url, Map<String, String> headers, String refusalAdvice) {
		String where = withoutQuery(url);
		PlatformAnswer answer;
		try {
			answer = client.platformGet(url, headers);
		}
		catch (IOException | RuntimeException ex) {
			throw new InfisicalException(
					"The " + this.service + " at " + where + " could not be reached (" + ex.getClass().getSimpleName()
							+ "): " + this.unreachableHint,
					"Run the application where the " + this.service + " answers, or set " + this.property
							+ " to its base URL.",
					null);
		}
		if (!answer.isSuccessful()) {
			String reason = reason(answer);
			throw new InfisicalException("The " + this.service + " at " + where + " answered " + answer.status()
					+ ((reason != null) ? ": " + reason : "") + ".", refusalAdvice, null);
		}
		return answer;
	}

	/**
	 * The error a metadata service gives in its JSON error body (Azure IMDS:
	 * {@code error_description}), shortened; never a token.
	 */
	private static @Nullable String reason(PlatformAnswer answer) {
		String description = answer.jsonField("error_description");
		if (description == null) {
			description = answer.jsonField("error");
		}
		if (description == null) {
			return null;
		}
		return (description.length() > 200) ? description.substring(0, 200) + "..." : description;
	}

	private static String withoutQuery(URI url) {
		String text = url.toString();
		int query = text.indexOf('?');
		return (query < 0) ? text : text.substring(0, query);
	}

}
