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

import java.sql.Statement;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Flyway's Java migration number {@code i}: creates table {@code t_i}.
 */
final class FlywayTableMigration implements JavaMigration {

	private final int number;

	private final MigrationVersion version;

	FlywayTableMigration(int number) {
		this.number = number;
		this.version = MigrationVersion.fromVersion(Integer.toString(number));
	}

	static JavaMigration[] upTo(int size) {
		JavaMigration[] migrations = new JavaMigration[size];
		for (int i = 1; i <= size; i++) {
			migrations[i - 1] = new FlywayTableMigration(i);
		}
		return migrations;
	}

	@Override
	public MigrationVersion getVersion() {
		return this.version;
	}

	@Override
	public String getDescription() {
		return "Create t_" + this.number;
	}

	@Override
	public Integer getChecksum() {
		return null;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws Exception {
		try (Statement statement = context.getConnection().createStatement()) {
			statement.execute(Workload.createTable(this.number));
		}
	}

}
