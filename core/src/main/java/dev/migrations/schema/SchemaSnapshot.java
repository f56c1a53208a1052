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
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import dev.migrations.DatabaseKind;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.util.Assert;

/**
 * A schema at one moment: the tables (columns with type, nullability and default, primary
 * key, indexes and unique constraints, foreign keys and check constraints) and, when read
 * with {@link #readAll}, every other object the migrations created, as definitions by
 * name. Compare two with {@link #diff(SchemaSnapshot)}.
 *
 * @param tables the tables by name, sorted; tables outside the schema read are named
 * {@code schema.table}
 * @param objects the other objects' definitions by kind and name, such as
 * {@code view public.active_users}, and what tables have beyond {@link TableSnapshot},
 * such as {@code table users: partition key}; sorted
 */
public record SchemaSnapshot(Map<String, TableSnapshot> tables, Map<String, String> objects) {

	public SchemaSnapshot {
		tables = Collections.unmodifiableMap(new TreeMap<>(tables));
		objects = Collections.unmodifiableMap(new TreeMap<>(objects));
	}

	/**
	 * Create a snapshot of tables only.
	 * @param tables the tables by name
	 */
	public SchemaSnapshot(Map<String, TableSnapshot> tables) {
		this(tables, Map.of());
	}

	/**
	 * Read the tables of one schema through a connection, in its current transaction.
	 * @param connection the connection; it is not closed
	 * @param kind the kind of database
	 * @param schema the schema (on SQLite an attached database name), or {@code null} for
	 * the connection's default
	 * @param excludedTables tables to leave out, such as the history table
	 * @return the snapshot
	 */
	public static SchemaSnapshot read(Connection connection, DatabaseKind kind, @Nullable String schema,
			Set<String> excludedTables) {
		Assert.notNull(connection, "'connection' must not be null");
		Assert.notNull(kind, "'kind' must not be null");
		Assert.notNull(excludedTables, "'excludedTables' must not be null");
		SchemaCatalog catalog = SchemaCatalog.of(jdbc(connection), kind, schema);
		Map<String, TableSnapshot> tables = new TreeMap<>();
		readTables(catalog, "", excludedTables, tables);
		return new SchemaSnapshot(tables);
	}

	/**
	 * Read everything the migrations created, as {@code pg_dump} would dump it, through a
	 * connection in its current transaction. On PostgreSQL: every schema but the system
	 * ones, with schemas, extensions (by name), types, domains, sequences, tables,
	 * partitions, views, materialized views, functions, procedures, triggers, rules,
	 * policies and comments; objects of extensions are left out. On SQLite: the tables,
	 * views and triggers of the schema. On MariaDB and MySQL: the tables of the schema.
	 * @param connection the connection; it is not closed
	 * @param kind the kind of database
	 * @param schema the migrations' schema (on SQLite an attached database name), or
	 * {@code null} for the connection's default; its tables are named without it
	 * @param historyTable the history table in that schema, left out with what belongs to
	 * it
	 * @return the snapshot
	 */
	public static SchemaSnapshot readAll(Connection connection, DatabaseKind kind, @Nullable String schema,
			String historyTable) {
		Assert.notNull(connection, "'connection' must not be null");
		Assert.notNull(kind, "'kind' must not be null");
		Assert.hasText(historyTable, "'historyTable' must not be empty");
		JdbcTemplate jdbc = jdbc(connection);
		Map<String, TableSnapshot> tables = new TreeMap<>();
		if (kind != DatabaseKind.POSTGRES) {
			readTables(SchemaCatalog.of(jdbc, kind, schema), "", Set.of(historyTable), tables);
			Map<String, String> objects = (kind == DatabaseKind.SQLITE)
					? new SqliteSchemaObjects(jdbc, schema, historyTable).read() : Map.of();
			return new SchemaSnapshot(tables, objects);
		}
		String main = PostgresSchemas.resolve(jdbc, schema);
		for (String other : PostgresSchemas.userSchemas(jdbc)) {
			boolean isMain = other.equals(main);
			readTables(new PostgresSchemaCatalog(jdbc, other), isMain ? "" : other + ".",
					isMain ? Set.of(historyTable) : Set.of(), tables);
		}
		long history = PostgresSchemas.historyTable(jdbc, main, historyTable);
		return new SchemaSnapshot(tables, new PostgresSchemaObjects(jdbc, main, history).read());
	}

	private static void readTables(SchemaCatalog catalog, String prefix, Set<String> excludedTables,
			Map<String, TableSnapshot> tables) {
		for (String table : catalog.tables()) {
			if (!excludedTables.contains(table)) {
				tables.put(prefix + table, TableSnapshot.read(catalog, table));
			}
		}
	}

	private static JdbcTemplate jdbc(Connection connection) {
		return new JdbcTemplate(new SingleConnectionDataSource(connection, true));
	}

	/**
	 * Compare this snapshot, as the expected schema, with another.
	 * @param actual the schema to compare with
	 * @return the differences, empty when the schemas match
	 */
	public SchemaDiff diff(SchemaSnapshot actual) {
		return SchemaDiff.between(this, actual);
	}

}
