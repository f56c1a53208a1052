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
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The statements of a PostgreSQL schema dump, from the catalog functions
 * ({@code pg_get_*def}) with the search path set to the schema, so that names inside it
 * are unqualified and the script loads into whatever schema the loading connection uses.
 * Order: enum types, free-standing sequences, tables with their columns and non-foreign
 * constraints, sequence ownership, functions (their bodies are not checked while loading,
 * as {@code pg_dump} does), views in dependency order, indexes, foreign keys, triggers.
 * Each kind is sorted by name. Objects that extensions own are left out.
 */
final class PostgresSchemaDump {

	private static final String IN_SCHEMA = " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ?";

	private static final String NOT_FROM_EXTENSION = " AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.objid = c.oid"
			+ " AND e.deptype = 'e')";

	private final JdbcTemplate jdbc;

	private final @Nullable String requestedSchema;

	private final String historyTable;

	private String schema = "";

	PostgresSchemaDump(JdbcTemplate jdbc, @Nullable String schema, String historyTable) {
		this.jdbc = jdbc;
		this.requestedSchema = schema;
		this.historyTable = historyTable;
	}

	List<String> statements() {
		this.schema = (this.requestedSchema != null) ? this.requestedSchema
				: this.jdbc.queryForObject("SELECT current_schema()", String.class);
		this.jdbc.queryForObject("SELECT set_config('search_path', quote_ident(?), true)", String.class, this.schema);
		List<String> statements = new ArrayList<>();
		statements.add("SET LOCAL check_function_bodies = false");
		statements.addAll(enumTypes());
		statements.addAll(sequences());
		statements.addAll(tables());
		statements.addAll(sequenceOwners());
		statements.addAll(functions());
		statements.addAll(views());
		statements.addAll(indexes());
		statements.addAll(foreignKeys());
		statements.addAll(triggers());
		return statements;
	}

	private List<String> enumTypes() {
		return this.jdbc.queryForList("SELECT 'CREATE TYPE ' || quote_ident(t.typname) || ' AS ENUM ('"
				+ " || string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder) || ')'"
				+ " FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace"
				+ " WHERE n.nspname = ? AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.objid = t.oid"
				+ " AND x.deptype = 'e') GROUP BY t.typname ORDER BY t.typname", String.class, this.schema);
	}

	/** Sequences of identity columns are part of their column. */
	private List<String> sequences() {
		return this.jdbc.queryForList("SELECT 'CREATE SEQUENCE ' || quote_ident(c.relname) || ' AS '"
				+ " || format_type(s.seqtypid, NULL) || ' START WITH ' || s.seqstart || ' INCREMENT BY '"
				+ " || s.seqincrement || ' MINVALUE ' || s.seqmin || ' MAXVALUE ' || s.seqmax || ' CACHE ' || s.seqcache"
				+ " || CASE WHEN s.seqcycle THEN ' CYCLE' ELSE '' END FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid"
				+ IN_SCHEMA + NOT_FROM_EXTENSION + " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid"
				+ " AND d.deptype = 'i') ORDER BY c.relname", String.class, this.schema);
	}

	private List<String> tables() {
		List<String> statements = new ArrayList<>();
		this.jdbc.query("SELECT c.oid, quote_ident(c.relname), c.relpersistence FROM pg_class c" + IN_SCHEMA
				+ " AND c.relkind = 'r' AND NOT c.relispartition AND c.relname <> ?" + NOT_FROM_EXTENSION
				+ " ORDER BY c.relname", (rs) -> {
					List<String> lines = columns(rs.getLong(1));
					lines.addAll(constraints(rs.getLong(1)));
					String unlogged = "u".equals(rs.getString(3)) ? "UNLOGGED " : "";
					statements.add("CREATE " + unlogged + "TABLE " + rs.getString(2) + " (\n\t"
							+ String.join(",\n\t", lines) + "\n)");
				}, this.schema, this.historyTable);
		return statements;
	}

	private List<String> columns(long table) {
		return this.jdbc.query("SELECT quote_ident(a.attname), format_type(a.atttypid, a.atttypmod), a.attnotnull,"
				+ " a.attidentity, a.attgenerated, pg_get_expr(d.adbin, d.adrelid),"
				+ " CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation"
				+ " THEN CAST(CAST(a.attcollation AS regcollation) AS text) END,"
				+ " s.seqstart, s.seqincrement FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid"
				+ " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
				+ " LEFT JOIN pg_depend i ON i.refobjid = a.attrelid AND i.refobjsubid = a.attnum AND i.deptype = 'i'"
				+ " AND i.classid = 'pg_class'::regclass LEFT JOIN pg_sequence s ON s.seqrelid = i.objid"
				+ " WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum", (rs, row) -> {
					StringBuilder column = new StringBuilder(rs.getString(1)).append(' ').append(rs.getString(2));
					if (rs.getString(7) != null) {
						column.append(" COLLATE ").append(rs.getString(7));
					}
					String identity = rs.getString(4);
					String expression = rs.getString(6);
					if ("a".equals(identity) || "d".equals(identity)) {
						column.append(" GENERATED ")
							.append("a".equals(identity) ? "ALWAYS" : "BY DEFAULT")
							.append(" AS IDENTITY");
						if (rs.getLong(8) != 1 || rs.getLong(9) != 1) {
							column.append(" (START WITH ")
								.append(rs.getLong(8))
								.append(" INCREMENT BY ")
								.append(rs.getLong(9))
								.append(')');
						}
					}
					else if ("s".equals(rs.getString(5))) {
						column.append(" GENERATED ALWAYS AS (").append(expression).append(") STORED");
					}
					else if (expression != null) {
						column.append(" DEFAULT ").append(expression);
					}
					if (rs.getBoolean(3)) {
						column.append(" NOT NULL");
					}
					return column.toString();
				}, table);
	}

	private List<String> constraints(long table) {
		return this.jdbc.query("SELECT 'CONSTRAINT ' || quote_ident(conname) || ' ' || pg_get_constraintdef(oid, true)"
				+ " FROM pg_constraint WHERE conrelid = ? AND contype IN ('p', 'u', 'c', 'x')"
				+ " ORDER BY position(contype IN 'pucx'), conname", (rs, row) -> rs.getString(1), table);
	}

	private List<String> sequenceOwners() {
		return this.jdbc.queryForList("SELECT 'ALTER SEQUENCE ' || quote_ident(c.relname) || ' OWNED BY '"
				+ " || quote_ident(t.relname) || '.' || quote_ident(a.attname) FROM pg_depend d"
				+ " JOIN pg_class c ON c.oid = d.objid AND c.relkind = 'S' JOIN pg_class t ON t.oid = d.refobjid"
				+ " JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid" + IN_SCHEMA
				+ " AND d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass AND d.deptype = 'a'"
				+ " AND t.relname <> ? ORDER BY c.relname", String.class, this.schema, this.historyTable);
	}

	/** The catalog always qualifies a function's own name: the schema is taken off. */
	private List<String> functions() {
		String prefix = this.jdbc.queryForObject("SELECT quote_ident(?) || '.'", String.class, this.schema);
		return this.jdbc.query("SELECT pg_get_functiondef(c.oid), c.prokind FROM pg_proc c"
				+ " JOIN pg_namespace n ON n.oid = c.pronamespace WHERE n.nspname = ? AND c.prokind IN ('f', 'p')"
				+ NOT_FROM_EXTENSION + " ORDER BY c.proname, pg_get_function_identity_arguments(c.oid)", (rs, row) -> {
					String kind = "p".equals(rs.getString(2)) ? "PROCEDURE " : "FUNCTION ";
					return rs.getString(1).replaceFirst(Pattern.quote(kind + prefix), kind);
				}, this.schema);
	}

	private List<String> views() {
		Map<Long, String> definitions = new LinkedHashMap<>();
		this.jdbc.query("SELECT c.oid, 'CREATE VIEW ' || quote_ident(c.relname) || ' AS\n'"
				+ " || rtrim(pg_get_viewdef(c.oid, true), ';') FROM pg_class c" + IN_SCHEMA + " AND c.relkind = 'v'"
				+ NOT_FROM_EXTENSION + " ORDER BY c.relname", (rs) -> {
					definitions.put(rs.getLong(1), rs.getString(2));
				}, this.schema);
		Map<Long, Set<Long>> dependencies = new LinkedHashMap<>();
		this.jdbc.query("SELECT DISTINCT r.ev_class, d.refobjid FROM pg_rewrite r JOIN pg_depend d"
				+ " ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid AND d.refclassid = 'pg_class'::regclass"
				+ " JOIN pg_class w ON w.oid = d.refobjid AND w.relkind = 'v' WHERE w.oid <> r.ev_class", (rs) -> {
					dependencies.computeIfAbsent(rs.getLong(1), (view) -> new LinkedHashSet<>()).add(rs.getLong(2));
				});
		return DependencyOrder.sort(definitions, dependencies);
	}

	private List<String> indexes() {
		return this.jdbc.queryForList("SELECT pg_get_indexdef(x.indexrelid, 0, true) FROM pg_index x"
				+ " JOIN pg_class c ON c.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid" + IN_SCHEMA
				+ " AND t.relname <> ? AND t.relkind = 'r' AND NOT EXISTS (SELECT 1 FROM pg_constraint k"
				+ " WHERE k.conindid = x.indexrelid AND k.contype IN ('p', 'u', 'x'))" + NOT_FROM_EXTENSION
				+ " ORDER BY c.relname", String.class, this.schema, this.historyTable);
	}

	private List<String> foreignKeys() {
		return this.jdbc.queryForList(
				"SELECT 'ALTER TABLE ' || quote_ident(c.relname) || ' ADD CONSTRAINT '"
						+ " || quote_ident(k.conname) || ' ' || pg_get_constraintdef(k.oid, true) FROM pg_constraint k"
						+ " JOIN pg_class c ON c.oid = k.conrelid" + IN_SCHEMA
						+ " AND k.contype = 'f' AND c.relname <> ?" + " ORDER BY c.relname, k.conname",
				String.class, this.schema, this.historyTable);
	}

	private List<String> triggers() {
		return this.jdbc.queryForList(
				"SELECT pg_get_triggerdef(g.oid, true) FROM pg_trigger g" + " JOIN pg_class c ON c.oid = g.tgrelid"
						+ IN_SCHEMA + " AND NOT g.tgisinternal AND c.relname <> ?" + " ORDER BY c.relname, g.tgname",
				String.class, this.schema, this.historyTable);
	}

}
