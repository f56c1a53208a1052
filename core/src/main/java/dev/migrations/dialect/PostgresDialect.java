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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import dev.migrations.DatabaseKind;
import dev.migrations.MigratorSettings;

/**
 * PostgreSQL: transactional DDL, {@code timestamptz}, a session advisory lock (or a
 * transaction one, behind a transaction pooler).
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
	public MigrationLock lock(DataSource dataSource, String name, MigratorSettings.PostgresLock postgresLock) {
		return (postgresLock == MigratorSettings.PostgresLock.TRANSACTION) ? new PostgresTransactionLock(name)
				: lock(dataSource, name);
	}

}
