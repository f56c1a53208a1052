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
 * Reads a PostgreSQL schema from {@code pg_catalog}, which (unlike JDBC metadata) gives
 * exact types with their modifiers ({@code format_type}), default expressions and
 * constraint names. A {@code null} schema means {@code current_schema()}.
 */
final class PostgresSchemaCatalog implements SchemaCatalog {

	private static final String TABLE_OID = "(SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
			+ " WHERE c.relname = ? AND n.nspname = COALESCE(CAST(? AS text), current_schema()) AND c.relkind IN ('r', 'p'))";

	private static final Map<String, String> ACTIONS = Map.of("a", "NO ACTION", "r", "RESTRICT", "c", "CASCADE", "n",
			"SET NULL", "d", "SET DEFAULT");

	private final JdbcTemplate jdbc;

	private final @Nullable String schema;

	PostgresSchemaCatalog(JdbcTemplate jdbc, @Nullable String schema) {
		this.jdbc = jdbc;
		this.schema = schema;
	}

	@Override
	public DatabaseKind kind() {
		return DatabaseKind.POSTGRES;
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
		return this.jdbc.queryForList("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
				+ " WHERE n.nspname = COALESCE(CAST(? AS text), current_schema()) AND c.relkind IN ('r', 'p')"
				+ PostgresSchemas.notFromExtension("c.oid") + " ORDER BY c.relname", String.class, this.schema);
	}

	@Override
	public boolean hasTable(String table) {
		return Boolean.TRUE.equals(
				this.jdbc.queryForObject("SELECT " + TABLE_OID + " IS NOT NULL", Boolean.class, table, this.schema));
	}

	@Override
	public List<ColumnDefinition> columns(String table) {
		requireTable(table);
		return this.jdbc.query(
				"SELECT a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull,"
						+ " pg_get_expr(d.adbin, d.adrelid) FROM pg_attribute a"
						+ " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum WHERE a.attrelid = "
						+ TABLE_OID + " AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum",
				(rs, row) -> new ColumnDefinition(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4)),
				table, this.schema);
	}

	@Override
	public List<IndexDefinition> indexes(String table) {
		requireTable(table);
		Map<String, List<String>> columns = new LinkedHashMap<>();
		Set<String> unique = new LinkedHashSet<>();
		this.jdbc.query("SELECT i.relname, x.indisunique, pg_get_indexdef(x.indexrelid, k.n, true) FROM pg_index x"
				+ " JOIN pg_class i ON i.oid = x.indexrelid CROSS JOIN LATERAL generate_series(1, x.indnkeyatts) AS k(n)"
				+ " WHERE x.indrelid = " + TABLE_OID + " AND NOT x.indisprimary ORDER BY i.relname, k.n", (rs) -> {
					columns.computeIfAbsent(rs.getString(1), (name) -> new ArrayList<>()).add(rs.getString(3));
					if (rs.getBoolean(2)) {
						unique.add(rs.getString(1));
					}
				}, table, this.schema);
		List<IndexDefinition> indexes = new ArrayList<>();
		columns.forEach((name, names) -> indexes.add(new IndexDefinition(name, names, unique.contains(name))));
		return indexes;
	}

	@Override
	public List<ForeignKeyDefinition> foreignKeys(String table) {
		requireTable(table);
		Map<String, ForeignKeyRows> keys = new LinkedHashMap<>();
		this.jdbc.query("SELECT k.conname, ca.attname, fc.relname, fa.attname, k.confdeltype, k.confupdtype"
				+ " FROM pg_constraint k CROSS JOIN LATERAL unnest(k.conkey, k.confkey) WITH ORDINALITY AS u(col, refcol, ord)"
				+ " JOIN pg_attribute ca ON ca.attrelid = k.conrelid AND ca.attnum = u.col"
				+ " JOIN pg_attribute fa ON fa.attrelid = k.confrelid AND fa.attnum = u.refcol"
				+ " JOIN pg_class fc ON fc.oid = k.confrelid WHERE k.conrelid = " + TABLE_OID
				+ " AND k.contype = 'f' ORDER BY k.conname, u.ord", (rs) -> {
					String name = rs.getString(1);
					ForeignKeyRows key = keys.get(name);
					if (key == null) {
						key = new ForeignKeyRows(rs.getString(3), ACTIONS.get(rs.getString(5)),
								ACTIONS.get(rs.getString(6)));
						keys.put(name, key);
					}
					key.columns().add(rs.getString(2));
					key.referencedColumns().add(rs.getString(4));
				}, table, this.schema);
		List<ForeignKeyDefinition> foreignKeys = new ArrayList<>();
		keys.forEach((name, key) -> foreignKeys.add(new ForeignKeyDefinition(name, key.columns(), key.referencedTable(),
				key.referencedColumns(), key.onDelete(), key.onUpdate())));
		return foreignKeys;
	}

	@Override
	public List<String> primaryKey(String table) {
		requireTable(table);
		return this.jdbc.queryForList("SELECT a.attname FROM pg_constraint k"
				+ " CROSS JOIN LATERAL unnest(k.conkey) WITH ORDINALITY AS u(col, ord)"
				+ " JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.col WHERE k.conrelid = " + TABLE_OID
				+ " AND k.contype = 'p' ORDER BY u.ord", String.class, table, this.schema);
	}

	@Override
	public List<CheckConstraint> checks(String table) {
		requireTable(table);
		return this.jdbc.query(
				"SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = " + TABLE_OID
						+ " AND contype = 'c' ORDER BY conname",
				(rs, row) -> new CheckConstraint(rs.getString(1), rs.getString(2)), table, this.schema);
	}

	@Override
	public Set<String> constraintNames(String table, ConstraintKind kind) {
		return new LinkedHashSet<>(this.jdbc.queryForList(
				"SELECT conname FROM pg_constraint WHERE conrelid = " + TABLE_OID + " AND contype = ?", String.class,
				table, this.schema, kind.postgresType()));
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
