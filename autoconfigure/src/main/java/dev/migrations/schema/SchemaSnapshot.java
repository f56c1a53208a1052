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

import java.sql.Connection;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import dev.migrations.DatabaseKind;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.util.Assert;

/**
 * The tables of a schema at one moment: columns (type, nullability, default), primary
 * key, indexes and unique constraints, foreign keys and check constraints. Compare two
 * with {@link #diff(SchemaSnapshot)}.
 *
 * @param tables the tables by name, sorted
 */
public record SchemaSnapshot(Map<String, TableSnapshot> tables) {

	public SchemaSnapshot {
		tables = Collections.unmodifiableMap(new TreeMap<>(tables));
	}

	/**
	 * Read a schema through a connection, in its current transaction.
	 * @param connection the connection; it is not closed
	 * @param kind the kind of database
	 * @param schema the schema (on SQLite an attached database name), or {@code null} for
	 * the connection's default
	 * @param excludedTables tables to leave out, such as the history table
	 * @return the snapshot
	 */
	public static SchemaSnapshot read(Connection connection, DatabaseKind kind, @Nullable String schema,
			Set<String> excludedTables) {
		Assert.notNull(connection, "'connection' must not be null");
		Assert.notNull(kind, "'kind' must not be null");
		Assert.notNull(excludedTables, "'excludedTables' must not be null");
		SchemaCatalog catalog = SchemaCatalog.of(new JdbcTemplate(new SingleConnectionDataSource(connection, true)),
				kind, schema);
		Map<String, TableSnapshot> tables = new TreeMap<>();
		for (String table : catalog.tables()) {
			if (!excludedTables.contains(table)) {
				tables.put(table, TableSnapshot.read(catalog, table));
			}
		}
		return new SchemaSnapshot(tables);
	}

	/**
	 * Compare this snapshot, as the expected schema, with another.
	 * @param actual the schema to compare with
	 * @return the differences, empty when the schemas match
	 */
	public SchemaDiff diff(SchemaSnapshot actual) {
		return SchemaDiff.between(this, actual);
	}

}
