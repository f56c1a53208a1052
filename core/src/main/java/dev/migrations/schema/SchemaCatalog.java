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

import java.sql.ResultSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import dev.migrations.ColumnDefinition;
import dev.migrations.DatabaseKind;
import dev.migrations.MigrationException;
import dev.migrations.SchemaReader;
import dev.migrations.schema.TableChange.ConstraintKind;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;

/**
 * A {@link SchemaReader} of one database kind with what snapshots and table changes need
 * beyond the public API. Reads through the caller's connection.
 */
interface SchemaCatalog extends SchemaReader {

	/**
	 * Return the catalog for a database kind.
	 * @param jdbc a template on the migration's connection
	 * @param kind the database kind
	 * @param schema the schema, or {@code null} for the connection's default
	 * @return the catalog
	 */
	static SchemaCatalog of(JdbcTemplate jdbc, DatabaseKind kind, @Nullable String schema) {
		return switch (kind) {
			case POSTGRES -> new PostgresSchemaCatalog(jdbc, schema);
			case SQLITE -> new SqliteSchemaCatalog(jdbc, schema);
			case MARIADB, MYSQL -> new MariaDbSchemaCatalog(jdbc, kind, schema);
		};
	}

	/**
	 * Return the database kind.
	 * @return the kind
	 */
	DatabaseKind kind();

	/**
	 * Return the template the catalog reads with.
	 * @return the template
	 */
	JdbcTemplate jdbc();

	/**
	 * Return the schema, or {@code null} for the connection's default.
	 * @return the schema
	 */
	@Nullable String schema();

	/**
	 * Return the check constraints of a table, sorted by name.
	 * @param table the table
	 * @return the checks
	 */
	List<CheckConstraint> checks(String table);

	/**
	 * Return the names of a table's constraints of a kind.
	 * @param table the table
	 * @param kind the kind
	 * @return the names
	 */
	Set<String> constraintNames(String table, ConstraintKind kind);

	/**
	 * Return the table name, qualified with the schema when one is set, quoted.
	 * @param table the table
	 * @return the qualified name
	 */
	default String qualify(String table) {
		String schema = schema();
		return (schema != null) ? quote(schema, kind()) + "." + quote(table, kind()) : quote(table, kind());
	}

	/**
	 * Return whether a table has at least one row.
	 * @param table the table
	 * @return whether it has rows
	 */
	default boolean hasRows(String table) {
		ResultSetExtractor<Boolean> exists = ResultSet::next;
		return Boolean.TRUE.equals(jdbc().query("SELECT 1 FROM " + qualify(table) + " LIMIT 1", exists));
	}

	/**
	 * Return how many rows hold {@code NULL} in a column.
	 * @param table the table
	 * @param column the column
	 * @return the count
	 */
	default long countNulls(String table, String column) {
		Long count = jdbc().queryForObject(
				"SELECT COUNT(*) FROM " + qualify(table) + " WHERE " + quote(column, kind()) + " IS NULL", Long.class);
		return (count != null) ? count : 0;
	}

	/**
	 * Fail unless the table exists.
	 * @param table the table
	 * @throws MigrationException if it does not
	 */
	default void requireTable(String table) {
		if (!hasTable(table)) {
			throw new MigrationException("Table " + table + " does not exist in schema " + describeSchema()
					+ ". Check the name (names are case-sensitive) and migrations.schema.");
		}
	}

	/**
	 * Return the schema for messages.
	 * @return the schema name, or a description of the default
	 */
	default String describeSchema() {
		String schema = schema();
		return (schema != null) ? schema : "(the connection's default)";
	}

	@Override
	default boolean hasColumn(String table, String column) {
		return hasTable(table) && columns(table).stream().anyMatch((candidate) -> candidate.name().equals(column));
	}

	@Override
	default boolean hasIndex(String table, String index) {
		return hasTable(table) && indexes(table).stream().anyMatch((candidate) -> candidate.name().equals(index));
	}

	/**
	 * Return a column of a table.
	 * @param table the table
	 * @param column the column
	 * @return the column, or {@code null}
	 */
	default @Nullable ColumnDefinition column(String table, String column) {
		return columns(table).stream().filter((candidate) -> candidate.name().equals(column)).findFirst().orElse(null);
	}

	/**
	 * Quote an identifier.
	 * @param identifier the identifier
	 * @return it in double quotes
	 */
	static String quote(String identifier) {
		return '"' + identifier.replace("\"", "\"\"") + '"';
	}

	/**
	 * Quote an identifier the way a kind of database reads it: in backticks on MariaDB
	 * and MySQL, in double quotes elsewhere.
	 * @param identifier the identifier
	 * @param kind the database kind
	 * @return it quoted
	 */
	static String quote(String identifier, DatabaseKind kind) {
		if (kind == DatabaseKind.MARIADB || kind == DatabaseKind.MYSQL) {
			return '`' + identifier.replace("`", "``") + '`';
		}
		return quote(identifier);
	}

	/**
	 * Quote identifiers and join them with commas.
	 * @param identifiers the identifiers
	 * @return the list
	 */
	static String quoteAll(List<String> identifiers) {
		return identifiers.stream().map(SchemaCatalog::quote).collect(Collectors.joining(", "));
	}

	/**
	 * Quote identifiers the way a kind of database reads them and join them with commas.
	 * @param identifiers the identifiers
	 * @param kind the database kind
	 * @return the list
	 */
	static String quoteAll(List<String> identifiers, DatabaseKind kind) {
		return identifiers.stream().map((identifier) -> quote(identifier, kind)).collect(Collectors.joining(", "));
	}

	/**
	 * Quote a string literal.
	 * @param value the value
	 * @return it in single quotes
	 */
	static String literal(String value) {
		return '\'' + value.replace("'", "''") + '\'';
	}

}
