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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.migrations.ColumnDefinition;
import dev.migrations.DatabaseKind;
import dev.migrations.ForeignKeyDefinition;
import dev.migrations.IndexDefinition;
import dev.migrations.schema.TableChange.ConstraintKind;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads a MariaDB or MySQL schema (a database) from {@code information_schema}. A
 * {@code null} schema means the connection's current database. Defaults are reported as
 * SQL expressions ({@code 'x'}, {@code 0}, {@code current_timestamp()}); a {@code NULL}
 * default counts as none. Indexes that InnoDB creates for a foreign key, named after it,
 * are not listed as indexes: they belong to the foreign key. {@code RESTRICT} actions are
 * reported as {@code NO ACTION}, which InnoDB treats the same.
 */
final class MariaDbSchemaCatalog implements SchemaCatalog {

	private static final String SCHEMA = "COALESCE(?, DATABASE())";

	private final JdbcTemplate jdbc;

	private final DatabaseKind kind;

	private final @Nullable String schema;

	MariaDbSchemaCatalog(JdbcTemplate jdbc, DatabaseKind kind, @Nullable String schema) {
		this.jdbc = jdbc;
		this.kind = kind;
		this.schema = schema;
	}

	@Override
	public DatabaseKind kind() {
		return this.kind;
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
		return this.jdbc.queryForList("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = " + SCHEMA
				+ " AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME", String.class, this.schema);
	}

	@Override
	public boolean hasTable(String table) {
		Integer count = this.jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = "
				+ SCHEMA + " AND TABLE_NAME = ? AND TABLE_TYPE = 'BASE TABLE'", Integer.class, this.schema, table);
		return count != null && count > 0;
	}

	@Override
	public List<ColumnDefinition> columns(String table) {
		requireTable(table);
		return this.jdbc.query(
				"SELECT COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA"
						+ " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = " + SCHEMA
						+ " AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION",
				(rs, row) -> new ColumnDefinition(rs.getString(1), rs.getString(2), "YES".equals(rs.getString(3)),
						defaultValue(rs.getString(4), rs.getString(5))),
				this.schema, table);
	}

	/**
	 * Return the extra attributes of a column that a {@code MODIFY COLUMN} must restate
	 * to keep them: auto increment, {@code ON UPDATE}, collation and comment.
	 * @param table the table
	 * @param column the column
	 * @return the attributes as SQL, possibly empty
	 */
	String columnAttributes(String table, String column) {
		List<String> attributes = this.jdbc
			.query("SELECT EXTRA, COLLATION_NAME, COLUMN_COMMENT FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = "
					+ SCHEMA + " AND TABLE_NAME = ? AND COLUMN_NAME = ?", (rs, row) -> {
						StringBuilder sql = new StringBuilder();
						String extra = String.valueOf(rs.getString(1)).toLowerCase(Locale.ROOT);
						if (extra.contains("auto_increment")) {
							sql.append(" AUTO_INCREMENT");
						}
						int onUpdate = extra.indexOf("on update ");
						if (onUpdate >= 0) {
							sql.append(" ").append(rs.getString(1).substring(onUpdate));
						}
						if (rs.getString(2) != null) {
							sql.append(" COLLATE ").append(rs.getString(2));
						}
						if (rs.getString(3) != null && !rs.getString(3).isEmpty()) {
							sql.append(" COMMENT ").append(SchemaCatalog.literal(rs.getString(3)));
						}
						return sql.toString();
					}, this.schema, table, column);
		return (attributes.isEmpty()) ? "" : attributes.get(0);
	}

	private @Nullable String defaultValue(@Nullable String value, @Nullable String extra) {
		// MariaDB reports "no default" of a nullable column as the text NULL.
		if (value == null || value.equalsIgnoreCase("NULL")) {
			return null;
		}
		// MySQL reports literals unquoted and marks expressions DEFAULT_GENERATED.
		if (this.kind == DatabaseKind.MYSQL && (extra == null || !extra.contains("DEFAULT_GENERATED"))) {
			return SchemaCatalog.literal(value);
		}
		return value;
	}

	@Override
	public List<IndexDefinition> indexes(String table) {
		requireTable(table);
		Set<String> foreignKeys = constraintNames(table, ConstraintKind.FOREIGN_KEY);
		Map<String, List<String>> columns = new LinkedHashMap<>();
		Set<String> unique = new LinkedHashSet<>();
		this.jdbc.query("SELECT INDEX_NAME, NON_UNIQUE, COLUMN_NAME FROM information_schema.STATISTICS"
				+ " WHERE TABLE_SCHEMA = " + SCHEMA
				+ " AND TABLE_NAME = ? AND INDEX_NAME <> 'PRIMARY' ORDER BY INDEX_NAME, SEQ_IN_INDEX", (rs) -> {
					String name = rs.getString(1);
					boolean isUnique = rs.getInt(2) == 0;
					if (!isUnique && foreignKeys.contains(name)) {
						return;
					}
					columns.computeIfAbsent(name, (key) -> new ArrayList<>()).add(rs.getString(3));
					if (isUnique) {
						unique.add(name);
					}
				}, this.schema, table);
		List<IndexDefinition> indexes = new ArrayList<>();
		columns.forEach((name, names) -> indexes.add(new IndexDefinition(name, names, unique.contains(name))));
		return indexes;
	}

	@Override
	public List<ForeignKeyDefinition> foreignKeys(String table) {
		requireTable(table);
		Map<String, ForeignKeyRows> keys = new LinkedHashMap<>();
		this.jdbc.query("SELECT k.CONSTRAINT_NAME, k.COLUMN_NAME, k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME,"
				+ " r.DELETE_RULE, r.UPDATE_RULE FROM information_schema.KEY_COLUMN_USAGE k"
				+ " JOIN information_schema.REFERENTIAL_CONSTRAINTS r ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA"
				+ " AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = k.TABLE_NAME"
				+ " WHERE k.TABLE_SCHEMA = " + SCHEMA + " AND k.TABLE_NAME = ? AND k.REFERENCED_TABLE_NAME IS NOT NULL"
				+ " ORDER BY k.CONSTRAINT_NAME, k.ORDINAL_POSITION", (rs) -> {
					String name = rs.getString(1);
					ForeignKeyRows key = keys.get(name);
					if (key == null) {
						key = new ForeignKeyRows(rs.getString(3), action(rs.getString(5)), action(rs.getString(6)));
						keys.put(name, key);
					}
					key.columns().add(rs.getString(2));
					key.referencedColumns().add(rs.getString(4));
				}, this.schema, table);
		List<ForeignKeyDefinition> foreignKeys = new ArrayList<>();
		keys.forEach((name, key) -> foreignKeys.add(new ForeignKeyDefinition(name, key.columns(), key.referencedTable(),
				key.referencedColumns(), key.onDelete(), key.onUpdate())));
		return foreignKeys;
	}

	private static String action(String rule) {
		return ("RESTRICT".equals(rule)) ? "NO ACTION" : rule;
	}

	@Override
	public List<String> primaryKey(String table) {
		requireTable(table);
		return this.jdbc.queryForList(
				"SELECT COLUMN_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = " + SCHEMA
						+ " AND TABLE_NAME = ? AND INDEX_NAME = 'PRIMARY' ORDER BY SEQ_IN_INDEX",
				String.class, this.schema, table);
	}

	@Override
	public List<CheckConstraint> checks(String table) {
		requireTable(table);
		return this.jdbc.query(
				"SELECT c.CONSTRAINT_NAME, c.CHECK_CLAUSE FROM information_schema.TABLE_CONSTRAINTS t"
						+ " JOIN information_schema.CHECK_CONSTRAINTS c ON c.CONSTRAINT_SCHEMA = t.CONSTRAINT_SCHEMA"
						+ " AND c.CONSTRAINT_NAME = t.CONSTRAINT_NAME WHERE t.TABLE_SCHEMA = " + SCHEMA
						+ " AND t.TABLE_NAME = ? AND t.CONSTRAINT_TYPE = 'CHECK' ORDER BY c.CONSTRAINT_NAME",
				(rs, row) -> new CheckConstraint(rs.getString(1), rs.getString(2)), this.schema, table);
	}

	@Override
	public Set<String> constraintNames(String table, ConstraintKind kind) {
		String type = switch (kind) {
			case UNIQUE -> "UNIQUE";
			case FOREIGN_KEY -> "FOREIGN KEY";
			case CHECK -> "CHECK";
		};
		return new LinkedHashSet<>(
				this.jdbc.queryForList(
						"SELECT CONSTRAINT_NAME FROM information_schema.TABLE_CONSTRAINTS" + " WHERE TABLE_SCHEMA = "
								+ SCHEMA + " AND TABLE_NAME = ? AND CONSTRAINT_TYPE = ?",
						String.class, this.schema, table, type));
	}

	/**
	 * The rows of one foreign key while they are collected.
	 */
	private record ForeignKeyRows(String referencedTable, String onDelete, String onUpdate, List<String> columns,
			List<String> referencedColumns) {

		ForeignKeyRows(String referencedTable, String onDelete, String onUpdate) {
			this(referencedTable, onDelete, onUpdate, new ArrayList<>(), new ArrayList<>());
		}

	}

}
