package io.github.infisicalstarter.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.infisicalstarter.config.InfisicalConfigurationException;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * Checks and reads the credentials of the login methods: required properties and token
 * files. Messages name the property or the file, never what the file holds.
 *
 * @since 0.1.0
 */
final class LoginCredentials {

	private LoginCredentials() {
	}

	/**
	 * Return a required property's value.
	 * @param value the value
	 * @param property the property's full name
	 * @param method the login method that needs it
	 * @param what what the value must be
	 * @return the value, trimmed
	 * @throws InfisicalConfigurationException when the value is missing
	 */
	static String require(@Nullable String value, String property, String method, String what) {
		if (!StringUtils.hasText(value)) {
			throw new InfisicalConfigurationException(property, "Infisical property '" + property
					+ "' is not set (required by infisical.auth.method=" + method + ").",
					"Set " + property + " to " + what + ".");
		}
		return value.trim();
	}

	/**
	 * Read a token file, as it is now (platforms rotate these files).
	 * @param path the file
	 * @param property the property naming the file
	 * @param what what the file holds, e.g. "Kubernetes service-account token"
	 * @return the token, trimmed
	 * @throws InfisicalConfigurationException when the file is missing, unreadable or
	 * empty
	 */
	static String readToken(Path path, String property, String what) {
		String content;
		try {
			content = Files.readString(path, StandardCharsets.UTF_8).trim();
		}
		catch (NoSuchFileException ex) {
			throw new InfisicalConfigurationException(property,
					"The " + what + " file '" + path + "' (" + property + ") does not exist.",
					"Make the platform mount the " + what + " there, or set " + property + " to where it is.");
		}
		catch (AccessDeniedException ex) {
			throw new InfisicalConfigurationException(property,
					"The " + what + " file '" + path + "' (" + property + ") cannot be read: permission denied.",
					"Let the application's user read '" + path + "', or set " + property + " to a readable file.");
		}
		catch (IOException | RuntimeException ex) {
			throw new InfisicalConfigurationException(property,
					"The " + what + " file '" + path + "' (" + property + ") cannot be read: "
							+ ex.getClass().getSimpleName() + ".",
					"Check that '" + path + "' is a readable file holding the " + what + ".");
		}
		if (content.isEmpty()) {
			throw new InfisicalConfigurationException(property,
					"The " + what + " file '" + path + "' (" + property + ") is empty.",
					"Check that the platform writes the " + what + " to '" + path + "'.");
		}
		return content;
	}

	/**
	 * The form of the logins that exchange a JWT for an access token.
	 * @param identityId the machine identity's id
	 * @param jwt the platform's token
	 * @return the form
	 */
	static Map<String, String> jwtForm(String identityId, String jwt) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("identityId", identityId);
		form.put("jwt", jwt);
		return form;
	}

}
