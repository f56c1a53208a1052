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
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The dependency rules of STYLE.md for the core module, checked by scanning the imports
 * of its main sources and by what its test classpath (the module's own dependencies)
 * holds.
 */
class ArchitectureTests {

	@Test
	void apiImportsNothingFromOtherPackagesButTheDefaultMigratorFactory() {
		List<String> violations = new ArrayList<>();
		for (Path file : SourceFiles.javaFiles(SourceFiles.ROOT, false)) {
			for (String imported : SourceFiles.imports(file)) {
				boolean internal = imported.startsWith("dev.migrations.") && imported.indexOf('.', 15) > 0;
				boolean factory = file.endsWith("Migrator.java")
						&& imported.equals("dev.migrations.engine.DefaultMigrator");
				if (internal && !factory) {
					violations.add(file.getFileName() + " imports " + imported);
				}
			}
		}
		assertThat(violations).isEmpty();
	}

	@Test
	void coreNeverUsesSpringBootOrAnApplicationContext() {
		List<String> violations = new ArrayList<>();
		for (Path file : SourceFiles.javaFiles(SourceFiles.ROOT, true)) {
			for (String imported : SourceFiles.imports(file)) {
				if (imported.startsWith("org.springframework.boot")
						|| imported.startsWith("org.springframework.context")
						|| imported.startsWith("dev.migrations.autoconfigure")
						|| imported.startsWith("dev.migrations.actuate")
						|| imported.startsWith("dev.migrations.test.")) {
					violations.add(file.getFileName() + " imports " + imported);
				}
			}
		}
		assertThat(violations).isEmpty();
	}

	@Test
	void noSpringBootClassIsOnTheCoreClasspath() {
		for (String bootClass : List.of("org.springframework.boot.SpringApplication",
				"org.springframework.boot.autoconfigure.AutoConfiguration",
				"org.springframework.context.ApplicationContext")) {
			assertThatExceptionOfType(ClassNotFoundException.class).as(bootClass)
				.isThrownBy(() -> Class.forName(bootClass, false, getClass().getClassLoader()));
		}
	}

	@Test
	void everyPackageHasAPackageInfo() {
		assertThat(SourceFiles.packages()).isNotEmpty()
			.allSatisfy((directory) -> assertThat(directory.resolve("package-info.java")).exists()
				.content()
				.contains("@NullMarked"));
	}

}
