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

package dev.migrations.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.DryRunResult;
import dev.migrations.Migrator;
import dev.migrations.testsupport.SqliteTestDatabase;
import dev.migrations.testsupport.TestMigration;

import static org.assertj.core.api.Assertions.assertThat;

class SqliteLifecycleTests extends AbstractLifecycleTests {

	@TempDir
	Path directory;

	@Override
	protected HikariDataSource createDataSource() {
		return SqliteTestDatabase.in(this.directory).dataSource();
	}

	@Test
	void dryRunLeavesTheDatabaseFileByteForByteUnchanged() throws IOException {
		migrator(indexedTable("1")).migrate();
		Migrator migrator = migrator(indexedTable("1"), indexedTable("2"),
				TestMigration.failing("3", "boom", "INSERT INTO t1 (id) VALUES (3)"));
		Path file = SqliteTestDatabase.in(this.directory).file();
		byte[] before = Files.readAllBytes(file);
		DryRunResult result = migrator.dryRun();
		assertThat(result.outcomes()).hasSize(2);
		assertThat(Files.readAllBytes(file)).isEqualTo(before);
	}

}
