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

import org.jspecify.annotations.Nullable;

import dev.migrations.ColumnDefinition;

/**
 * Applies a checked batch to a MariaDB or MySQL table as one {@code ALTER TABLE}
 * statement. DDL commits on its own there, so one statement is what keeps the batch
 * atomic: the server applies all of it or none. Column changes are merged per column
 * first, because every clause of the statement names columns as they were before it: a
 * changed column becomes one {@code MODIFY COLUMN} (or {@code CHANGE COLUMN} when it is
 * renamed) restating its whole definition, or {@code ALTER COLUMN … SET/DROP DEFAULT}
 * when only its default changes.
 */
final class MariaDbTableChanges {

	private final MariaDbSchemaCatalog catalog;

	MariaDbTableChanges(SchemaCatalog catalog) {
		this.catalog = (MariaDbSchemaCatalog) catalog;
	}

	void apply(String table, List<TableChange> changes) {
		this.catalog.jdbc().execute(statement(table, changes));
	}

	String statement(String table, List<TableChange> changes) {
		Map<String, ColumnState> columns = new LinkedHashMap<>();
		for (ColumnDefinition column : this.catalog.columns(table)) {
			columns.put(column.name(), new ColumnState(column.name(), column));
		}
		List<String> dropped = new ArrayList<>();
		List<String> constraintDrops = new ArrayList<>();
		List<String> constraintAdds = new ArrayList<>();
		String rename = null;
		for (TableChange change : changes) {
			if (change instanceof TableChange.AddColumn add) {
				columns.put(add.column().name(), new ColumnState(null, add.column()));
			}
			else if (change instanceof TableChange.DropColumn drop) {
				ColumnState column = columns.remove(drop.column());
				if (column.original != null) {
					dropped.add("DROP COLUMN " + quote(column.original));
				}
			}
			else if (change instanceof TableChange.RenameColumn renameColumn) {
				ColumnState column = columns.remove(renameColumn.column());
				column.current = withName(column.current, renameColumn.newName());
				columns.put(renameColumn.newName(), column);
			}
			else if (change instanceof TableChange.ChangeType type) {
				ColumnState column = columns.get(type.column());
				column.current = new ColumnDefinition(column.current.name(), type.type(), column.current.nullable(),
						column.current.defaultValue());
			}
			else if (change instanceof TableChange.SetNotNull notNull) {
				ColumnState column = columns.get(notNull.column());
				column.current = new ColumnDefinition(column.current.name(), column.current.type(), !notNull.notNull(),
						column.current.defaultValue());
			}
			else if (change instanceof TableChange.SetDefault setDefault) {
				ColumnState column = columns.get(setDefault.column());
				column.current = new ColumnDefinition(column.current.name(), column.current.type(),
						column.current.nullable(), setDefault.defaultValue());
			}
			else if (change instanceof TableChange.AddUnique unique) {
				constraintAdds.add("ADD " + DefinitionSql.unique(unique.name(), unique.columns(), this.catalog.kind()));
			}
			else if (change instanceof TableChange.AddForeignKey add) {
				constraintAdds.add("ADD " + DefinitionSql.foreignKey(add.foreignKey(),
						this.catalog.qualify(add.foreignKey().referencedTable()), this.catalog.kind()));
			}
			else if (change instanceof TableChange.AddCheck check) {
				constraintAdds.add("ADD " + DefinitionSql.check(check.name(), check.expression(), this.catalog.kind()));
			}
			else if (change instanceof TableChange.DropConstraint drop) {
				constraintDrops.addAll(dropConstraint(table, drop));
			}
			else if (change instanceof TableChange.RenameTable renameTable) {
				rename = "RENAME TO " + this.catalog.qualify(renameTable.newName());
			}
		}
		List<String> clauses = new ArrayList<>(constraintDrops);
		clauses.addAll(dropped);
		for (ColumnState column : columns.values()) {
			String clause = column.clause(table);
			if (clause != null) {
				clauses.add(clause);
			}
		}
		clauses.addAll(constraintAdds);
		if (rename != null) {
			clauses.add(rename);
		}
		return "ALTER TABLE " + this.catalog.qualify(table) + " " + String.join(", ", clauses);
	}

	private List<String> dropConstraint(String table, TableChange.DropConstraint drop) {
		String name = quote(drop.name());
		return switch (drop.kind()) {
			case UNIQUE -> List.of("DROP INDEX " + name);
			case CHECK -> List.of("DROP CONSTRAINT " + name);
			// InnoDB keeps the index it created for the key; drop it too, so that the
			// table looks as it did before the key was added.
			case FOREIGN_KEY -> (hasKeyIndex(table, drop.name()))
					? List.of("DROP FOREIGN KEY " + name, "DROP INDEX " + name) : List.of("DROP FOREIGN KEY " + name);
		};
	}

	private boolean hasKeyIndex(String table, String name) {
		Integer count = this.catalog.jdbc()
			.queryForObject(
					"SELECT COUNT(*) FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = "
							+ "COALESCE(?, DATABASE()) AND TABLE_NAME = ? AND INDEX_NAME = ? AND NON_UNIQUE = 1",
					Integer.class, this.catalog.schema(), table, name);
		return count != null && count > 0;
	}

	private String quote(String identifier) {
		return SchemaCatalog.quote(identifier, this.catalog.kind());
	}

	private static ColumnDefinition withName(ColumnDefinition column, String name) {
		return new ColumnDefinition(name, column.type(), column.nullable(), column.defaultValue());
	}

	/**
	 * A column through the batch: its name before it ({@code null} when the batch adds
	 * it) and its definition so far.
	 */
	private final class ColumnState {

		private final @Nullable String original;

		private final @Nullable ColumnDefinition before;

		private ColumnDefinition current;

		ColumnState(@Nullable String original, ColumnDefinition current) {
			this.original = original;
			this.before = (original != null) ? current : null;
			this.current = current;
		}

		@Nullable String clause(String table) {
			String definition = DefinitionSql.column(this.current, MariaDbTableChanges.this.catalog.kind());
			if (this.original == null || this.before == null) {
				return "ADD COLUMN " + definition;
			}
			if (this.current.equals(this.before)) {
				return null;
			}
			boolean renamed = !this.current.name().equals(this.original);
			boolean defaultOnly = !renamed && this.current.type().equals(this.before.type())
					&& this.current.nullable() == this.before.nullable();
			if (defaultOnly) {
				return "ALTER COLUMN " + quote(this.original) + ((this.current.defaultValue() != null)
						? " SET DEFAULT " + this.current.defaultValue() : " DROP DEFAULT");
			}
			String attributes = MariaDbTableChanges.this.catalog.columnAttributes(table, this.original);
			return ((renamed) ? "CHANGE COLUMN " + quote(this.original) + " " : "MODIFY COLUMN ") + definition
					+ attributes;
		}

	}

}
