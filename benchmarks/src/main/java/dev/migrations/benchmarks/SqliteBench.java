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

package dev.migrations.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * SQLite with default settings: each fresh database is a new file, deleted afterwards
 * together with its journal and lock files.
 */
final class SqliteBench implements BenchDatabase {

	private static final String TABLE_COUNT = "SELECT count(*) FROM sqlite_master "
			+ "WHERE type = 'table' AND name GLOB 't_[0-9]*'";

	private final Path directory;

	private final AtomicInteger counter = new AtomicInteger();

	SqliteBench(Path directory) {
		this.directory = directory;
	}

	@Override
	public String name() {
		return "SQLite";
	}

	@Override
	public Fresh create(String label) throws IOException {
		Files.createDirectories(this.directory);
		String name = label.replaceAll("[^a-z0-9_]", "_") + "-" + this.counter.incrementAndGet() + ".db";
		Path file = this.directory.resolve(name).toAbsolutePath();
		delete(file);
		return new Fresh("jdbc:sqlite:" + file, "", TABLE_COUNT) {

			@Override
			void drop() throws IOException {
				delete(file);
			}

		};
	}

	private void delete(Path file) throws IOException {
		try (Stream<Path> siblings = Files.list(file.getParent())) {
			for (Path sibling : (Iterable<Path>) siblings::iterator) {
				if (sibling.getFileName().toString().startsWith(file.getFileName().toString())) {
					Files.deleteIfExists(sibling);
				}
			}
		}
	}

}
