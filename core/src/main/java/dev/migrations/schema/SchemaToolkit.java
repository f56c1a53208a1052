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

import org.jspecify.annotations.Nullable;

import dev.migrations.AlterTable;
import dev.migrations.CreateTable;
import dev.migrations.DatabaseKind;
import dev.migrations.SchemaReader;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.util.Assert;

/**
 * The schema tools of one migration connection: a {@link SchemaReader}, table changes and
 * table creation, all working through that connection (so in the migration's transaction)
 * on the configured schema. The engine hands them out through the migration context.
 */
public final class SchemaToolkit {

	private final Connection connection;

	private final SchemaCatalog catalog;

	/**
	 * Create the tools for a connection.
	 * @param connection the migration's connection; it is never committed or closed here,
	 * except that a change made while it is in auto-commit runs in a transaction of its
	 * own
	 * @param kind the kind of database
	 * @param schema the schema to work in ({@code migrations.schema}; on SQLite an
	 * attached database name), or {@code null} for the connection's default
	 */
	public SchemaToolkit(Connection connection, DatabaseKind kind, @Nullable String schema) {
		Assert.notNull(connection, "'connection' must not be null");
		Assert.notNull(kind, "'kind' must not be null");
		this.connection = connection;
		this.catalog = SchemaCatalog.of(new JdbcTemplate(new SingleConnectionDataSource(connection, true)), kind,
				schema);
	}

	/**
	 * Return the schema reader.
	 * @return the reader
	 */
	public SchemaReader reader() {
		return this.catalog;
	}

	/**
	 * Start a batch of changes to a table.
	 * @param table the table
	 * @return the batch
	 */
	public AlterTable alterTable(String table) {
		return new TableAlteration(this.connection, this.catalog, table);
	}

	/**
	 * Start the definition of a new table.
	 * @param table the table
	 * @return the definition
	 */
	public CreateTable createTable(String table) {
		return new TableCreation(this.connection, this.catalog, table);
	}

}
