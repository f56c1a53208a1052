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
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * N trivial migrations,
 * {@code CREATE TABLE t_i (id bigint primary key, name varchar(100))}, and the files the
 * tools read them from: one SQL file per migration ({@code V<i>__create_t<i>.sql}, read
 * by Flyway and by our SQL loader) and one formatted-SQL changelog of N change sets for
 * Liquibase.
 *
 * @param size how many migrations
 * @param directory where the files are
 */
record Workload(int size, Path directory) {

	static final String CHANGELOG = "changelog.sql";

	static String createTable(int i) {
		return "CREATE TABLE t_" + i + " (id bigint primary key, name varchar(100))";
	}

	/**
	 * Write the files of a workload below {@code root}, once.
	 * @param root the directory for all workloads
	 * @param size how many migrations
	 * @return the workload
	 */
	static Workload prepare(Path root, int size) {
		Path directory = root.resolve("n" + size);
		Workload workload = new Workload(size, directory.toAbsolutePath());
		try {
			if (Files.isDirectory(workload.changelogDirectory())) {
				return workload;
			}
			Files.createDirectories(workload.sqlDirectory());
			Files.createDirectories(workload.emptyDirectory());
			Path changelog = Files.createDirectories(directory.resolve("changelog.tmp"));
			StringBuilder changeSets = new StringBuilder("--liquibase formatted sql\n");
			for (int i = 1; i <= size; i++) {
				Files.writeString(workload.sqlDirectory().resolve(sqlFileName(i)), createTable(i) + ";\n");
				changeSets.append("\n--changeset bench:").append(i).append('\n').append(createTable(i)).append(";\n");
			}
			Files.writeString(changelog.resolve(CHANGELOG), changeSets);
			Files.move(changelog, workload.changelogDirectory());
			return workload;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String sqlFileName(int i) {
		return "V" + i + "__create_t" + i + ".sql";
	}

	Path sqlDirectory() {
		return this.directory.resolve("sql");
	}

	Path changelogDirectory() {
		return this.directory.resolve("changelog");
	}

	Path emptyDirectory() {
		return this.directory.resolve("empty");
	}

}
