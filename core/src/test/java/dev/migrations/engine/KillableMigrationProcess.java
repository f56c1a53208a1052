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

import java.util.ArrayList;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;

import dev.migrations.Migration;
import dev.migrations.MigrationContext;
import dev.migrations.Migrator;
import dev.migrations.MigratorSettings;

/**
 * A child process for the kill -9 tests: applies {@value #COUNT} migrations, each
 * creating table {@code <prefix>_t<version>} and then pausing a little, into history
 * table {@code
 *
<table>
 * }, until it is killed or done.
 */
public final class KillableMigrationProcess {

	static final int COUNT = 20;

	private KillableMigrationProcess() {
	}

	public static void main(String[] args) {
		String url = args[0];
		String table = args[1];
		String prefix = args[2];
		try (HikariDataSource dataSource = new HikariDataSource()) {
			dataSource.setJdbcUrl(url);
			dataSource.setMaximumPoolSize(2);
			Migrator.create(dataSource, migrations(prefix), settings(table)).migrate();
		}
	}

	static MigratorSettings settings(String table) {
		return MigratorSettings.defaults("dataSource").withTable(table);
	}

	static List<Migration> migrations(String prefix) {
		List<Migration> migrations = new ArrayList<>();
		for (int version = 1; version <= COUNT; version++) {
			migrations.add(new Pausing(version, prefix + "_t" + version));
		}
		return migrations;
	}

	/**
	 * Creates a table, then pauses, so that kills land inside migrations as well as
	 * between them.
	 */
	private record Pausing(int number, String table) implements Migration {

		@Override
		public String version() {
			return String.valueOf(this.number);
		}

		@Override
		public String description() {
			return "Create " + this.table;
		}

		@Override
		public void up(MigrationContext context) throws InterruptedException {
			context.jdbc().execute("CREATE TABLE " + this.table + " (id int)");
			context.jdbc().execute("INSERT INTO " + this.table + " VALUES (" + this.number + ")");
			Thread.sleep(15);
		}

	}

}
