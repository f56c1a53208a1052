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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import dev.migrations.DatabaseKind;
import dev.migrations.MigratorSettings;

/**
 * PostgreSQL: transactional DDL, {@code timestamptz}, a session advisory lock (or a
 * transaction one, behind a transaction pooler), {@code lock_timeout} and
 * {@code statement_timeout} for the migration's transaction, and {@code pg_blocking_pids}
 * to name who blocks it.
 */
final class PostgresDialect implements Dialect {

	private final String product;

	PostgresDialect(String product) {
		this.product = product;
	}

	@Override
	public DatabaseKind kind() {
		return DatabaseKind.POSTGRES;
	}

	@Override
	public String product() {
		return this.product;
	}

	@Override
	public boolean transactionalDdl() {
		return true;
	}

	@Override
	public String timestampType() {
		return "timestamp with time zone";
	}

	@Override
	public void setTimestamp(PreparedStatement statement, int index, Instant instant) throws SQLException {
		statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
	}

	@Override
	public Instant getTimestamp(ResultSet resultSet, int index) throws SQLException {
		return resultSet.getObject(index, OffsetDateTime.class).toInstant();
	}

	@Override
	public boolean isMissingTable(SQLException ex) {
		return "42P01".equals(ex.getSQLState()) || "3F000".equals(ex.getSQLState());
	}

	@Override
	public void useSchema(Connection connection, String schema) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA IF NOT EXISTS " + quote(schema));
		}
		connection.setSchema(schema);
	}

	@Override
	public MigrationLock lock(DataSource dataSource, String name) {
		return new PostgresAdvisoryLock(dataSource, name);
	}

	@Override
	public Restore limitStatements(Connection connection, Duration lockTimeout, @Nullable Duration statementTimeout,
			boolean transactionScoped) throws SQLException {
		if (lockTimeout.isZero() && statementTimeout == null) {
			return Restore.NOTHING;
		}
		if (transactionScoped) {
			// One round trip; SET LOCAL's scope: the values end with the transaction.
			setConfig(connection, lockTimeout, statementTimeout, true);
			return Restore.NOTHING;
		}
		String previousLock;
		String previousStatement;
		try (Statement statement = connection.createStatement();
				ResultSet result = statement
					.executeQuery("SELECT current_setting('lock_timeout'), current_setting('statement_timeout')")) {
			result.next();
			previousLock = result.getString(1);
			previousStatement = result.getString(2);
		}
		setConfig(connection, lockTimeout, statementTimeout, false);
		return () -> {
			try (PreparedStatement statement = connection.prepareStatement(
					"SELECT set_config('lock_timeout', ?, false), set_config('statement_timeout', ?, false)")) {
				statement.setString(1, previousLock);
				statement.setString(2, previousStatement);
				statement.execute();
			}
		};
	}

	private static void setConfig(Connection connection, Duration lockTimeout, @Nullable Duration statementTimeout,
			boolean local) throws SQLException {
		String sql = (statementTimeout != null) ? "SELECT set_config('lock_timeout', ?, " + local
				+ "), set_config('statement_timeout', ?, " + local + ")"
				: "SELECT set_config('lock_timeout', ?, " + local + ")";
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			// Zero is PostgreSQL's "no limit" too, so an unset lock timeout stays unset.
			statement.setString(1, (lockTimeout.isZero()) ? "0" : Long.toString(Math.max(1, lockTimeout.toMillis())));
			if (statementTimeout != null) {
				statement.setString(2, Long.toString(Math.max(1, statementTimeout.toMillis())));
			}
			statement.execute();
		}
	}

	@Override
	public boolean isLockTimeout(SQLException ex) {
		return "55P03".equals(ex.getSQLState());
	}

	@Override
	public LockWaitWatcher lockWaitWatcher(MigrationLock.Held lock, Connection connection) {
		return (lock instanceof PostgresAdvisoryLock.SessionLock held)
				? new PostgresLockWaitWatcher(held.connection(), connection) : LockWaitWatcher.NONE;
	}

	@Override
	public SafetyProbe safetyProbe() {
		return new PostgresSafetyProbe();
	}

	@Override
	public MigrationLock lock(DataSource dataSource, String name, MigratorSettings.PostgresLock postgresLock) {
		return (postgresLock == MigratorSettings.PostgresLock.TRANSACTION) ? new PostgresTransactionLock(name)
				: lock(dataSource, name);
	}

}
