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
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import dev.migrations.DatabaseKind;

/**
 * MariaDB and MySQL: DDL statements commit on their own (so a failed migration may leave
 * a partial change), instants as UTC {@code datetime(6)}, backtick quoting, schemas are
 * databases, a named lock ({@code GET_LOCK}) on a dedicated connection, and the lock
 * timeout as the session's {@code lock_wait_timeout} (metadata locks, DDL) and
 * {@code innodb_lock_wait_timeout} (rows), in whole seconds.
 */
final class MariaDbDialect implements Dialect {

	private static final int NO_SUCH_TABLE = 1146;

	private static final int UNKNOWN_DATABASE = 1049;

	private static final int LOCK_WAIT_TIMEOUT = 1205;

	private final DatabaseKind kind;

	private final String product;

	MariaDbDialect(DatabaseKind kind, String product) {
		this.kind = kind;
		this.product = product;
	}

	@Override
	public DatabaseKind kind() {
		return this.kind;
	}

	@Override
	public String product() {
		return this.product;
	}

	@Override
	public boolean transactionalDdl() {
		return false;
	}

	@Override
	public String timestampType() {
		return "datetime(6)";
	}

	@Override
	public void setTimestamp(PreparedStatement statement, int index, Instant instant) throws SQLException {
		statement.setObject(index, LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
	}

	@Override
	public Instant getTimestamp(ResultSet resultSet, int index) throws SQLException {
		return resultSet.getObject(index, LocalDateTime.class).toInstant(ZoneOffset.UTC);
	}

	@Override
	public boolean isMissingTable(SQLException ex) {
		return ex.getErrorCode() == NO_SUCH_TABLE || ex.getErrorCode() == UNKNOWN_DATABASE
				|| "42S02".equals(ex.getSQLState());
	}

	@Override
	public String quote(String identifier) {
		if (identifier.matches("[a-z_][a-z0-9_]*")) {
			return identifier;
		}
		return '`' + identifier.replace("`", "``") + '`';
	}

	@Override
	public void useSchema(Connection connection, String schema) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE IF NOT EXISTS " + quote(schema));
		}
		connection.setCatalog(schema);
	}

	@Override
	public @Nullable String currentSchema(Connection connection) throws SQLException {
		return connection.getCatalog();
	}

	@Override
	public void restoreSchema(Connection connection, String schema) throws SQLException {
		connection.setCatalog(schema);
	}

	@Override
	public String currentUser(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT CURRENT_USER()")) {
			String user = (result.next()) ? result.getString(1) : null;
			return (user != null && !user.isEmpty()) ? user : Dialect.super.currentUser(connection);
		}
	}

	@Override
	public MigrationLock lock(DataSource dataSource, String name) {
		return new MariaDbNamedLock(dataSource, name);
	}

	@Override
	public Restore limitStatements(Connection connection, Duration lockTimeout, @Nullable Duration statementTimeout,
			boolean transactionScoped) throws SQLException {
		if (lockTimeout.isZero()) {
			return Restore.NOTHING;
		}
		// DDL commits on its own here: the limits are the session's while the migration
		// runs, then the previous values come back.
		long previousLock;
		long previousRow;
		try (Statement statement = connection.createStatement();
				ResultSet result = statement
					.executeQuery("SELECT @@SESSION.lock_wait_timeout, @@SESSION.innodb_lock_wait_timeout")) {
			result.next();
			previousLock = result.getLong(1);
			previousRow = result.getLong(2);
		}
		long seconds = Math.max(1, (lockTimeout.toMillis() + 999) / 1000);
		setTimeouts(connection, seconds, seconds);
		return () -> setTimeouts(connection, previousLock, previousRow);
	}

	private static void setTimeouts(Connection connection, long lockSeconds, long rowSeconds) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(
					"SET SESSION lock_wait_timeout = " + lockSeconds + ", innodb_lock_wait_timeout = " + rowSeconds);
		}
	}

	@Override
	public boolean isLockTimeout(SQLException ex) {
		return ex.getErrorCode() == LOCK_WAIT_TIMEOUT;
	}

}
