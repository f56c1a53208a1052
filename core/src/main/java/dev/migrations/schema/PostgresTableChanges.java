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

import dev.migrations.DatabaseKind;

/**
 * Applies a checked batch to a PostgreSQL table as plain {@code ALTER TABLE} statements,
 * one per change, in the caller's transaction.
 */
final class PostgresTableChanges {

	private final SchemaCatalog catalog;

	PostgresTableChanges(SchemaCatalog catalog) {
		this.catalog = catalog;
	}

	void apply(String table, List<TableChange> changes) {
		for (TableChange change : changes) {
			this.catalog.jdbc().execute("ALTER TABLE " + this.catalog.qualify(table) + " " + action(change));
		}
	}

	private String action(TableChange change) {
		if (change instanceof TableChange.AddColumn add) {
			return "ADD COLUMN " + DefinitionSql.column(add.column(), DatabaseKind.POSTGRES);
		}
		if (change instanceof TableChange.DropColumn drop) {
			return "DROP COLUMN " + SchemaCatalog.quote(drop.column());
		}
		if (change instanceof TableChange.RenameColumn rename) {
			return "RENAME COLUMN " + SchemaCatalog.quote(rename.column()) + " TO "
					+ SchemaCatalog.quote(rename.newName());
		}
		if (change instanceof TableChange.ChangeType type) {
			String column = SchemaCatalog.quote(type.column());
			return "ALTER COLUMN " + column + " TYPE " + type.type() + " USING " + column + "::" + type.type();
		}
		if (change instanceof TableChange.SetNotNull notNull) {
			return "ALTER COLUMN " + SchemaCatalog.quote(notNull.column())
					+ (notNull.notNull() ? " SET NOT NULL" : " DROP NOT NULL");
		}
		if (change instanceof TableChange.SetDefault setDefault) {
			return "ALTER COLUMN " + SchemaCatalog.quote(setDefault.column()) + ((setDefault.defaultValue() != null)
					? " SET DEFAULT " + setDefault.defaultValue() : " DROP DEFAULT");
		}
		if (change instanceof TableChange.AddUnique unique) {
			return "ADD " + DefinitionSql.unique(unique.name(), unique.columns(), DatabaseKind.POSTGRES);
		}
		if (change instanceof TableChange.AddForeignKey add) {
			return "ADD " + DefinitionSql.foreignKey(add.foreignKey(),
					this.catalog.qualify(add.foreignKey().referencedTable()), DatabaseKind.POSTGRES);
		}
		if (change instanceof TableChange.AddCheck check) {
			return "ADD " + DefinitionSql.check(check.name(), check.expression(), DatabaseKind.POSTGRES);
		}
		if (change instanceof TableChange.DropConstraint drop) {
			return "DROP CONSTRAINT " + SchemaCatalog.quote(drop.name());
		}
		if (change instanceof TableChange.RenameTable rename) {
			return "RENAME TO " + SchemaCatalog.quote(rename.newName());
		}
		throw new IllegalArgumentException("Unknown change " + change);
	}

}
