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

package dev.migrations.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import dev.migrations.DatabaseKind;
import dev.migrations.MigrationException;
import dev.migrations.MigratorSettings;

/**
 * What one kind of database needs done its own way. The history table, the runner and the
 * schema code ask a dialect and never test for a product name.
 */
public interface Dialect {

	/**
	 * Return the kind of database.
	 * @return the kind
	 */
	DatabaseKind kind();

	/**
	 * Return the product and version, for example {@code PostgreSQL 15.19}.
	 * @return the description
	 */
	String product();

	/**
	 * Return whether DDL statements take part in transactions.
	 * @return whether DDL is transactional
	 */
	boolean transactionalDdl();

	/**
	 * Return the column type that holds an instant.
	 * @return the SQL type
	 */
	String timestampType();

	/**
	 * Bind an instant to a statement parameter.
	 * @param statement the statement
	 * @param index the parameter index
	 * @param instant the instant
	 * @throws SQLException on a JDBC failure
	 */
	void setTimestamp(PreparedStatement statement, int index, Instant instant) throws SQLException;

	/**
	 * Read an instant written by {@link #setTimestamp}.
	 * @param resultSet the result set
	 * @param index the column index
	 * @return the instant
	 * @throws SQLException on a JDBC failure
	 */
	Instant getTimestamp(ResultSet resultSet, int index) throws SQLException;

	/**
	 * Return whether the exception says that a table does not exist.
	 * @param ex the exception
	 * @return whether a table is missing
	 */
	boolean isMissingTable(SQLException ex);

	/**
	 * Quote an identifier when it needs quoting.
	 * @param identifier the identifier
	 * @return the identifier, quoted if needed
	 */
	default String quote(String identifier) {
		if (isPlain(identifier)) {
			return identifier;
		}
		return '"' + identifier.replace("\"", "\"\"") + '"';
	}

	private static boolean isPlain(String identifier) {
		// A loop, not a regex: this runs on every start-up.
		for (int i = 0; i < identifier.length(); i++) {
			char c = identifier.charAt(i);
			if (!((c >= 'a' && c <= 'z') || c == '_' || (i > 0 && c >= '0' && c <= '9'))) {
				return false;
			}
		}
		return !identifier.isEmpty();
	}

	/**
	 * Return a table name qualified with its schema.
	 * @param schema the schema, or {@code null} for the connection's default
	 * @param table the table
	 * @return the qualified, quoted name
	 */
	default String qualify(@Nullable String schema, String table) {
		return (schema != null) ? quote(schema) + "." + quote(table) : quote(table);
	}

	/**
	 * Make the connection use the schema, creating the schema if the database has schemas
	 * and it does not exist.
	 * @param connection the connection
	 * @param schema the schema
	 * @throws SQLException on a JDBC failure
	 */
	void useSchema(Connection connection, String schema) throws SQLException;

	/**
	 * Return the schema a connection works in, to restore it later.
	 * @param connection the connection
	 * @return the schema, or {@code null} when the database does not say
	 * @throws SQLException on a JDBC failure
	 */
	default @Nullable String currentSchema(Connection connection) throws SQLException {
		return connection.getSchema();
	}

	/**
	 * Make a connection work in a schema again, one that {@link #currentSchema} returned.
	 * @param connection the connection
	 * @param schema the schema
	 * @throws SQLException on a JDBC failure
	 */
	default void restoreSchema(Connection connection, String schema) throws SQLException {
		connection.setSchema(schema);
	}

	/**
	 * Return the database user of a connection, for the history.
	 * @param connection the connection
	 * @return the user
	 * @throws SQLException on a JDBC failure
	 */
	default String currentUser(Connection connection) throws SQLException {
		String user = connection.getMetaData().getUserName();
		return (user != null && !user.isEmpty()) ? user : System.getProperty("user.name", "unknown");
	}

	/**
	 * Return what a failure says about the database as a whole and what to do about it,
	 * naming the database (for SQLite, its file), when the dialect recognises the
	 * failure: a read-only or full database, for instance.
	 * @param ex the failure
	 * @return the advice, or {@code null} when the failure is not about the database as a
	 * whole
	 */
	default @Nullable String advice(SQLException ex) {
		return null;
	}

	/**
	 * Return the lock that keeps other instances from migrating the same history table at
	 * the same time. It must vanish when the holder dies.
	 * @param dataSource the DataSource
	 * @param name what the lock protects, usually the qualified history table
	 * @return the lock
	 */
	MigrationLock lock(DataSource dataSource, String name);

	/**
	 * Limit how long the statements a migration runs next on the connection may wait for
	 * a lock, and run. Transaction-scoped limits end with the current transaction; others
	 * last until the returned {@link Restore} puts the session's own values back.
	 * @param connection the migration's connection
	 * @param lockTimeout how long a statement waits for a lock; zero leaves the
	 * database's own setting alone
	 * @param statementTimeout how long a statement may run, or {@code null} for no limit
	 * @param transactionScoped whether the migration runs in a transaction that the
	 * limits may end with
	 * @return what puts the session's own values back
	 * @throws SQLException on a JDBC failure
	 */
	default Restore limitStatements(Connection connection, Duration lockTimeout, @Nullable Duration statementTimeout,
			boolean transactionScoped) throws SQLException {
		return Restore.NOTHING;
	}

	/**
	 * Return whether the exception says that a statement gave up waiting for a lock.
	 * @param ex the exception
	 * @return whether a lock wait timed out
	 */
	default boolean isLockTimeout(SQLException ex) {
		return false;
	}

	/**
	 * Return what tells, while a migration waits for a lock, which sessions block it.
	 * @param lock the migration lock held, whose idle session the watcher may use
	 * @param connection the migration's connection
	 * @return the watcher; one that sees nothing where the database cannot tell
	 */
	default LockWaitWatcher lockWaitWatcher(MigrationLock.Held lock, Connection connection) {
		return LockWaitWatcher.NONE;
	}

	/**
	 * Return what observes, in a dry run, what a migration does to existing tables.
	 * @return the probe, or {@code null} where the database cannot tell
	 */
	default @Nullable SafetyProbe safetyProbe() {
		return null;
	}

	/**
	 * Return the lock, held as the settings ask where the database offers a choice.
	 * @param dataSource the DataSource
	 * @param name what the lock protects, usually the qualified history table
	 * @param postgresLock how PostgreSQL holds it; other databases ignore it
	 * @return the lock
	 */
	default MigrationLock lock(DataSource dataSource, String name, MigratorSettings.PostgresLock postgresLock) {
		return lock(dataSource, name);
	}

	/**
	 * Return the dialect for the database a connection talks to.
	 * @param connection the connection
	 * @return the dialect
	 * @throws SQLException on a JDBC failure
	 * @throws MigrationException when the database is not supported
	 */
	static Dialect of(Connection connection) throws SQLException {
		String product = connection.getMetaData().getDatabaseProductName();
		String version = connection.getMetaData().getDatabaseProductVersion();
		String description = product + " " + version.split(" ", 2)[0];
		if ("PostgreSQL".equals(product)) {
			return new PostgresDialect(description);
		}
		if ("SQLite".equals(product)) {
			return new SqliteDialect(description, connection.getMetaData().getURL());
		}
		if ("MariaDB".equals(product) || "MySQL".equals(product)) {
			// MySQL's driver calls MariaDB "MySQL" but names it in the version.
			boolean mariaDb = "MariaDB".equals(product) || version.contains("MariaDB");
			return (mariaDb) ? new MariaDbDialect(DatabaseKind.MARIADB, "MariaDB " + mariaDbVersion(version))
					: new MariaDbDialect(DatabaseKind.MYSQL, description);
		}
		throw new MigrationException("Database " + description
				+ " is not supported. Migrations run on PostgreSQL, SQLite, MariaDB and MySQL; use one of them.");
	}

	private static String mariaDbVersion(String version) {
		// 10.11.19-MariaDB-0+deb12u1, or 5.5.5-10.11.19-MariaDB through MySQL's driver
		String plain = version.replaceFirst("^5\\.5\\.5-", "");
		int end = plain.indexOf('-');
		return (end > 0) ? plain.substring(0, end) : plain.split(" ", 2)[0];
	}

	/**
	 * Puts back session settings that {@link #limitStatements} changed.
	 */
	@FunctionalInterface
	interface Restore {

		/** Restores nothing: the limits ended with the transaction or were never set. */
		Restore NOTHING = () -> {
		};

		/**
		 * Put the session's own values back.
		 * @throws SQLException on a JDBC failure
		 */
		void restore() throws SQLException;

	}

}
