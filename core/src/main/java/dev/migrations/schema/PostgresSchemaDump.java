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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;

import static dev.migrations.schema.PostgresSchemas.USER_SCHEMA;
import static dev.migrations.schema.PostgresSchemas.notFromExtension;

/**
 * The statements of a PostgreSQL schema dump of every user schema, from the catalog
 * functions ({@code pg_get_*def}) with the search path set to the migrations' schema, so
 * that names inside it are unqualified and the script loads into whatever schema the
 * loading connection uses, while names in other schemas are qualified. Order: other
 * schemas ({@code CREATE SCHEMA IF NOT EXISTS}), extensions not in {@code pg_catalog},
 * enum types, domains, composite types, free-standing sequences, functions whose
 * signature names no table, tables, partitions, sequence ownership, the other functions
 * (bodies are not checked while loading, as {@code pg_dump} does), views and materialized
 * views in dependency order, indexes, foreign keys, triggers, rules, row level security
 * and policies, comments. Each kind is sorted by name. Objects that extensions own and
 * the history table are left out.
 */
final class PostgresSchemaDump {

	private static final String TYPES = " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE "
			+ USER_SCHEMA + notFromExtension("t.oid");

	private static final String TYPE_NAME = "CAST(CAST(t.oid AS regtype) AS text)";

	/** A function whose arguments or result are a table's row type, or that reads one. */
	private static final String NAMES_A_TABLE = "EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass"
			+ " AND d.objid = c.oid AND (d.refclassid = 'pg_class'::regclass OR (d.refclassid = 'pg_type'::regclass"
			+ " AND EXISTS (SELECT 1 FROM pg_type y JOIN pg_class r ON r.oid IN (y.typrelid, (SELECT e.typrelid"
			+ " FROM pg_type e WHERE e.oid = y.typelem)) WHERE y.oid = d.refobjid AND r.relkind <> 'c'))))";

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
		this.schema = PostgresSchemas.resolve(this.jdbc, this.requestedSchema);
		this.jdbc.queryForObject("SELECT set_config('search_path', quote_ident(?), true)", String.class, this.schema);
		PostgresTableDump tables = new PostgresTableDump(this.jdbc, this.schema,
				PostgresSchemas.historyTable(this.jdbc, this.schema, this.historyTable));
		List<String> statements = new ArrayList<>();
		statements.add("SET LOCAL check_function_bodies = false");
		statements.addAll(schemasAndExtensions());
		statements.addAll(enumTypes());
		statements.addAll(domains());
		statements.addAll(compositeTypes());
		statements.addAll(sequences());
		statements.addAll(functions(false));
		statements.addAll(tables.tables());
		statements.addAll(tables.partitions());
		statements.addAll(sequenceOwners());
		statements.addAll(functions(true));
		statements.addAll(views());
		statements.addAll(tables.indexes());
		statements.addAll(tables.foreignKeys());
		statements.addAll(tables.triggers());
		statements.addAll(tables.rules());
		statements.addAll(tables.policies());
		statements.addAll(new PostgresCommentDump(this.jdbc, this.schema, this.historyTable).comments());
		return statements;
	}

	private List<String> schemasAndExtensions() {
		List<String> statements = new ArrayList<>(this.jdbc.queryForList(
				"SELECT 'CREATE SCHEMA IF NOT EXISTS ' || quote_ident(n.nspname) FROM pg_namespace n WHERE "
						+ USER_SCHEMA + notFromExtension("n.oid") + " AND n.nspname <> ? ORDER BY n.nspname",
				String.class, this.schema));
		statements.addAll(this.jdbc.queryForList("SELECT 'CREATE EXTENSION IF NOT EXISTS ' || quote_ident(x.extname)"
				+ " || CASE WHEN n.nspname = ? THEN '' ELSE ' WITH SCHEMA ' || quote_ident(n.nspname) END"
				+ " FROM pg_extension x JOIN pg_namespace n ON n.oid = x.extnamespace WHERE n.nspname <> 'pg_catalog'"
				+ " ORDER BY x.extname", String.class, this.schema));
		return statements;
	}

	private List<String> enumTypes() {
		return this.jdbc.queryForList(
				"SELECT 'CREATE TYPE ' || " + TYPE_NAME + " || ' AS ENUM (' || (SELECT"
						+ " string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder) FROM pg_enum e"
						+ " WHERE e.enumtypid = t.oid) || ')'" + TYPES + " AND t.typtype = 'e' ORDER BY " + TYPE_NAME,
				String.class);
	}

	/** A domain may be based on another domain. */
	private List<String> domains() {
		Map<Long, String> definitions = new LinkedHashMap<>();
		Map<Long, Set<Long>> bases = new LinkedHashMap<>();
		this.jdbc.query("SELECT t.oid, t.typbasetype, 'CREATE DOMAIN ' || " + TYPE_NAME + " || ' AS '"
				+ " || format_type(t.typbasetype, t.typtypmod) || COALESCE(' DEFAULT ' || t.typdefault, '')"
				+ " || CASE WHEN t.typnotnull THEN ' NOT NULL' ELSE '' END || COALESCE((SELECT string_agg("
				+ "' CONSTRAINT ' || quote_ident(k.conname) || ' ' || pg_get_constraintdef(k.oid, true), '' ORDER BY"
				+ " k.conname) FROM pg_constraint k WHERE k.contypid = t.oid AND k.contype = 'c'), '')" + TYPES
				+ " AND t.typtype = 'd' ORDER BY " + TYPE_NAME, (rs) -> {
					definitions.put(rs.getLong(1), rs.getString(3));
					bases.put(rs.getLong(1), Set.of(rs.getLong(2)));
				});
		return DependencyOrder.sort(definitions, bases);
	}

	private List<String> compositeTypes() {
		return this.jdbc.queryForList(
				"SELECT 'CREATE TYPE ' || " + TYPE_NAME + " || ' AS (\n\t' || COALESCE((SELECT"
						+ " string_agg(quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod), ',\n\t'"
						+ " ORDER BY a.attnum) FROM pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0"
						+ " AND NOT a.attisdropped), '') || '\n)'" + TYPES + " AND t.typtype = 'c' AND EXISTS (SELECT 1"
						+ " FROM pg_class r WHERE r.oid = t.typrelid AND r.relkind = 'c') ORDER BY " + TYPE_NAME,
				String.class);
	}

	/** Sequences of identity columns are part of their column. */
	private List<String> sequences() {
		return this.jdbc.queryForList("SELECT 'CREATE SEQUENCE ' || CAST(CAST(c.oid AS regclass) AS text) || ' AS '"
				+ " || format_type(s.seqtypid, NULL) || ' START WITH ' || s.seqstart || ' INCREMENT BY '"
				+ " || s.seqincrement || ' MINVALUE ' || s.seqmin || ' MAXVALUE ' || s.seqmax || ' CACHE ' || s.seqcache"
				+ " || CASE WHEN s.seqcycle THEN ' CYCLE' ELSE '' END FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid"
				+ " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + USER_SCHEMA + notFromExtension("c.oid")
				+ " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND (d.deptype = 'i'"
				+ " OR (d.deptype = 'a' AND d.refobjid = to_regclass(quote_ident(?) || '.' || quote_ident(?)))))"
				+ " ORDER BY n.nspname <> ?, n.nspname, c.relname", String.class, this.schema, this.historyTable,
				this.schema);
	}

	private List<String> sequenceOwners() {
		return this.jdbc
			.queryForList("SELECT 'ALTER SEQUENCE ' || CAST(CAST(c.oid AS regclass) AS text) || ' OWNED BY '"
					+ " || CAST(CAST(t.oid AS regclass) AS text) || '.' || quote_ident(a.attname) FROM pg_depend d"
					+ " JOIN pg_class c ON c.oid = d.objid AND c.relkind = 'S' JOIN pg_class t ON t.oid = d.refobjid"
					+ " JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid"
					+ " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + USER_SCHEMA
					+ " AND d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass AND d.deptype = 'a'"
					+ " AND t.oid IS DISTINCT FROM to_regclass(quote_ident(?) || '.' || quote_ident(?))"
					+ " ORDER BY n.nspname <> ?, n.nspname, c.relname", String.class, this.schema, this.historyTable,
					this.schema);
	}

	/**
	 * The catalog always qualifies a function's own name: the main schema is taken off.
	 * @param namingTables whether to write the functions whose signature or body names a
	 * table (after the tables) or the others (before them)
	 */
	private List<String> functions(boolean namingTables) {
		String prefix = this.jdbc.queryForObject("SELECT quote_ident(?) || '.'", String.class, this.schema);
		Pattern ownName = Pattern.compile("^(CREATE OR REPLACE (?:FUNCTION|PROCEDURE) )" + Pattern.quote(prefix));
		return this.jdbc.query("SELECT pg_get_functiondef(c.oid) FROM pg_proc c"
				+ " JOIN pg_namespace n ON n.oid = c.pronamespace WHERE " + USER_SCHEMA
				+ " AND c.prokind IN ('f', 'p', 'w') AND " + (namingTables ? "" : "NOT ") + NAMES_A_TABLE
				+ notFromExtension("c.oid") + " ORDER BY n.nspname <> ?, n.nspname, c.proname,"
				+ " pg_get_function_identity_arguments(c.oid)", (rs, row) -> {
					Matcher matcher = ownName.matcher(rs.getString(1));
					return matcher.replaceFirst("$1");
				}, this.schema);
	}

	private List<String> views() {
		Map<Long, String> definitions = new LinkedHashMap<>();
		this.jdbc.query("SELECT c.oid, 'CREATE ' || CASE c.relkind WHEN 'm' THEN 'MATERIALIZED ' ELSE '' END"
				+ " || 'VIEW ' || CAST(CAST(c.oid AS regclass) AS text)"
				+ " || COALESCE(' WITH (' || array_to_string(c.reloptions, ', ') || ')', '') || ' AS\n'"
				+ " || rtrim(pg_get_viewdef(c.oid, true), ';') FROM pg_class c"
				+ " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + USER_SCHEMA + " AND c.relkind IN ('v', 'm')"
				+ notFromExtension("c.oid") + " ORDER BY n.nspname <> ?, n.nspname, c.relname", (rs) -> {
					definitions.put(rs.getLong(1), rs.getString(2));
				}, this.schema);
		Map<Long, Set<Long>> dependencies = new LinkedHashMap<>();
		this.jdbc.query("SELECT DISTINCT r.ev_class, d.refobjid FROM pg_rewrite r JOIN pg_depend d"
				+ " ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid AND d.refclassid = 'pg_class'::regclass"
				+ " JOIN pg_class w ON w.oid = d.refobjid AND w.relkind IN ('v', 'm') WHERE w.oid <> r.ev_class",
				(rs) -> {
					dependencies.computeIfAbsent(rs.getLong(1), (view) -> new LinkedHashSet<>()).add(rs.getLong(2));
				});
		return DependencyOrder.sort(definitions, dependencies);
	}

}
