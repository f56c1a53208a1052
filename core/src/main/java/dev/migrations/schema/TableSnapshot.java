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

import dev.migrations.ColumnDefinition;
import dev.migrations.ForeignKeyDefinition;
import dev.migrations.IndexDefinition;

import org.springframework.util.Assert;

/**
 * One table of a {@link SchemaSnapshot}.
 *
 * @param name the table name
 * @param columns the columns in order
 * @param primaryKey the primary key columns, empty for none
 * @param indexes the indexes (unique constraints included) sorted by name, without the
 * primary key's
 * @param foreignKeys the foreign keys the table declares
 * @param checks the check constraints
 */
public record TableSnapshot(String name, List<ColumnDefinition> columns, List<String> primaryKey,
		List<IndexDefinition> indexes, List<ForeignKeyDefinition> foreignKeys, List<CheckConstraint> checks) {

	public TableSnapshot {
		Assert.hasText(name, "'name' must not be empty");
		columns = List.copyOf(columns);
		primaryKey = List.copyOf(primaryKey);
		indexes = List.copyOf(indexes);
		foreignKeys = List.copyOf(foreignKeys);
		checks = List.copyOf(checks);
	}

	static TableSnapshot read(SchemaCatalog catalog, String table) {
		return new TableSnapshot(table, catalog.columns(table), catalog.primaryKey(table), catalog.indexes(table),
				catalog.foreignKeys(table), catalog.checks(table));
	}

}
