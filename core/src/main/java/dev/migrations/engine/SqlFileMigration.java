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
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.migrations.Migration;
import dev.migrations.MigrationContext;
import dev.migrations.MigrationException;

/**
 * A migration read from an SQL file and, optionally, its down script. Runs the statements
 * one by one on the migration's connection; a failing statement is reported with its
 * file, line and the database's message, and keeps the {@link SQLException} (with its SQL
 * state) as the cause.
 */
final class SqlFileMigration extends SqlScriptMigration implements Migration {

	SqlFileMigration(SqlFileName name, SqlScript up, @Nullable SqlScript down) {
		super(name, up, down);
	}

	@Override
	public String version() {
		return this.name.version();
	}

	@Override
	String irreversible() {
		return "Migration " + this.up.source() + " is irreversible: it has no down script. Add " + this.name.base()
				+ ".down.sql beside it, or roll back only to a version after it.";
	}

	/**
	 * Return the safety rules the up script accepts.
	 * @return the rule ids
	 */
	Set<String> allowed() {
		return this.up.allowed();
	}

	@Nullable SqlScript downScript() {
		return this.down;
	}

	SqlScript upScript() {
		return this.up;
	}

	static void run(SqlScript script, MigrationContext context) throws SQLException {
		try (Statement statement = context.connection().createStatement()) {
			for (SqlStatement sql : script.statements()) {
				execute(statement, sql, script);
			}
		}
	}

	private static void execute(Statement statement, SqlStatement sql, SqlScript script) {
		if (Logging.logger.isDebugEnabled()) {
			Logging.logger.debug("Executing line " + sql.line() + " of " + script.source() + ": " + sql.sql());
		}
		try {
			statement.execute(sql.sql());
			logWarnings(statement.getWarnings(), sql, script);
			statement.clearWarnings();
		}
		catch (SQLException ex) {
			// The engine's message names the migration by its full source already
			String file = script.source().substring(script.source().lastIndexOf('/') + 1);
			throw new MigrationException(
					"The statement at line " + sql.line() + " of " + file + " failed: " + ex.getMessage(), ex);
		}
	}

	private static void logWarnings(@Nullable SQLWarning warning, SqlStatement sql, SqlScript script) {
		for (SQLWarning next = warning; next != null && Logging.logger.isDebugEnabled(); next = next.getNextWarning()) {
			Logging.logger.debug("Warning at line " + sql.line() + " of " + script.source() + ": " + next.getMessage());
		}
	}

	/**
	 * The logger, created when a script runs: loading files does not need the logging
	 * backend.
	 */
	private static final class Logging {

		static final Log logger = LogFactory.getLog(SqlFileMigration.class);

	}

}
