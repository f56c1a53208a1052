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

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which PostgreSQL schemas hold what the migrations created, the way {@code pg_dump} sees
 * them: every schema but {@code pg_catalog}, {@code information_schema} and the
 * {@code pg_toast*} and {@code pg_temp*} ones, without the objects that extensions own.
 * SQL fragments expect the schema's {@code pg_namespace} row as {@code n}.
 */
final class PostgresSchemas {

	/** Condition: {@code n} is a user schema. */
	static final String USER_SCHEMA = "n.nspname NOT IN ('pg_catalog', 'information_schema')"
			+ " AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'";

	/** The command of a policy {@code p}. */
	static final String POLICY_COMMAND = "CASE p.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT'"
			+ " WHEN 'w' THEN 'UPDATE' WHEN 'd' THEN 'DELETE' ELSE 'ALL' END";

	/**
	 * The identity of a {@code pg_identify_object} row {@code o}, without the
	 * {@code pg_catalog} qualifier of built-in types.
	 */
	static final String IDENTITY = "regexp_replace(o.identity, '(^|[\\s(,])pg_catalog\\.', '\\1', 'g')";

	private PostgresSchemas() {
	}

	/**
	 * Return a condition that the object of an oid is not part of an extension.
	 * @param oid the SQL expression of the object's oid
	 * @return the condition, starting with {@code AND}
	 */
	static String notFromExtension(String oid) {
		return " AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.objid = " + oid + " AND e.deptype = 'e')";
	}

	/**
	 * Return the user schemas, sorted.
	 * @param jdbc the template
	 * @return the schema names
	 */
	static List<String> userSchemas(JdbcTemplate jdbc) {
		return jdbc.queryForList("SELECT n.nspname FROM pg_namespace n WHERE " + USER_SCHEMA + notFromExtension("n.oid")
				+ " ORDER BY n.nspname", String.class);
	}

	/**
	 * Return the schema a {@code null} schema setting means.
	 * @param jdbc the template
	 * @param schema the setting
	 * @return the schema name
	 */
	static String resolve(JdbcTemplate jdbc, @Nullable String schema) {
		if (schema != null) {
			return schema;
		}
		String current = jdbc.queryForObject("SELECT current_schema()", String.class);
		return (current != null) ? current : "public";
	}

	/**
	 * Return the oid of the history table, or 0 when it does not exist.
	 * @param jdbc the template
	 * @param schema its schema
	 * @param table its name
	 * @return the oid
	 */
	static long historyTable(JdbcTemplate jdbc, String schema, String table) {
		Long oid = jdbc.queryForObject(
				"SELECT COALESCE(CAST(CAST(to_regclass(quote_ident(?) || '.' || quote_ident(?)) AS oid) AS bigint), 0)",
				Long.class, schema, table);
		return (oid != null) ? oid : 0;
	}

}
