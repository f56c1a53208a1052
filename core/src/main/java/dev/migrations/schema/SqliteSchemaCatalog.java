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

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import dev.migrations.ColumnDefinition;
import dev.migrations.DatabaseKind;
import dev.migrations.ForeignKeyDefinition;
import dev.migrations.IndexDefinition;
import dev.migrations.schema.TableChange.ConstraintKind;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads an SQLite schema with its pragmas ({@code table_xinfo}, {@code index_list},
 * {@code foreign_key_list}) and, for what SQLite keeps only as text (check constraints,
 * constraint names), the {@code CREATE TABLE} statement. A schema is an attached database
 * name; {@code null} means {@code main}.
 */
final class SqliteSchemaCatalog implements SchemaCatalog {

	private final JdbcTemplate jdbc;

	private final @Nullable String schema;

	SqliteSchemaCatalog(JdbcTemplate jdbc, @Nullable String schema) {
		this.jdbc = jdbc;
		this.schema = schema;
	}

	@Override
	public DatabaseKind kind() {
		return DatabaseKind.SQLITE;
	}

	@Override
	public JdbcTemplate jdbc() {
		return this.jdbc;
	}

	@Override
	public @Nullable String schema() {
		return this.schema;
	}

	@Override
	public List<String> tables() {
		return this.jdbc.queryForList("SELECT name FROM " + prefix() + "sqlite_master WHERE type = 'table'"
				+ " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name", String.class);
	}

	@Override
	public boolean hasTable(String table) {
		Integer count = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM " + prefix() + "sqlite_master WHERE type = 'table' AND name = ?", Integer.class,
				table);
		return count != null && count > 0;
	}

	@Override
	public List<ColumnDefinition> columns(String table) {
		requireTable(table);
		List<ColumnDefinition> columns = new ArrayList<>();
		this.jdbc.query(pragma("table_xinfo", table), (rs) -> {
			if (rs.getInt("hidden") != 1) {
				columns.add(new ColumnDefinition(rs.getString("name"), rs.getString("type"), rs.getInt("notnull") == 0,
						rs.getString("dflt_value")));
			}
		});
		return columns;
	}

	@Override
	public List<IndexDefinition> indexes(String table) {
		requireTable(table);
		List<IndexDefinition> indexes = new ArrayList<>();
		Map<String, Boolean> unique = new LinkedHashMap<>();
		this.jdbc.query(pragma("index_list", table), (rs) -> {
			if (!"pk".equals(rs.getString("origin"))) {
				unique.put(rs.getString("name"), rs.getInt("unique") == 1);
			}
		});
		unique.forEach((name, isUnique) -> {
			List<String> columns = new ArrayList<>();
			this.jdbc.query(pragma("index_xinfo", name), (rs) -> {
				if (rs.getInt("key") == 1) {
					String column = rs.getString("name");
					columns.add((column != null) ? column : (rs.getInt("cid") == -1) ? "rowid" : "<expression>");
				}
			});
			indexes.add(new IndexDefinition(name, columns, isUnique));
		});
		indexes.sort(Comparator.comparing(IndexDefinition::name));
		return indexes;
	}

	@Override
	public List<ForeignKeyDefinition> foreignKeys(String table) {
		requireTable(table);
		Map<Integer, List<String[]>> rows = new LinkedHashMap<>();
		this.jdbc.query(pragma("foreign_key_list", table), (rs) -> {
			rows.computeIfAbsent(rs.getInt("id"), (id) -> new ArrayList<>())
				.add(new String[] { rs.getString("table"), rs.getString("from"), rs.getString("to"),
						rs.getString("on_delete"), rs.getString("on_update") });
		});
		Map<List<String>, String> names = definition(table).foreignKeyNames();
		List<ForeignKeyDefinition> foreignKeys = new ArrayList<>();
		rows.values().forEach((key) -> {
			String referencedTable = key.get(0)[0];
			List<String> columns = key.stream().map((row) -> row[1]).toList();
			List<String> referencedColumns = (key.get(0)[2] != null) ? key.stream().map((row) -> row[2]).toList()
					: primaryKeyOf(referencedTable);
			foreignKeys.add(new ForeignKeyDefinition(names.get(columns), columns, referencedTable, referencedColumns,
					key.get(0)[3], key.get(0)[4]));
		});
		foreignKeys.sort(Comparator.comparing((ForeignKeyDefinition key) -> String.join(",", key.columns()))
			.thenComparing(ForeignKeyDefinition::referencedTable));
		return foreignKeys;
	}

	@Override
	public List<String> primaryKey(String table) {
		requireTable(table);
		Map<Integer, String> key = new TreeMap<>();
		this.jdbc.query(pragma("table_xinfo", table), (rs) -> {
			if (rs.getInt("pk") > 0) {
				key.put(rs.getInt("pk"), rs.getString("name"));
			}
		});
		return List.copyOf(key.values());
	}

	@Override
	public List<CheckConstraint> checks(String table) {
		requireTable(table);
		List<CheckConstraint> checks = new ArrayList<>(definition(table).checks());
		checks.sort(Comparator.comparing((CheckConstraint check) -> String.valueOf(check.name()))
			.thenComparing(CheckConstraint::expression));
		return checks;
	}

	@Override
	public Set<String> constraintNames(String table, ConstraintKind kind) {
		return definition(table).constraintNames(kind);
	}

	/**
	 * Return the statement that created a table.
	 * @param table the table
	 * @return the statement
	 */
	String createSql(String table) {
		requireTable(table);
		String sql = this.jdbc.queryForObject(
				"SELECT sql FROM " + prefix() + "sqlite_master WHERE type = 'table' AND name = ?", String.class, table);
		return (sql != null) ? sql : "";
	}

	/**
	 * Return the parsed definition of a table.
	 * @param table the table
	 * @return the definition
	 */
	SqliteTableDefinition definition(String table) {
		return SqliteTableDefinition.parse(table, createSql(table));
	}

	/**
	 * Return the schema prefix of names, empty for the default.
	 * @return the quoted schema and a dot, or nothing
	 */
	String prefix() {
		return (this.schema != null) ? SchemaCatalog.quote(this.schema) + "." : "";
	}

	private List<String> primaryKeyOf(String table) {
		return hasTable(table) ? primaryKey(table) : List.of();
	}

	private String pragma(String pragma, String argument) {
		return "PRAGMA " + prefix() + pragma + "(" + SchemaCatalog.literal(argument) + ")";
	}

}
