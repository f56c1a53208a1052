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

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads the views and triggers of an SQLite database as {@code view name} and
 * {@code trigger name} to their definition, the statement {@code sqlite_master} keeps
 * with whitespace runs made one space. The history table's triggers are left out.
 */
final class SqliteSchemaObjects {

	private final JdbcTemplate jdbc;

	private final @Nullable String schema;

	private final String historyTable;

	SqliteSchemaObjects(JdbcTemplate jdbc, @Nullable String schema, String historyTable) {
		this.jdbc = jdbc;
		this.schema = schema;
		this.historyTable = historyTable;
	}

	Map<String, String> read() {
		String prefix = (this.schema != null) ? SchemaCatalog.quote(this.schema) + "." : "";
		Map<String, String> objects = new TreeMap<>();
		this.jdbc.query("SELECT type, name, sql FROM " + prefix + "sqlite_master WHERE type IN ('view', 'trigger')"
				+ " AND sql IS NOT NULL AND tbl_name <> ?", (rs) -> {
					objects.put(rs.getString(1) + " " + rs.getString(2),
							rs.getString(3).strip().replaceAll("\\s+", " "));
				}, this.historyTable);
		return objects;
	}

}
