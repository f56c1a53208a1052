/*
 * Copyright 2026 the original authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package dev.migrations.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import dev.migrations.MigratorSettings.PostgresLock;

import dev.migrations.autoconfigure.MigrationsProperties.OnFailure;
import dev.migrations.autoconfigure.MigrationsProperties.RunOn;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata IDEs show for {@code migrations.*}: generated from
 * {@link MigrationsProperties} and merged with the additional metadata's hints.
 */
class ConfigurationMetadataTests {

	private static final String METADATA = "META-INF/spring-configuration-metadata.json";

	@Test
	void everyPropertyHasADescription() throws IOException {
		List<Map<String, Object>> properties = metadata().read("$.properties[?(@.name =~ /migrations\\..*/)]");
		assertThat(properties).hasSizeGreaterThan(20)
			.allSatisfy((property) -> assertThat(property.get("description")).as(property.get("name").toString())
				.asString()
				.isNotBlank());
	}

	@Test
	void connectionPropertiesAreListedWithTheirDefaults() throws IOException {
		DocumentContext metadata = metadata();
		List<Object> retries = metadata.read("$.properties[?(@.name == 'migrations.connect-retries')].defaultValue");
		List<Object> interval = metadata
			.read("$.properties[?(@.name == 'migrations.connect-retries-interval')].defaultValue");
		List<String> names = metadata.read("$.properties[*].name");
		assertThat(retries).containsExactly(0);
		assertThat(interval).containsExactly("10s");
		assertThat(names).contains("migrations.url", "migrations.user", "migrations.password", "migrations.init-sqls");
	}

	@Test
	void dataSourceNamesAreHintedAsDataSourceBeans() throws IOException {
		DocumentContext metadata = metadata();
		for (String name : List.of("migrations.data-sources.keys", "migrations.data-source-order",
				"migrations.command-data-source")) {
			List<String> targets = metadata.read("$.hints[?(@.name == '" + name
					+ "')].providers[?(@.name == 'spring-bean-reference')].parameters.target");
			assertThat(targets).as(name).containsExactly("javax.sql.DataSource");
		}
	}

	@Test
	void everyEnumValueIsHintedWithADescription() throws IOException {
		DocumentContext metadata = metadata();
		assertHints(metadata, "migrations.run-on", RunOn.values());
		assertHints(metadata, "migrations.on-failure", OnFailure.values());
		assertHints(metadata, "migrations.postgresql.lock", PostgresLock.values());
	}

	private static void assertHints(DocumentContext metadata, String name, Enum<?>[] constants) {
		List<String> values = metadata.read("$.hints[?(@.name == '" + name + "')].values[*].value");
		List<String> descriptions = metadata.read("$.hints[?(@.name == '" + name + "')].values[*].description");
		assertThat(values).as(name)
			.containsExactlyInAnyOrderElementsOf(
					Arrays.stream(constants).map((constant) -> constant.name().toLowerCase(Locale.ROOT)).toList());
		assertThat(descriptions).as(name).hasSameSizeAs(values).allSatisfy((text) -> assertThat(text).isNotBlank());
	}

	private static DocumentContext metadata() throws IOException {
		// Every Boot jar has such a file: ours is the one with the migrations group.
		Enumeration<URL> resources = ConfigurationMetadataTests.class.getClassLoader().getResources(METADATA);
		while (resources.hasMoreElements()) {
			try (InputStream in = resources.nextElement().openStream()) {
				DocumentContext metadata = JsonPath.parse(in);
				List<String> groups = metadata.read("$.groups[?(@.name == 'migrations')].name");
				if (!groups.isEmpty()) {
					return metadata;
				}
			}
		}
		throw new AssertionError("No " + METADATA + " describes the migrations group");
	}

}
