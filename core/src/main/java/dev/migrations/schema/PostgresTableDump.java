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
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

import static dev.migrations.schema.PostgresSchemas.USER_SCHEMA;
import static dev.migrations.schema.PostgresSchemas.notFromExtension;

/**
 * The table statements of a {@link PostgresSchemaDump}: tables with their columns and
 * non-foreign constraints ({@code PARTITION BY} for partitioned ones), partitions
 * ({@code PARTITION OF … FOR VALUES}, parents first), indexes of tables and materialized
 * views (and of partitions attached to their parent's), foreign keys, triggers, rules and
 * row level security with its policies. What a partition inherits from its parent
 * (constraints, foreign keys, triggers) is left to the parent's statement. Names are as
 * the catalog writes them under the dump's search path: unqualified in the main schema,
 * qualified elsewhere.
 */
final class PostgresTableDump {

	private static final String NAME = "CAST(CAST(c.oid AS regclass) AS text)";

	private static final String IN_SCHEMAS = " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid <> ? AND "
			+ USER_SCHEMA + notFromExtension("c.oid");

	private static final String BY_NAME = " ORDER BY n.nspname <> ?, n.nspname, c.relname";

	private final JdbcTemplate jdbc;

	private final String schema;

	private final long historyTable;

	PostgresTableDump(JdbcTemplate jdbc, String schema, long historyTable) {
		this.jdbc = jdbc;
		this.schema = schema;
		this.historyTable = historyTable;
	}

	List<String> tables() {
		List<String> statements = new ArrayList<>();
		this.jdbc.query("SELECT c.oid, " + NAME + ", c.relpersistence, pg_get_partkeydef(c.oid) FROM pg_class c"
				+ IN_SCHEMAS + " AND c.relkind IN ('r', 'p') AND NOT c.relispartition" + BY_NAME, (rs) -> {
					List<String> lines = columns(rs.getLong(1));
					lines.addAll(constraints(rs.getLong(1)));
					String unlogged = "u".equals(rs.getString(3)) ? "UNLOGGED " : "";
					statements.add("CREATE " + unlogged + "TABLE " + rs.getString(2) + " (\n\t"
							+ String.join(",\n\t", lines) + "\n)" + partitionBy(rs.getString(4)));
				}, this.historyTable, this.schema);
		return statements;
	}

	/** Partitions after their parents, which may be partitions themselves. */
	List<String> partitions() {
		Map<Long, String> definitions = new LinkedHashMap<>();
		Map<Long, Set<Long>> parents = new LinkedHashMap<>();
		this.jdbc.query("SELECT c.oid, " + NAME + ", h.inhparent, CAST(CAST(h.inhparent AS regclass) AS text),"
				+ " pg_get_expr(c.relpartbound, c.oid), pg_get_partkeydef(c.oid) FROM pg_class c"
				+ " JOIN pg_inherits h ON h.inhrelid = c.oid" + IN_SCHEMAS
				+ " AND c.relkind IN ('r', 'p') AND c.relispartition" + BY_NAME, (rs) -> {
					List<String> constraints = constraints(rs.getLong(1));
					String own = constraints.isEmpty() ? "" : " (\n\t" + String.join(",\n\t", constraints) + "\n)";
					definitions.put(rs.getLong(1), "CREATE TABLE " + rs.getString(2) + " PARTITION OF "
							+ rs.getString(4) + own + " " + rs.getString(5) + partitionBy(rs.getString(6)));
					parents.put(rs.getLong(1), Set.of(rs.getLong(3)));
				}, this.historyTable, this.schema);
		return DependencyOrder.sort(definitions, parents);
	}

	private static String partitionBy(String key) {
		return (key != null) ? " PARTITION BY " + key : "";
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

	/** A partition's inherited constraints come with {@code PARTITION OF}. */
	private List<String> constraints(long table) {
		return this.jdbc.query("SELECT 'CONSTRAINT ' || quote_ident(conname) || ' ' || pg_get_constraintdef(oid, true)"
				+ " FROM pg_constraint WHERE conrelid = ? AND contype IN ('p', 'u', 'c', 'x') AND conislocal"
				+ " ORDER BY position(contype IN 'pucx'), conname", (rs, row) -> rs.getString(1), table);
	}

	/**
	 * The catalog writes an index of a partitioned table {@code ON ONLY} that table: each
	 * partition's index is attached to it afterwards, as {@code pg_dump} does.
	 */
	List<String> indexes() {
		String notOfAConstraint = " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid"
				+ " AND k.contype IN ('p', 'u', 'x'))";
		List<String> statements = new ArrayList<>(this.jdbc.queryForList("SELECT pg_get_indexdef(x.indexrelid, 0, true)"
				+ " FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid"
				+ IN_SCHEMAS + " AND c.relkind IN ('r', 'p', 'm')" + notOfAConstraint
				+ " ORDER BY n.nspname <> ?, n.nspname, i.relname", String.class, this.historyTable, this.schema));
		statements.addAll(this.jdbc.queryForList(
				"SELECT 'ALTER INDEX ' || CAST(CAST(h.inhparent AS regclass) AS text)"
						+ " || ' ATTACH PARTITION ' || CAST(CAST(x.indexrelid AS regclass) AS text) FROM pg_index x"
						+ " JOIN pg_inherits h ON h.inhrelid = x.indexrelid JOIN pg_class i ON i.oid = x.indexrelid"
						+ " JOIN pg_class c ON c.oid = x.indrelid" + IN_SCHEMAS + notOfAConstraint
						+ " ORDER BY n.nspname <> ?, n.nspname, i.relname",
				String.class, this.historyTable, this.schema));
		return statements;
	}

	List<String> foreignKeys() {
		return this.jdbc.queryForList(
				"SELECT 'ALTER TABLE ' || " + NAME + " || ' ADD CONSTRAINT '"
						+ " || quote_ident(k.conname) || ' ' || pg_get_constraintdef(k.oid, true) FROM pg_constraint k"
						+ " JOIN pg_class c ON c.oid = k.conrelid" + IN_SCHEMAS
						+ " AND k.contype = 'f' AND k.conparentid = 0" + BY_NAME + ", k.conname",
				String.class, this.historyTable, this.schema);
	}

	/** Triggers that partitions inherit depend on the parent's with type 'P'. */
	List<String> triggers() {
		List<String> statements = new ArrayList<>();
		this.jdbc.query("SELECT pg_get_triggerdef(g.oid, true), g.tgenabled, " + NAME + ", quote_ident(g.tgname)"
				+ " FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid" + IN_SCHEMAS + " AND NOT g.tgisinternal"
				+ " AND NOT EXISTS (SELECT 1 FROM pg_depend p WHERE p.classid = 'pg_trigger'::regclass"
				+ " AND p.objid = g.oid AND p.deptype = 'P')" + BY_NAME + ", g.tgname", (rs) -> {
					statements.add(rs.getString(1));
					if ("D".equals(rs.getString(2))) {
						statements.add("ALTER TABLE " + rs.getString(3) + " DISABLE TRIGGER " + rs.getString(4));
					}
				}, this.historyTable, this.schema);
		return statements;
	}

	List<String> rules() {
		return this.jdbc.queryForList("SELECT rtrim(pg_get_ruledef(r.oid, true), ';') FROM pg_rewrite r"
				+ " JOIN pg_class c ON c.oid = r.ev_class" + IN_SCHEMAS + " AND r.rulename <> '_RETURN'" + BY_NAME
				+ ", r.rulename", String.class, this.historyTable, this.schema);
	}

	List<String> policies() {
		List<String> statements = new ArrayList<>();
		this.jdbc.query("SELECT 'ALTER TABLE ' || " + NAME + " || ' ENABLE ROW LEVEL SECURITY', c.relforcerowsecurity, "
				+ NAME + " FROM pg_class c" + IN_SCHEMAS + " AND c.relrowsecurity" + BY_NAME, (rs) -> {
					statements.add(rs.getString(1));
					if (rs.getBoolean(2)) {
						statements.add("ALTER TABLE " + rs.getString(3) + " FORCE ROW LEVEL SECURITY");
					}
				}, this.historyTable, this.schema);
		statements.addAll(this.jdbc.queryForList("SELECT 'CREATE POLICY ' || quote_ident(p.polname) || ' ON ' || "
				+ NAME + " || ' AS ' || CASE WHEN p.polpermissive THEN 'PERMISSIVE' ELSE 'RESTRICTIVE' END"
				+ " || ' FOR ' || " + PostgresSchemas.POLICY_COMMAND + " || ' TO ' || (SELECT string_agg(g.role, ', '"
				+ " ORDER BY g.role) FROM (SELECT CASE WHEN r = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(r))"
				+ " END AS role FROM unnest(p.polroles) AS r) AS g)"
				+ " || COALESCE(' USING (' || pg_get_expr(p.polqual, p.polrelid) || ')', '')"
				+ " || COALESCE(' WITH CHECK (' || pg_get_expr(p.polwithcheck, p.polrelid) || ')', '') FROM pg_policy p"
				+ " JOIN pg_class c ON c.oid = p.polrelid" + IN_SCHEMAS + BY_NAME + ", p.polname", String.class,
				this.historyTable, this.schema));
		return statements;
	}

}
