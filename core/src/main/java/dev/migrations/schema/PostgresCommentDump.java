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
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;

import static dev.migrations.schema.PostgresSchemas.USER_SCHEMA;
import static dev.migrations.schema.PostgresSchemas.notFromExtension;

/**
 * The {@code COMMENT ON} statements of a {@link PostgresSchemaDump}, one per comment on
 * an object of a user schema (or on the schema itself), named as
 * {@code pg_identify_object} names it, without the main schema. Sorted by object.
 */
final class PostgresCommentDump {

	private final JdbcTemplate jdbc;

	private final String schema;

	private final String historyTable;

	PostgresCommentDump(JdbcTemplate jdbc, String schema, String historyTable) {
		this.jdbc = jdbc;
		this.schema = schema;
		this.historyTable = historyTable;
	}

	List<String> comments() {
		String quoted = this.jdbc.queryForObject("SELECT quote_ident(?) || '.'", String.class, this.schema);
		Pattern mainSchema = Pattern.compile("(^|[\\s(,])" + Pattern.quote(quoted));
		return this.jdbc
			.query("SELECT o.type, " + PostgresSchemas.IDENTITY + ", quote_literal(d.description) FROM pg_description d"
					+ " CROSS JOIN LATERAL pg_identify_object(d.classoid, d.objoid, d.objsubid) AS o"
					+ " JOIN pg_namespace n ON n.oid = CASE WHEN d.classoid = 'pg_namespace'::regclass THEN d.objoid"
					+ " ELSE (SELECT s.oid FROM pg_namespace s WHERE s.nspname = o.schema) END WHERE " + USER_SCHEMA
					+ notFromExtension("d.objoid")
					+ " AND d.objoid IS DISTINCT FROM to_regclass(quote_ident(?) || '.' || quote_ident(?))"
					+ " ORDER BY o.type, 2", (rs, row) -> {
						String identity = mainSchema.matcher(rs.getString(2)).replaceAll("$1");
						return "COMMENT ON " + object(rs.getString(1), identity) + " IS " + rs.getString(3);
					}, this.schema, this.historyTable);
	}

	/**
	 * The object as {@code COMMENT ON} names it: {@code table column} is a
	 * {@code COLUMN}, {@code composite type} a {@code TYPE}, a domain constraint is
	 * {@code ON DOMAIN}.
	 */
	private static String object(String type, String identity) {
		if (type.endsWith(" column")) {
			return "COLUMN " + identity;
		}
		if (type.equals("composite type")) {
			return "TYPE " + identity;
		}
		if (type.equals("domain constraint")) {
			return "CONSTRAINT " + identity.replaceFirst(" on ", Matcher.quoteReplacement(" ON DOMAIN "));
		}
		if (type.equals("table constraint")) {
			return "CONSTRAINT " + identity;
		}
		return type.toUpperCase(Locale.ROOT) + " " + identity;
	}

}
