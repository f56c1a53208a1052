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
package dev.migrations;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migrations.testsupport.SourceFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dependency rules of STYLE.md for the Boot glue, checked by scanning the imports of
 * this module's main sources.
 */
class ArchitectureTests {

	@Test
	void bootGlueHasNoSqlOfItsOwn() {
		List<String> violations = new ArrayList<>();
		for (Path file : SourceFiles.javaFiles(SourceFiles.ROOT, true)) {
			for (String imported : SourceFiles.imports(file)) {
				if (imported.startsWith("java.sql") || imported.startsWith("dev.migrations.dialect")) {
					violations.add(file.getFileName() + " imports " + imported);
				}
			}
		}
		assertThat(violations).isEmpty();
	}

	@Test
	void onlyTheServiceConnectionPackageImportsTestcontainers() {
		// Testcontainers is an optional dependency: Spring Boot skips a listed factory
		// whose
		// classes are missing, but a class elsewhere would fail without it.
		List<String> importers = new ArrayList<>();
		for (Path file : SourceFiles.javaFiles(SourceFiles.ROOT, true)) {
			for (String imported : SourceFiles.imports(file)) {
				if (imported.startsWith("org.testcontainers")
						|| imported.startsWith("org.springframework.boot.testcontainers")) {
					importers.add(SourceFiles.ROOT.relativize(file).toString().replace('\\', '/'));
					break;
				}
			}
		}
		assertThat(importers).isNotEmpty().allSatisfy((file) -> assertThat(file).startsWith("testcontainers/"));
	}

	@Test
	void everyPackageHasAPackageInfo() {
		assertThat(SourceFiles.packages()).isNotEmpty()
			.allSatisfy((directory) -> assertThat(directory.resolve("package-info.java")).exists()
				.content()
				.contains("@NullMarked"));
	}

}
