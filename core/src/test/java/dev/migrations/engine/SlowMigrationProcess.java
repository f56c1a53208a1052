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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;

import dev.migrations.Migration;
import dev.migrations.MigrationContext;
import dev.migrations.Migrator;
import dev.migrations.MigratorSettings;
import dev.migrations.testsupport.TestMigration;

/**
 * A child process for the kill test: applies version 1, then starts version 2, which
 * writes half its change, signals through a marker file and hangs until it is killed.
 */
public final class SlowMigrationProcess {

	private SlowMigrationProcess() {
	}

	public static void main(String[] args) {
		String url = args[0];
		Path marker = Path.of(args[1]);
		try (HikariDataSource dataSource = new HikariDataSource()) {
			dataSource.setJdbcUrl(url);
			Migrator.create(dataSource, migrations(true, marker), MigratorSettings.defaults("dataSource")).migrate();
		}
	}

	static List<Migration> migrations(boolean slow) {
		return migrations(slow, null);
	}

	private static List<Migration> migrations(boolean slow, Path marker) {
		return List.of(TestMigration.of("1", "CREATE TABLE before_slow (id int)"), new SlowMigration(slow, marker));
	}

	static final class SlowMigration implements Migration {

		private final boolean slow;

		private final Path marker;

		SlowMigration(boolean slow, Path marker) {
			this.slow = slow;
			this.marker = marker;
		}

		@Override
		public String version() {
			return "2";
		}

		@Override
		public String description() {
			return "Slow";
		}

		@Override
		public void up(MigrationContext context) throws Exception {
			context.jdbc().execute("CREATE TABLE slow (id int)");
			context.jdbc().execute("INSERT INTO slow VALUES (1)");
			if (this.slow) {
				Files.createFile(this.marker);
				Thread.sleep(Long.MAX_VALUE);
			}
		}

	}

}
