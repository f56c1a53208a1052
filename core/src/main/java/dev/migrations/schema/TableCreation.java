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
import java.util.List;

import dev.migrations.ColumnDefinition;
import dev.migrations.CreateTable;
import dev.migrations.DatabaseKind;
import dev.migrations.ForeignKeyDefinition;
import dev.migrations.MigrationException;

import org.springframework.util.Assert;

/**
 * Collects a {@link CreateTable} definition and creates the table with one
 * {@code CREATE TABLE} statement, declaring columns and constraints the same way table
 * changes and rebuilds do.
 */
final class TableCreation implements CreateTable {

	private final Connection connection;

	private final SchemaCatalog catalog;

	private final String table;

	private final List<String> columns = new ArrayList<>();

	private final List<String> constraints = new ArrayList<>();

	TableCreation(Connection connection, SchemaCatalog catalog, String table) {
		Assert.hasText(table, "'table' must not be empty");
		this.connection = connection;
		this.catalog = catalog;
		this.table = table;
	}

	@Override
	public CreateTable column(ColumnDefinition column) {
		Assert.notNull(column, "'column' must not be null");
		Assert.hasText(column.type(), "'column.type' must not be empty");
		this.columns.add(DefinitionSql.column(column, this.catalog.kind()));
		return this;
	}

	@Override
	public CreateTable primaryKey(String... columns) {
		Assert.notEmpty(columns, "'columns' must not be empty");
		this.constraints
			.add("PRIMARY KEY (" + SchemaCatalog.quoteAll(Arrays.asList(columns), this.catalog.kind()) + ")");
		return this;
	}

	@Override
	public CreateTable uniqueConstraint(String name, String... columns) {
		Assert.hasText(name, "'name' must not be empty");
		Assert.notEmpty(columns, "'columns' must not be empty");
		this.constraints.add(DefinitionSql.unique(name, Arrays.asList(columns), this.catalog.kind()));
		return this;
	}

	@Override
	public CreateTable foreignKey(ForeignKeyDefinition foreignKey) {
		Assert.notNull(foreignKey, "'foreignKey' must not be null");
		String referenced = (this.catalog.kind() != DatabaseKind.SQLITE)
				? this.catalog.qualify(foreignKey.referencedTable())
				: SchemaCatalog.quote(foreignKey.referencedTable());
		this.constraints.add(DefinitionSql.foreignKey(foreignKey, referenced, this.catalog.kind()));
		return this;
	}

	@Override
	public CreateTable checkConstraint(String name, String expression) {
		Assert.hasText(name, "'name' must not be empty");
		Assert.hasText(expression, "'expression' must not be empty");
		this.constraints.add(DefinitionSql.check(name, expression, this.catalog.kind()));
		return this;
	}

	@Override
	public void apply() {
		if (this.columns.isEmpty()) {
			throw new MigrationException("Table " + this.table + " has no columns, so it cannot be created. "
					+ "Add at least one with column(…) before apply().");
		}
		if (this.catalog.hasTable(this.table)) {
			throw new MigrationException("Table " + this.table + " already exists in schema "
					+ this.catalog.describeSchema() + ", so it cannot be created. Pick another name, or alter or "
					+ "drop the existing table.");
		}
		List<String> parts = new ArrayList<>(this.columns);
		parts.addAll(this.constraints);
		String sql = "CREATE TABLE " + this.catalog.qualify(this.table) + " (" + String.join(", ", parts) + ")";
		SchemaTransaction.run(this.connection, this.catalog.kind(), "create table " + this.table,
				() -> this.catalog.jdbc().execute(sql));
	}

}
