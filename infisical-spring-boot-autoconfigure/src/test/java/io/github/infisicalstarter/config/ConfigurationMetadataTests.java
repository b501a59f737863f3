package io.github.infisicalstarter.config;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata that IDEs show for completion reads like Spring Boot's own:
 * every property has a description, written as plain sentences (the configuration
 * processor copies javadoc text as it is, so a {@code @code} tag would show up raw), and
 * the keys of an entry of a list such as {@code infisical.locations}, which the metadata
 * format cannot describe one by one, are named in the list's description.
 */
class ConfigurationMetadataTests {

	private static final JsonNode METADATA = read();

	@Test
	void everyPropertyHasAPlainSentenceDescription() {
		Map<String, String> descriptions = new TreeMap<>();
		METADATA.get("properties").forEach((property) -> {
			JsonNode description = property.get("description");
			descriptions.put(property.get("name").asString(), (description != null) ? description.asString() : "");
		});
		assertThat(descriptions).containsKeys("infisical.client-secret", "infisical.locations",
				"infisical.refresh.interval", "infisical.token.renew-at");
		assertThat(descriptions).allSatisfy((name, description) -> assertThat(description).as(name)
			.isNotBlank()
			.doesNotContain("{@")
			.doesNotContain("<")
			.matches("[A-Z].*")
			.endsWith("."));
	}

	@Test
	void aListOfEntriesNamesTheKeysOfAnEntry() throws ClassNotFoundException {
		// the metadata format cannot describe infisical.locations[n].project-id and the
		// like
		List<String> lists = new ArrayList<>();
		for (JsonNode property : METADATA.get("properties")) {
			String type = property.get("type").asString();
			if (type.startsWith("java.util.List<io.github.infisicalstarter.")) {
				Class<?> entry = Class.forName(type.substring("java.util.List<".length(), type.length() - 1));
				String description = property.get("description").asString();
				assertThat(entry.getRecordComponents()).as(type).isNotEmpty();
				for (RecordComponent component : entry.getRecordComponents()) {
					String key = component.getName().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
					assertThat(description).as(property.get("name").asString()).contains(key);
				}
				lists.add(property.get("name").asString());
			}
		}
		assertThat(lists).contains("infisical.locations");
	}

	private static JsonNode read() {
		try {
			// the starter's own file, not the metadata of Spring Boot's jars
			for (Resource resource : new PathMatchingResourcePatternResolver()
				.getResources("classpath*:META-INF/spring-configuration-metadata.json")) {
				try (InputStream in = resource.getInputStream()) {
					JsonNode metadata = JsonMapper.shared().readTree(in);
					if (metadata.get("groups").findValuesAsString("name").contains(InfisicalProperties.PREFIX)) {
						return metadata;
					}
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		throw new AssertionError("No configuration metadata of the starter on the class path");
	}

}
