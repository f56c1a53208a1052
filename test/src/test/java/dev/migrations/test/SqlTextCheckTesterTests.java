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
package dev.migrations.test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Migration;
import dev.migrations.SafetyReport;
import dev.migrations.engine.SqlMigrationLoader;

import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The static pre-check of SQL files: no database.
 */
class SqlTextCheckTesterTests {

	@TempDir
	Path directory;

	@Test
	void unacceptedIndexWithoutConcurrentlyFailsNamingFileLineAndRecipe() throws Exception {
		Files.writeString(this.directory.resolve("V1__create.sql"),
				"CREATE TABLE users (id int, email text);\n" + "CREATE INDEX users_id ON users (id);\n");
		Files.writeString(this.directory.resolve("V2__index.sql"),
				"-- index emails\n" + "CREATE INDEX users_email ON users (email);\n");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> MigrationTester.checkSqlText(migrations()))
			.withMessageStartingWith("1 unaccepted safety errors in the SQL files:\n  filesystem:")
			.withMessageContaining(
					"V2__index.sql index-not-concurrent: line 2 builds an index on users without " + "CONCURRENTLY")
			.withMessageContaining("safe recipe: CREATE INDEX CONCURRENTLY in a non-transactional migration");
	}

	@Test
	void acceptedRewritePasses() throws Exception {
		Files.writeString(this.directory.resolve("V2__widen.sql"),
				"-- migrations: allow=rewrite\nALTER TABLE users ALTER COLUMN code TYPE bigint;\n");
		List<SafetyReport.Finding> findings = MigrationTester.checkSqlText(migrations());
		assertThat(findings).singleElement().satisfies((finding) -> {
			assertThat(finding.rule()).isEqualTo("rewrite");
			assertThat(finding.accepted()).isTrue();
		});
	}

	private List<Migration> migrations() {
		return new SqlMigrationLoader(new DefaultResourceLoader()).load("dataSource",
				List.of("filesystem:" + this.directory), Map.of());
	}

}
