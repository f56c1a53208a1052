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

/**
 * What a versioned and a repeatable migration read from SQL files share: the file name,
 * the up script and the optional down script, checksummed by the up script's content.
 */
abstract class SqlScriptMigration implements MigrationSource {

	final SqlFileName name;

	final SqlScript up;

	final @Nullable SqlScript down;

	SqlScriptMigration(SqlFileName name, SqlScript up, @Nullable SqlScript down) {
		this.name = name;
		this.up = up;
		this.down = down;
	}

	/**
	 * Return the message of the failure to reverse a migration without a down script.
	 * @return what is missing and what to do
	 */
	abstract String irreversible();

	public String description() {
		return this.name.description();
	}

	public void up(MigrationContext context) throws SQLException {
		SqlFileMigration.run(this.up, context);
	}

	public void down(MigrationContext context) throws SQLException {
		if (this.down == null) {
			throw new IrreversibleMigrationException(irreversible());
		}
		SqlFileMigration.run(this.down, context);
	}

	public boolean reversible() {
		return this.down != null;
	}

	public boolean transactional() {
		return this.up.transactional();
	}

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
