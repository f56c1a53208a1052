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
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.migrations.DatabaseKind;

/**
 * Applies a checked batch to an SQLite table: renames, dropping a column and adding a
 * column SQLite can add use SQLite's own {@code ALTER TABLE}; consecutive other changes
 * are applied together by one {@link SqliteTableRebuild}.
 */
final class SqliteTableChanges {

	private final SqliteSchemaCatalog catalog;

	SqliteTableChanges(SqliteSchemaCatalog catalog) {
		this.catalog = catalog;
	}

	void apply(String table, List<TableChange> changes) {
		List<TableChange> rebuild = new ArrayList<>();
		for (TableChange change : changes) {
			String statement = nativeStatement(table, change);
			if (statement == null) {
				rebuild.add(change);
				continue;
			}
			rebuild(table, rebuild);
			this.catalog.jdbc().execute(statement);
		}
		rebuild(table, rebuild);
	}

	private void rebuild(String table, List<TableChange> changes) {
		if (!changes.isEmpty()) {
			new SqliteTableRebuild(this.catalog).rebuild(table, changes);
			changes.clear();
		}
	}

	private @Nullable String nativeStatement(String table, TableChange change) {
		String alter = "ALTER TABLE " + this.catalog.qualify(table) + " ";
		if (change instanceof TableChange.AddColumn add && DefinitionSql.sqliteCanAdd(add.column())) {
			return alter + "ADD COLUMN " + DefinitionSql.column(add.column(), DatabaseKind.SQLITE);
		}
		if (change instanceof TableChange.DropColumn drop) {
			return alter + "DROP COLUMN " + SchemaCatalog.quote(drop.column());
		}
		if (change instanceof TableChange.RenameColumn rename) {
			return alter + "RENAME COLUMN " + SchemaCatalog.quote(rename.column()) + " TO "
					+ SchemaCatalog.quote(rename.newName());
		}
		if (change instanceof TableChange.RenameTable rename) {
			return alter + "RENAME TO " + SchemaCatalog.quote(rename.newName());
		}
		return null;
	}

}
