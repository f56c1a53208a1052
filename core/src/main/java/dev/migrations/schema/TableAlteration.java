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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.migrations.AlterTable;
import dev.migrations.ColumnDefinition;
import dev.migrations.DatabaseKind;
import dev.migrations.ForeignKeyDefinition;
import dev.migrations.IndexDefinition;
import dev.migrations.MigrationException;
import dev.migrations.schema.TableChange.ConstraintKind;

import org.springframework.util.Assert;

/**
 * Collects an {@link AlterTable} batch, checks all of it against the current schema
 * before anything runs, then applies it atomically with the database kind's changes.
 */
final class TableAlteration implements AlterTable {

	private final Connection connection;

	private final SchemaCatalog catalog;

	private final String table;

	private final List<TableChange> changes = new ArrayList<>();

	private @Nullable String newName;

	TableAlteration(Connection connection, SchemaCatalog catalog, String table) {
		Assert.hasText(table, "'table' must not be empty");
		this.connection = connection;
		this.catalog = catalog;
		this.table = table;
	}

	@Override
	public AlterTable addColumn(ColumnDefinition column) {
		Assert.notNull(column, "'column' must not be null");
		Assert.hasText(column.type(), "'column.type' must not be empty");
		return add(new TableChange.AddColumn(column));
	}

	@Override
	public AlterTable dropColumn(String column) {
		Assert.hasText(column, "'column' must not be empty");
		return add(new TableChange.DropColumn(column));
	}

	@Override
	public AlterTable renameColumn(String column, String newName) {
		Assert.hasText(column, "'column' must not be empty");
		Assert.hasText(newName, "'newName' must not be empty");
		return add(new TableChange.RenameColumn(column, newName));
	}

	@Override
	public AlterTable changeType(String column, String type) {
		Assert.hasText(column, "'column' must not be empty");
		Assert.hasText(type, "'type' must not be empty");
		return add(new TableChange.ChangeType(column, type));
	}

	@Override
	public AlterTable setNotNull(String column) {
		Assert.hasText(column, "'column' must not be empty");
		return add(new TableChange.SetNotNull(column, true));
	}

	@Override
	public AlterTable dropNotNull(String column) {
		Assert.hasText(column, "'column' must not be empty");
		return add(new TableChange.SetNotNull(column, false));
	}

	@Override
	public AlterTable setDefault(String column, String defaultValue) {
		Assert.hasText(column, "'column' must not be empty");
		Assert.hasText(defaultValue, "'defaultValue' must not be empty");
		return add(new TableChange.SetDefault(column, defaultValue));
	}

	@Override
	public AlterTable dropDefault(String column) {
		Assert.hasText(column, "'column' must not be empty");
		return add(new TableChange.SetDefault(column, null));
	}

	@Override
	public AlterTable addUniqueConstraint(String name, String... columns) {
		Assert.hasText(name, "'name' must not be empty");
		Assert.notEmpty(columns, "'columns' must not be empty");
		return add(new TableChange.AddUnique(name, Arrays.asList(columns)));
	}

	@Override
	public AlterTable dropUniqueConstraint(String name) {
		Assert.hasText(name, "'name' must not be empty");
		return add(new TableChange.DropConstraint(name, ConstraintKind.UNIQUE));
	}

	@Override
	public AlterTable addForeignKey(ForeignKeyDefinition foreignKey) {
		Assert.notNull(foreignKey, "'foreignKey' must not be null");
		Assert.hasText(foreignKey.name(), "'foreignKey.name' must not be empty");
		return add(new TableChange.AddForeignKey(foreignKey));
	}

	@Override
	public AlterTable dropForeignKey(String name) {
		Assert.hasText(name, "'name' must not be empty");
		return add(new TableChange.DropConstraint(name, ConstraintKind.FOREIGN_KEY));
	}

	@Override
	public AlterTable addCheckConstraint(String name, String expression) {
		Assert.hasText(name, "'name' must not be empty");
		Assert.hasText(expression, "'expression' must not be empty");
		return add(new TableChange.AddCheck(name, expression));
	}

	@Override
	public AlterTable dropCheckConstraint(String name) {
		Assert.hasText(name, "'name' must not be empty");
		return add(new TableChange.DropConstraint(name, ConstraintKind.CHECK));
	}

	@Override
	public AlterTable renameTo(String newName) {
		Assert.hasText(newName, "'newName' must not be empty");
		this.newName = newName;
		return this;
	}

	@Override
	public void apply() {
		List<TableChange> batch = new ArrayList<>(this.changes);
		if (this.newName != null) {
			batch.add(new TableChange.RenameTable(this.newName));
		}
		if (batch.isEmpty()) {
			return;
		}
		validate(batch);
		SchemaTransaction.run(this.connection, this.catalog.kind(), "alter table " + this.table, () -> {
			switch (this.catalog.kind()) {
				case POSTGRES -> new PostgresTableChanges(this.catalog).apply(this.table, batch);
				case SQLITE -> new SqliteTableChanges((SqliteSchemaCatalog) this.catalog).apply(this.table, batch);
				case MARIADB, MYSQL -> new MariaDbTableChanges(this.catalog).apply(this.table, batch);
			}
		});
	}

	private AlterTable add(TableChange change) {
		this.changes.add(change);
		return this;
	}

	private void validate(List<TableChange> batch) {
		this.catalog.requireTable(this.table);
		Map<String, ColumnDefinition> columns = new LinkedHashMap<>();
		this.catalog.columns(this.table).forEach((column) -> columns.put(column.name(), column));
		Set<String> original = Set.copyOf(columns.keySet());
		Map<ConstraintKind, Set<String>> constraints = new EnumMap<>(ConstraintKind.class);
		for (TableChange change : batch) {
			if (change instanceof TableChange.AddColumn add) {
				ColumnDefinition column = add.column();
				if (columns.containsKey(column.name())) {
					throw fail("Column " + subject(column.name()) + " already exists, so it cannot be added. "
							+ "Pick another name, or alter or drop the existing column.");
				}
				if (!column.nullable() && column.defaultValue() == null && this.catalog.hasRows(this.table)) {
					throw fail("Column " + subject(column.name()) + " is NOT NULL without a default, but table "
							+ this.table + " has rows that would have no value for it. Give it a default "
							+ "(ColumnDefinition.withDefault), or add it nullable, fill it, then setNotNull.");
				}
				columns.put(column.name(), column);
			}
			else if (change instanceof TableChange.DropColumn drop) {
				requireColumn(columns, drop.column());
				if (this.catalog.kind() == DatabaseKind.SQLITE && original.contains(drop.column())) {
					checkSqliteDrop(drop.column());
				}
				columns.remove(drop.column());
			}
			else if (change instanceof TableChange.RenameColumn rename) {
				ColumnDefinition column = requireColumn(columns, rename.column());
				if (columns.containsKey(rename.newName())) {
					throw fail("Column " + subject(rename.column()) + " cannot be renamed to " + rename.newName()
							+ ": table " + this.table + " already has a column " + rename.newName()
							+ ". Pick another name or drop that column first.");
				}
				columns.remove(rename.column());
				columns.put(rename.newName(), column);
			}
			else if (change instanceof TableChange.ChangeType type) {
				requireColumn(columns, type.column());
			}
			else if (change instanceof TableChange.SetNotNull notNull) {
				requireColumn(columns, notNull.column());
				if (notNull.notNull() && original.contains(notNull.column())) {
					long nulls = this.catalog.countNulls(this.table, notNull.column());
					if (nulls > 0) {
						throw fail("Column " + subject(notNull.column()) + " holds NULL in " + nulls
								+ " row(s), so it cannot be made NOT NULL. Fill those rows first (UPDATE " + this.table
								+ " SET " + notNull.column() + " = … WHERE " + notNull.column()
								+ " IS NULL); a default does not fill existing rows.");
					}
				}
			}
			else if (change instanceof TableChange.SetDefault setDefault) {
				requireColumn(columns, setDefault.column());
			}
			else if (change instanceof TableChange.AddUnique unique) {
				unique.columns().forEach((column) -> requireColumn(columns, column));
				constraints(constraints, ConstraintKind.UNIQUE).add(unique.name());
			}
			else if (change instanceof TableChange.AddForeignKey add) {
				add.foreignKey().columns().forEach((column) -> requireColumn(columns, column));
				checkReferencedTable(add.foreignKey(), columns);
				constraints(constraints, ConstraintKind.FOREIGN_KEY).add(add.foreignKey().name());
			}
			else if (change instanceof TableChange.AddCheck check) {
				constraints(constraints, ConstraintKind.CHECK).add(check.name());
			}
			else if (change instanceof TableChange.DropConstraint drop) {
				if (!constraints(constraints, drop.kind()).remove(drop.name())) {
					throw fail("Table " + this.table + " has no " + drop.kind().description() + " named " + drop.name()
							+ ". Check the name"
							+ ((this.catalog.kind() == DatabaseKind.SQLITE)
									? "; SQLite only knows the names of constraints declared with CONSTRAINT <name>."
									: "."));
				}
			}
			else if (change instanceof TableChange.RenameTable rename) {
				if (this.catalog.hasTable(rename.newName())) {
					throw fail("Table " + this.table + " cannot be renamed to " + rename.newName() + ": table "
							+ rename.newName() + " already exists in schema " + this.catalog.describeSchema()
							+ ". Pick another name or drop that table first.");
				}
			}
		}
	}

	private Set<String> constraints(Map<ConstraintKind, Set<String>> constraints, ConstraintKind kind) {
		return constraints.computeIfAbsent(kind, (key) -> new HashSet<>(this.catalog.constraintNames(this.table, key)));
	}

	private void checkReferencedTable(ForeignKeyDefinition foreignKey, Map<String, ColumnDefinition> columns) {
		String referenced = foreignKey.referencedTable();
		List<String> referencedColumns;
		if (referenced.equals(this.table)) {
			referencedColumns = List.copyOf(columns.keySet());
		}
		else if (this.catalog.hasTable(referenced)) {
			referencedColumns = this.catalog.columns(referenced).stream().map(ColumnDefinition::name).toList();
		}
		else {
			throw fail("Foreign key " + foreignKey.name() + " of table " + this.table + " references table "
					+ referenced + ", which does not exist in schema " + this.catalog.describeSchema()
					+ ". Create that table first or correct the name.");
		}
		for (String column : foreignKey.referencedColumns()) {
			if (!referencedColumns.contains(column)) {
				throw fail("Foreign key " + foreignKey.name() + " of table " + this.table + " references column "
						+ referenced + "." + column + ", which does not exist. Correct the column name.");
			}
		}
	}

	private void checkSqliteDrop(String column) {
		if (this.catalog.primaryKey(this.table).contains(column)) {
			throw fail("Column " + subject(column) + " is part of the primary key, which SQLite cannot drop a "
					+ "column from. Recreate the table with the new key instead (createTable, copy, drop).");
		}
		for (IndexDefinition index : this.catalog.indexes(this.table)) {
			if (index.columns().contains(column)) {
				throw fail("Column " + subject(column) + " is used by index or unique constraint " + index.name()
						+ ". Drop that first (DROP INDEX, or dropUniqueConstraint in an earlier alterTable), "
						+ "then drop the column.");
			}
		}
		for (ForeignKeyDefinition foreignKey : this.catalog.foreignKeys(this.table)) {
			if (foreignKey.columns().contains(column)) {
				throw fail("Column " + subject(column) + " is used by a foreign key to " + foreignKey.referencedTable()
						+ ". Drop the foreign key first (dropForeignKey in an earlier alterTable), then the column.");
			}
		}
	}

	private ColumnDefinition requireColumn(Map<String, ColumnDefinition> columns, String column) {
		ColumnDefinition definition = columns.get(column);
		if (definition == null) {
			throw fail("Table " + this.table + " has no column " + column + ". Check the name; its columns are "
					+ String.join(", ", columns.keySet()) + ".");
		}
		return definition;
	}

	private String subject(String column) {
		return this.table + "." + column;
	}

	private MigrationException fail(String message) {
		return new MigrationException(message + " Table " + this.table + " is unchanged.");
	}

}
