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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The statements of an SQLite schema dump: the definitions {@code sqlite_master} keeps,
 * which are the exact statements that created each object. Tables first (a foreign key
 * may name a table created later), then views in dependency order, indexes and triggers,
 * each kind by name. SQLite's own objects and the history table are left out.
 */
final class SqliteSchemaDump {

	private static final List<String> KINDS = List.of("table", "view", "index", "trigger");

	private static final Pattern IDENTIFIER = Pattern
		.compile("\"((?:[^\"]|\"\")*)\"|`([^`]*)`|\\[([^\\]]*)\\]|([A-Za-z_][A-Za-z0-9_$]*)");

	private final JdbcTemplate jdbc;

	private final @Nullable String schema;

	private final String historyTable;

	SqliteSchemaDump(JdbcTemplate jdbc, @Nullable String schema, String historyTable) {
		this.jdbc = jdbc;
		this.schema = schema;
		this.historyTable = historyTable;
	}

	List<String> statements() {
		String prefix = (this.schema != null) ? SchemaCatalog.quote(this.schema) + "." : "";
		Map<String, Map<String, String>> byKind = new LinkedHashMap<>();
		KINDS.forEach((kind) -> byKind.put(kind, new LinkedHashMap<>()));
		this.jdbc.query("SELECT type, name, sql FROM " + prefix + "sqlite_master WHERE sql IS NOT NULL"
				+ " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND tbl_name <> ? ORDER BY name", (rs) -> {
					Map<String, String> definitions = byKind.get(rs.getString(1));
					if (definitions != null) {
						definitions.put(rs.getString(2), rs.getString(3));
					}
				}, this.historyTable);
		List<String> statements = new ArrayList<>(byKind.get("table").values());
		statements.addAll(views(byKind.get("view")));
		statements.addAll(byKind.get("index").values());
		statements.addAll(byKind.get("trigger").values());
		return statements;
	}

	private static List<String> views(Map<String, String> views) {
		Map<String, String> byLowerName = new LinkedHashMap<>();
		views.forEach((name, sql) -> byLowerName.put(name.toLowerCase(Locale.ROOT), sql));
		Map<String, Set<String>> dependencies = new LinkedHashMap<>();
		byLowerName.forEach((name, sql) -> dependencies.put(name, identifiers(sql)));
		return DependencyOrder.sort(byLowerName, dependencies);
	}

	private static Set<String> identifiers(String sql) {
		Set<String> identifiers = new LinkedHashSet<>();
		Matcher matcher = IDENTIFIER.matcher(sql);
		while (matcher.find()) {
			for (int group = 1; group <= 4; group++) {
				if (matcher.group(group) != null) {
					identifiers.add(matcher.group(group).replace("\"\"", "\"").toLowerCase(Locale.ROOT));
				}
			}
		}
		return identifiers;
	}

}
