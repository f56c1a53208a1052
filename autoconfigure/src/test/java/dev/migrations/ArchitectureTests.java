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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dependency rules of STYLE.md, checked by scanning the imports of the main sources.
 */
class ArchitectureTests {

	private static final Path SOURCES = Path.of("src/main/java/dev/migrations");

	@Test
	void apiImportsNothingFromOtherPackagesButTheDefaultMigratorFactory() {
		List<String> violations = new ArrayList<>();
		for (Path file : javaFiles(SOURCES, false)) {
			for (String imported : imports(file)) {
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
	void engineDialectAndSchemaNeverUseSpringBootOrAnApplicationContext() {
		List<String> violations = new ArrayList<>();
		for (String layer : List.of("engine", "dialect", "schema")) {
			for (Path file : javaFiles(SOURCES.resolve(layer), true)) {
				for (String imported : imports(file)) {
					if (imported.startsWith("org.springframework.boot")
							|| imported.startsWith("org.springframework.context")
							|| imported.startsWith("dev.migrations.autoconfigure")
							|| imported.startsWith("dev.migrations.actuate")) {
						violations.add(file.getFileName() + " imports " + imported);
					}
				}
			}
		}
		assertThat(violations).isEmpty();
	}

	@Test
	void bootGlueHasNoSqlOfItsOwn() {
		List<String> violations = new ArrayList<>();
		for (String layer : List.of("autoconfigure", "actuate")) {
			for (Path file : javaFiles(SOURCES.resolve(layer), true)) {
				for (String imported : imports(file)) {
					if (imported.startsWith("java.sql") || imported.startsWith("dev.migrations.dialect")) {
						violations.add(file.getFileName() + " imports " + imported);
					}
				}
			}
		}
		assertThat(violations).isEmpty();
	}

	@Test
	void everyPackageHasAPackageInfo() throws IOException {
		try (Stream<Path> directories = Files.walk(SOURCES)) {
			List<Path> packages = directories.filter(Files::isDirectory)
				.filter((directory) -> !javaFiles(directory, false).isEmpty())
				.toList();
			assertThat(packages).isNotEmpty()
				.allSatisfy((directory) -> assertThat(directory.resolve("package-info.java")).exists()
					.content()
					.contains("@NullMarked"));
		}
	}

	private static List<Path> javaFiles(Path directory, boolean recursive) {
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		try (Stream<Path> files = recursive ? Files.walk(directory) : Files.list(directory)) {
			return files.filter((file) -> file.toString().endsWith(".java")).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> imports(Path file) {
		try {
			return Files.readAllLines(file)
				.stream()
				.filter((line) -> line.startsWith("import "))
				.map((line) -> line.substring(7, line.length() - 1).replace("static ", ""))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
