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

import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

import dev.migrations.IrreversibleMigrationException;
import dev.migrations.MigrationContext;
import dev.migrations.MigrationKind;
import dev.migrations.RepeatableMigration;

/**
 * A repeatable migration read from an SQL file {@code R__<description>.sql} and,
 * optionally, its down script: checksummed by content, so that editing the file makes it
 * run again. Runs its statements as {@link SqlFileMigration} does.
 */
final class SqlRepeatableMigration implements RepeatableMigration, MigrationSource {

	private final SqlFileName name;

	private final SqlScript up;

	private final @Nullable SqlScript down;

	SqlRepeatableMigration(SqlFileName name, SqlScript up, @Nullable SqlScript down) {
		this.name = name;
		this.up = up;
		this.down = down;
	}

	@Override
	public String description() {
		return this.name.description();
	}

	@Override
	public void up(MigrationContext context) throws SQLException {
		SqlFileMigration.run(this.up, context);
	}

	@Override
	public void down(MigrationContext context) throws SQLException {
		if (this.down == null) {
			throw new IrreversibleMigrationException("Repeatable migration " + this.up.source()
					+ " is irreversible: it has no down script. Add " + this.name.base() + ".down.sql beside it.");
		}
		SqlFileMigration.run(this.down, context);
	}

	@Override
	public boolean reversible() {
		return this.down != null;
	}

	@Override
	public boolean transactional() {
		return this.up.transactional();
	}

	@Override
	public String checksum() {
		return this.up.checksum();
	}

	@Override
	public MigrationKind kind() {
		return MigrationKind.SQL;
	}

	@Override
	public String source() {
		return this.up.source();
	}

	@Override
	public String toString() {
		return source();
	}

}
