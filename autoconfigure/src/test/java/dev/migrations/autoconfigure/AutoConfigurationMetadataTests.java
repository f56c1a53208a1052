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
import java.util.Properties;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auto-configuration metadata that lets Spring Boot filter our auto-configurations by
 * their class conditions without reading them: an application without Actuator never
 * parses the endpoint, health and metrics configurations.
 */
class AutoConfigurationMetadataTests {

	private static final String METADATA = "META-INF/spring-autoconfigure-metadata.properties";

	@Test
	void everyAutoConfigurationHasMetadataWithItsClassConditions() throws IOException {
		ClassLoader classLoader = getClass().getClassLoader();
		Properties metadata = metadata(classLoader);
		List<String> ours = ImportCandidates.load(AutoConfiguration.class, classLoader)
			.getCandidates()
			.stream()
			.filter((name) -> name.startsWith("dev.migrations."))
			.toList();
		assertThat(ours).hasSize(5);
		for (String name : ours) {
			assertThat(metadata).containsKey(name);
			MergedAnnotation<ConditionalOnClass> onClass = MergedAnnotations.from(load(name))
				.get(ConditionalOnClass.class);
			if (onClass.isPresent()) {
				List<String> classes = Arrays.stream(onClass.getStringArray("value")).toList();
				assertThat(metadata.getProperty(name + ".ConditionalOnClass")).as(name)
					.isNotNull()
					.satisfies((listed) -> assertThat(listed.split(",")).containsAll(classes));
			}
		}
		assertThat(metadata.getProperty(MigrationsEndpointAutoConfiguration.class.getName() + ".ConditionalOnClass"))
			.contains("org.springframework.boot.actuate.endpoint.annotation.Endpoint");
	}

	private static Properties metadata(ClassLoader classLoader) throws IOException {
		Properties merged = new Properties();
		Enumeration<URL> resources = classLoader.getResources(METADATA);
		while (resources.hasMoreElements()) {
			try (InputStream in = resources.nextElement().openStream()) {
				merged.load(in);
			}
		}
		return merged;
	}

	private static Class<?> load(String name) {
		try {
			return Class.forName(name, false, AutoConfigurationMetadataTests.class.getClassLoader());
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
