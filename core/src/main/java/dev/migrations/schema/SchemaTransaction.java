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

package dev.migrations.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;

import org.jspecify.annotations.Nullable;

import dev.migrations.DatabaseKind;
import dev.migrations.MigrationException;

import org.springframework.dao.DataAccessException;

/**
 * Runs a schema change atomically on the migration's connection: inside a savepoint of
 * the migration's transaction, or, when the migration is not transactional, in a
 * transaction of its own. On failure the change is rolled back and the migration's
 * transaction is usable again.
 * <p>
 * On SQLite without a surrounding transaction, enforced foreign keys are switched off
 * around the change ({@code PRAGMA foreign_keys} cannot change inside a transaction), as
 * SQLite's table rebuild procedure prescribes; the rebuild checks them itself.
 * <p>
 * MariaDB and MySQL commit every DDL statement on their own, so no savepoint or
 * transaction can hold a change there: the change runs as it is, and stays atomic only
 * because table changes make it one statement.
 */
final class SchemaTransaction {

	private SchemaTransaction() {
	}

	/**
	 * Run a change.
	 * @param connection the migration's connection
	 * @param kind the database kind
	 * @param subject what is changed, for messages ({@code alter table users})
	 * @param change the change
	 * @throws MigrationException if the change fails; nothing of it remains
	 */
	static void run(Connection connection, DatabaseKind kind, String subject, Runnable change) {
		try {
			if (kind == DatabaseKind.MARIADB || kind == DatabaseKind.MYSQL) {
				runDirectly(subject, change);
			}
			else if (connection.getAutoCommit()) {
				runAlone(connection, kind, subject, change);
			}
			else {
				runInSavepoint(connection, subject, change);
			}
		}
		catch (SQLException ex) {
			throw new MigrationException(
					"Could not " + subject + ": " + ex.getMessage() + ". Check the database connection and run again.",
					ex);
		}
	}

	private static void runDirectly(String subject, Runnable change) {
		try {
			change.run();
		}
		catch (RuntimeException ex) {
			throw failure(subject, ex);
		}
	}

	private static void runInSavepoint(Connection connection, String subject, Runnable change) throws SQLException {
		Savepoint savepoint = connection.setSavepoint();
		try {
			change.run();
		}
		catch (RuntimeException ex) {
			connection.rollback(savepoint);
			throw failure(subject, ex);
		}
		connection.releaseSavepoint(savepoint);
	}

	private static void runAlone(Connection connection, DatabaseKind kind, String subject, Runnable change)
			throws SQLException {
		boolean foreignKeys = (kind == DatabaseKind.SQLITE) && sqliteForeignKeys(connection, null);
		if (foreignKeys) {
			sqliteForeignKeys(connection, false);
		}
		try {
			connection.setAutoCommit(false);
			try {
				change.run();
				connection.commit();
			}
			catch (RuntimeException ex) {
				connection.rollback();
				throw failure(subject, ex);
			}
			finally {
				connection.setAutoCommit(true);
			}
		}
		finally {
			if (foreignKeys) {
				sqliteForeignKeys(connection, true);
			}
		}
	}

	private static boolean sqliteForeignKeys(Connection connection, @Nullable Boolean on) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			if (on != null) {
				statement.execute("PRAGMA foreign_keys = " + (on ? "ON" : "OFF"));
				return on;
			}
			try (ResultSet result = statement.executeQuery("PRAGMA foreign_keys")) {
				return result.next() && result.getInt(1) == 1;
			}
		}
	}

	private static MigrationException failure(String subject, RuntimeException ex) {
		if (ex instanceof MigrationException migrationException) {
			return migrationException;
		}
		String detail = (ex instanceof DataAccessException dataAccess) ? dataAccess.getMostSpecificCause().getMessage()
				: ex.getMessage();
		return new MigrationException("Could not " + subject + ": " + detail
				+ ". Nothing of the change was applied; correct it and run the migration again.", ex);
	}

}
