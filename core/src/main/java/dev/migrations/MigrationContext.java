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

package dev.migrations;

import java.sql.Connection;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a running migration works with: its own connection, a {@code JdbcTemplate} bound
 * to it, the kind of database and schema tools that read and change tables.
 * <p>
 * Everything done through the context runs in the migration's transaction (unless the
 * migration is not {@link Migration#transactional() transactional}) and commits together
 * with its history row.
 *
 * @since 0.1.0
 */
public interface MigrationContext {

	/**
	 * Return the migration's connection. Do not commit, roll back or close it.
	 * @return the connection
	 */
	Connection connection();

	/**
	 * Return a {@code JdbcTemplate} that runs on {@link #connection()}.
	 * @return the template
	 */
	JdbcTemplate jdbc();

	/**
	 * Return the kind of database the migration runs against.
	 * @return the database kind
	 */
	DatabaseKind database();

	/**
	 * Return the bean name of the {@code DataSource} being migrated.
	 * @return the DataSource name
	 */
	String dataSourceName();

	/**
	 * Return a reader of the migration's schema ({@code migrations.schema}, else the
	 * connection's default): tables, columns, indexes, keys. It reads through
	 * {@link #connection()}, so it sees the migration's own uncommitted changes.
	 * @return the schema reader
	 * @since 0.1.0
	 */
	SchemaReader schema();

	/**
	 * Start a batch of changes to a table, applied by {@link AlterTable#apply()}: plain
	 * {@code ALTER TABLE} on PostgreSQL, and on SQLite the native statement where SQLite
	 * has one, else a table rebuild that keeps rows, indexes, constraints, foreign keys
	 * and triggers. For example
	 * {@code ctx.alterTable("users").dropColumn("is_admin").apply()}.
	 * @param table the table name, in the migration's schema
	 * @return a new, empty batch
	 * @since 0.1.0
	 */
	AlterTable alterTable(String table);

	/**
	 * Start the definition of a new table, created by {@link CreateTable#apply()}.
	 * @param table the table name, in the migration's schema
	 * @return a new, empty definition
	 * @since 0.1.0
	 */
	CreateTable createTable(String table);

}
