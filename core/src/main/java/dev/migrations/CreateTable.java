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

package dev.migrations;

/**
 * Creates a table from the same column model {@link SchemaReader} reports. Start one with
 * {@link MigrationContext#createTable(String)}, add columns and constraints in order,
 * then {@link #apply()}.
 *
 * @since 0.1.0
 */
public interface CreateTable {

	/**
	 * Add a column.
	 * @param column the column
	 * @return this builder
	 */
	CreateTable column(ColumnDefinition column);

	/**
	 * Add a nullable column without a default.
	 * @param name the column name
	 * @param type the SQL type
	 * @return this builder
	 */
	default CreateTable column(String name, String type) {
		return column(ColumnDefinition.of(name, type));
	}

	/**
	 * Declare the primary key.
	 * @param columns the key columns, in order
	 * @return this builder
	 */
	CreateTable primaryKey(String... columns);

	/**
	 * Add a named unique constraint.
	 * @param name the constraint name
	 * @param columns the columns whose values must be unique together
	 * @return this builder
	 */
	CreateTable uniqueConstraint(String name, String... columns);

	/**
	 * Add a foreign key.
	 * @param foreignKey the foreign key
	 * @return this builder
	 */
	CreateTable foreignKey(ForeignKeyDefinition foreignKey);

	/**
	 * Add a named check constraint.
	 * @param name the constraint name
	 * @param expression the SQL condition
	 * @return this builder
	 */
	CreateTable checkConstraint(String name, String expression);

	/**
	 * Create the table in the migration's transaction.
	 * @throws MigrationException if the table exists, has no columns, or the database
	 * refuses the definition
	 */
	void apply();

}
