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
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.migrations.DatabaseKind;
import dev.migrations.MigrationException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.util.Assert;

/**
 * Writes the schema of a database as one SQL script that recreates it, read from the
 * database's catalog (no external tool): on PostgreSQL enum types, sequences, tables with
 * columns, defaults, identity and constraints, functions, views, indexes, foreign keys
 * and triggers; on SQLite the {@code sqlite_master} definitions. The history table is
 * left out. Objects are sorted by kind, dependency and name, so the same schema always
 * dumps to the same text; the script ends with a comment naming its version, which
 * {@link #version(String)} reads back.
 */
public final class SchemaDump {

	private static final String HEADER = "-- Schema written by the migrations starter (Migrator.dumpSchema()).\n"
			+ "-- Regenerate it after adding migrations rather than editing it.\n";

	private static final String TRAILER = "-- Schema at version ";

	private static final Pattern VERSION = Pattern.compile("(?m)^-- Schema at version (\\S+)\\s*\\z");

	private SchemaDump() {
	}

	/**
	 * Write the schema reachable through a connection. PostgreSQL needs the connection in
	 * a transaction (autocommit off): the search path is changed for the transaction
	 * only, and the caller rolls it back.
	 * @param connection the connection; it is not closed
	 * @param kind the kind of database
	 * @param schema the schema (on SQLite an attached database name), or {@code null} for
	 * the connection's default
	 * @param historyTable the history table, left out with its indexes and triggers
	 * @param version the version the schema is at, or {@code null} when nothing is
	 * applied
	 * @return the script
	 */
	public static String write(Connection connection, DatabaseKind kind, @Nullable String schema, String historyTable,
			@Nullable String version) {
		Assert.notNull(connection, "'connection' must not be null");
		Assert.notNull(kind, "'kind' must not be null");
		Assert.hasText(historyTable, "'historyTable' must not be empty");
		JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
		List<String> statements = switch (kind) {
			case POSTGRES -> new PostgresSchemaDump(jdbc, schema, historyTable).statements();
			case SQLITE -> new SqliteSchemaDump(jdbc, schema, historyTable).statements();
			case MARIADB,
					MYSQL ->
				throw new MigrationException("Dumping the schema of " + kind
						+ " is not supported: only PostgreSQL and SQLite can be dumped. Use the database's own "
						+ "tool, such as mariadb-dump --no-data.");
		};
		StringBuilder script = new StringBuilder(HEADER);
		for (String statement : statements) {
			script.append('\n').append(statement.stripTrailing()).append(";\n");
		}
		script.append('\n');
		script.append((version != null) ? TRAILER + version : "-- Schema without an applied migration").append('\n');
		return script.toString();
	}

	/**
	 * Return the version a script written by {@link #write} names in its last line.
	 * @param script the script
	 * @return the version, or {@code null} when the script does not end with the comment
	 */
	public static @Nullable String version(String script) {
		Assert.notNull(script, "'script' must not be null");
		Matcher matcher = VERSION.matcher(script);
		return matcher.find() ? matcher.group(1) : null;
	}

}
