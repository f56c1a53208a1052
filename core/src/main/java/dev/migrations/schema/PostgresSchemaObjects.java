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

import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;

import static dev.migrations.schema.PostgresSchemas.USER_SCHEMA;
import static dev.migrations.schema.PostgresSchemas.notFromExtension;

/**
 * Reads what a PostgreSQL database holds besides the table structure a
 * {@link TableSnapshot} has, the way {@code pg_dump} covers it, as definitions by name:
 * schemas, extensions (name only), enum, composite and domain types, sequences, views and
 * materialized views (with their indexes), functions and procedures, triggers, rules,
 * policies and comments, plus what tables have beyond {@link TableSnapshot}: identity and
 * generated columns, full index and foreign key definitions, exclusion constraints,
 * partition keys and bounds, row level security and persistence. Keys read as the diff
 * names the object, such as {@code view public.active_users} or
 * {@code table users: partition key}; tables of the main schema are named without it, as
 * {@link SchemaSnapshot} names them. Every user schema is read; the history table and
 * objects of extensions are left out.
 */
final class PostgresSchemaObjects {

	private static final String SEQUENCE_OPTIONS = "format_type(s.seqtypid, NULL) || ' START ' || s.seqstart"
			+ " || ' INCREMENT ' || s.seqincrement || ' MINVALUE ' || s.seqmin || ' MAXVALUE ' || s.seqmax"
			+ " || ' CACHE ' || s.seqcache || CASE WHEN s.seqcycle THEN ' CYCLE' ELSE '' END";

	private static final String OBJECT_NAME = "n.nspname || '.' || c.relname";

	private static final String TABLE_KEY = "'table ' || CASE WHEN n.nspname = ? THEN c.relname ELSE " + OBJECT_NAME
			+ " END";

	private static final String TABLES = " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p')"
			+ " AND c.oid <> ? AND " + USER_SCHEMA + notFromExtension("c.oid");

	private final JdbcTemplate jdbc;

	private final String schema;

	private final long historyTable;

	PostgresSchemaObjects(JdbcTemplate jdbc, String schema, long historyTable) {
		this.jdbc = jdbc;
		this.schema = schema;
		this.historyTable = historyTable;
	}

	Map<String, String> read() {
		Map<String, String> objects = new TreeMap<>();
		schemasAndExtensions(objects);
		types(objects);
		sequences(objects);
		tableDetails(objects);
		views(objects);
		routines(objects);
		triggersRulesAndPolicies(objects);
		comments(objects);
		return objects;
	}

	private void schemasAndExtensions(Map<String, String> objects) {
		collect(objects, "SELECT 'schema ' || n.nspname, 'schema' FROM pg_namespace n WHERE " + USER_SCHEMA
				+ notFromExtension("n.oid"));
		collect(objects, "SELECT 'extension ' || extname, 'extension' FROM pg_extension");
	}

	private void types(Map<String, String> objects) {
		String inSchema = " JOIN pg_namespace n ON n.oid = t.typnamespace WHERE " + USER_SCHEMA
				+ notFromExtension("t.oid");
		collect(objects, "SELECT 'type ' || n.nspname || '.' || t.typname, 'ENUM ('"
				+ " || string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder) || ')' FROM pg_type t"
				+ " JOIN pg_enum e ON e.enumtypid = t.oid" + inSchema + " GROUP BY n.nspname, t.typname");
		collect(objects, "SELECT 'type ' || n.nspname || '.' || t.typname, 'AS (' || string_agg(quote_ident(a.attname)"
				+ " || ' ' || format_type(a.atttypid, a.atttypmod), ', ' ORDER BY a.attnum) || ')' FROM pg_type t"
				+ " JOIN pg_class c ON c.oid = t.typrelid AND c.relkind = 'c' JOIN pg_attribute a ON a.attrelid = c.oid"
				+ " AND a.attnum > 0 AND NOT a.attisdropped" + inSchema + " GROUP BY n.nspname, t.typname");
		collect(objects, "SELECT 'domain ' || n.nspname || '.' || t.typname, 'AS ' || format_type(t.typbasetype,"
				+ " t.typtypmod) || COALESCE(' DEFAULT ' || t.typdefault, '') || CASE WHEN t.typnotnull THEN ' NOT NULL'"
				+ " ELSE '' END || COALESCE((SELECT string_agg(' CONSTRAINT ' || quote_ident(k.conname) || ' '"
				+ " || pg_get_constraintdef(k.oid, true), '' ORDER BY k.conname) FROM pg_constraint k"
				+ " WHERE k.contypid = t.oid), '') FROM pg_type t" + inSchema + " AND t.typtype = 'd'");
	}

	/** Sequences of identity columns belong to the column. */
	private void sequences(Map<String, String> objects) {
		collect(objects, "SELECT 'sequence ' || " + OBJECT_NAME + ", " + SEQUENCE_OPTIONS
				+ " || COALESCE((SELECT ' OWNED BY ' || tn.nspname || '.' || t.relname || '.' || a.attname"
				+ " FROM pg_depend d JOIN pg_class t ON t.oid = d.refobjid JOIN pg_namespace tn ON tn.oid = t.relnamespace"
				+ " JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid WHERE d.objid = c.oid"
				+ " AND d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass AND d.deptype = 'a'"
				+ " LIMIT 1), '') FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid"
				+ " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + USER_SCHEMA + notFromExtension("c.oid")
				+ " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND (d.deptype = 'i'"
				+ " OR d.refobjid = ?))", this.historyTable);
	}

	private void tableDetails(Map<String, String> objects) {
		String columns = " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid" + TABLES
				+ " AND a.attnum > 0 AND NOT a.attisdropped";
		tableDetail(objects,
				"SELECT " + TABLE_KEY + " || ': column ' || a.attname || ': identity',"
						+ " CASE a.attidentity WHEN 'a' THEN 'ALWAYS' ELSE 'BY DEFAULT' END || COALESCE((SELECT ' ' || "
						+ SEQUENCE_OPTIONS + " FROM pg_depend i JOIN pg_sequence s ON s.seqrelid = i.objid"
						+ " WHERE i.refobjid = a.attrelid AND i.refobjsubid = a.attnum AND i.deptype = 'i'"
						+ " AND i.classid = 'pg_class'::regclass LIMIT 1), '')" + columns + " AND a.attidentity <> ''");
		tableDetail(objects, "SELECT " + TABLE_KEY + " || ': column ' || a.attname || ': generated', 'STORED'" + columns
				+ " AND a.attgenerated <> ''");
		tableDetail(objects, "SELECT " + TABLE_KEY + " || ': index ' || i.relname || ': definition',"
				+ " pg_get_indexdef(x.indexrelid, 0, true) || CASE WHEN x.indisvalid THEN '' ELSE ' INVALID' END"
				+ " || COALESCE((SELECT ' ATTACHED TO ' || p.relname FROM pg_inherits h JOIN pg_class p"
				+ " ON p.oid = h.inhparent WHERE h.inhrelid = x.indexrelid), '')"
				+ " FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid" + " JOIN pg_class c ON c.oid = x.indrelid"
				+ TABLES);
		tableDetail(objects, "SELECT " + TABLE_KEY + " || CASE k.contype WHEN 'f' THEN ': foreign key ' ELSE"
				+ " ': exclusion constraint ' END || k.conname || CASE k.contype WHEN 'f' THEN ': definition' ELSE '' END,"
				+ " pg_get_constraintdef(k.oid, true) FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid"
				+ TABLES + " AND k.contype IN ('f', 'x')");
		tableDetail(objects, "SELECT " + TABLE_KEY + " || ': partition key', pg_get_partkeydef(c.oid) FROM pg_class c"
				+ TABLES + " AND c.relkind = 'p'");
		tableDetail(objects, "SELECT " + TABLE_KEY + " || ': partition of', pn.nspname || '.' || p.relname || ' '"
				+ " || pg_get_expr(c.relpartbound, c.oid) FROM pg_class c JOIN pg_inherits h ON h.inhrelid = c.oid"
				+ " JOIN pg_class p ON p.oid = h.inhparent JOIN pg_namespace pn ON pn.oid = p.relnamespace" + TABLES
				+ " AND c.relispartition");
		tableDetail(objects, "SELECT " + TABLE_KEY + " || ': row level security', CASE WHEN c.relforcerowsecurity"
				+ " THEN 'forced' ELSE 'enabled' END FROM pg_class c" + TABLES + " AND c.relrowsecurity");
		tableDetail(objects, "SELECT " + TABLE_KEY + " || ': persistence', 'unlogged' FROM pg_class c" + TABLES
				+ " AND c.relpersistence = 'u'");
	}

	private void views(Map<String, String> objects) {
		collect(objects, "SELECT CASE c.relkind WHEN 'v' THEN 'view ' ELSE 'materialized view ' END || " + OBJECT_NAME
				+ ", pg_get_viewdef(c.oid, true) || COALESCE(' WITH (' || array_to_string(c.reloptions, ', ') || ')', '')"
				+ " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('v', 'm') AND "
				+ USER_SCHEMA + notFromExtension("c.oid"));
		collect(objects, "SELECT 'materialized view ' || " + OBJECT_NAME + " || ': index ' || i.relname,"
				+ " pg_get_indexdef(x.indexrelid, 0, true) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid"
				+ " JOIN pg_class c ON c.oid = x.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
				+ " WHERE c.relkind = 'm' AND " + USER_SCHEMA);
	}

	/** Named by their identity: the argument types, without argument names. */
	private void routines(Map<String, String> objects) {
		collect(objects, "SELECT CASE p.prokind WHEN 'p' THEN 'procedure ' ELSE 'function ' END || n.nspname"
				+ " || '.' || p.proname || '(' || oidvectortypes(p.proargtypes) || ')', pg_get_functiondef(p.oid)"
				+ " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE p.prokind IN ('f', 'p', 'w') AND "
				+ USER_SCHEMA + notFromExtension("p.oid"));
	}

	private void triggersRulesAndPolicies(Map<String, String> objects) {
		String onTable = " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid <> ? AND " + USER_SCHEMA;
		collect(objects,
				"SELECT 'trigger ' || g.tgname || ' on ' || " + OBJECT_NAME + ", pg_get_triggerdef(g.oid, true)"
						+ " || CASE g.tgenabled WHEN 'D' THEN ' (disabled)' ELSE '' END FROM pg_trigger g"
						+ " JOIN pg_class c ON c.oid = g.tgrelid" + onTable + " AND NOT g.tgisinternal",
				this.historyTable);
		collect(objects, "SELECT 'rule ' || r.rulename || ' on ' || " + OBJECT_NAME + ", pg_get_ruledef(r.oid, true)"
				+ " FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class" + onTable + " AND r.rulename <> '_RETURN'",
				this.historyTable);
		collect(objects, "SELECT 'policy ' || p.polname || ' on ' || " + OBJECT_NAME + ", CASE WHEN p.polpermissive"
				+ " THEN 'PERMISSIVE' ELSE 'RESTRICTIVE' END || ' FOR ' || " + PostgresSchemas.POLICY_COMMAND
				+ " || ' TO ' || (SELECT string_agg(g.role, ', '"
				+ " ORDER BY g.role) FROM (SELECT CASE WHEN r = 0 THEN 'PUBLIC' ELSE CAST(pg_get_userbyid(r) AS text) END"
				+ " AS role FROM unnest(p.polroles) AS r) AS g) || COALESCE(' USING (' || pg_get_expr(p.polqual, p.polrelid) || ')', '')"
				+ " || COALESCE(' WITH CHECK (' || pg_get_expr(p.polwithcheck, p.polrelid) || ')', '') FROM pg_policy p"
				+ " JOIN pg_class c ON c.oid = p.polrelid" + onTable, this.historyTable);
	}

	private void comments(Map<String, String> objects) {
		collect(objects, "SELECT 'comment on ' || o.type || ' ' || " + PostgresSchemas.IDENTITY
				+ ", d.description FROM pg_description d"
				+ " CROSS JOIN LATERAL pg_identify_object(d.classoid, d.objoid, d.objsubid) AS o"
				+ " JOIN pg_namespace n ON n.oid = CASE WHEN d.classoid = 'pg_namespace'::regclass THEN d.objoid"
				+ " ELSE (SELECT s.oid FROM pg_namespace s WHERE s.nspname = o.schema) END WHERE d.objoid <> ? AND "
				+ USER_SCHEMA + notFromExtension("d.objoid"), this.historyTable);
	}

	/** A query with {@link #TABLE_KEY} and {@link #TABLES}, in that order. */
	private void tableDetail(Map<String, String> objects, String sql) {
		collect(objects, sql, this.schema, this.historyTable);
	}

	/** A query whose rows are a key and a definition. */
	private void collect(Map<String, String> objects, String sql, Object... args) {
		this.jdbc.query(sql, (rs) -> {
			objects.put(rs.getString(1), rs.getString(2));
		}, args);
	}

}
