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
package dev.migrations.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A module's main sources as the architecture tests read them: files, their imports,
 * their packages.
 */
public final class SourceFiles {

	/** The sources of the module whose tests run, below the root package. */
	public static final Path ROOT = Path.of("src/main/java/dev/migrations");

	private SourceFiles() {
	}

	/**
	 * Return the Java files in a directory, or below it when {@code recursive}.
	 * @param directory the directory
	 * @param recursive whether to include subdirectories
	 * @return the files, empty when the directory does not exist
	 */
	public static List<Path> javaFiles(Path directory, boolean recursive) {
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

	/**
	 * Return what a file imports, static imports included, without the keyword.
	 * @param file the Java file
	 * @return the imported names
	 */
	public static List<String> imports(Path file) {
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

	/**
	 * Return every directory below {@link #ROOT} that holds Java files.
	 * @return the package directories
	 */
	public static List<Path> packages() {
		try (Stream<Path> directories = Files.walk(ROOT)) {
			return directories.filter(Files::isDirectory)
				.filter((directory) -> !javaFiles(directory, false).isEmpty())
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
