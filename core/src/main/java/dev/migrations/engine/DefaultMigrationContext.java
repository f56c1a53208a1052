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

import java.sql.Connection;

import org.jspecify.annotations.Nullable;

import dev.migrations.AlterTable;
import dev.migrations.CreateTable;
import dev.migrations.DatabaseKind;
import dev.migrations.MigrationContext;
import dev.migrations.SchemaReader;
import dev.migrations.schema.SchemaToolkit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The context handed to migrations of one run: one connection, one template bound to it,
 * and the schema tools working through that connection in the configured schema.
 */
final class DefaultMigrationContext implements MigrationContext {

	private final Connection connection;

	private final JdbcTemplate jdbc;

	private final DatabaseKind database;

	private final String dataSourceName;

	private final SchemaToolkit schema;

	DefaultMigrationContext(Connection connection, DatabaseKind database, String dataSourceName) {
		this(connection, database, dataSourceName, null);
	}

	DefaultMigrationContext(Connection connection, DatabaseKind database, String dataSourceName,
			@Nullable String schema) {
		this.connection = connection;
		this.jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
		this.database = database;
		this.dataSourceName = dataSourceName;
		this.schema = new SchemaToolkit(connection, database, schema);
	}

	@Override
	public Connection connection() {
		return this.connection;
	}

	@Override
	public JdbcTemplate jdbc() {
		return this.jdbc;
	}

	@Override
	public DatabaseKind database() {
		return this.database;
	}

	@Override
	public String dataSourceName() {
		return this.dataSourceName;
	}

	@Override
	public SchemaReader schema() {
		return this.schema.reader();
	}

	@Override
	public AlterTable alterTable(String table) {
		return this.schema.alterTable(table);
	}

	@Override
	public CreateTable createTable(String table) {
		return this.schema.createTable(table);
	}

}
