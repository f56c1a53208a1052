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
 * A batch of changes to one table, applied together by {@link #apply()}. Start one with
 * {@link MigrationContext#alterTable(String)}.
 * <p>
 * On PostgreSQL every change becomes a plain {@code ALTER TABLE} statement. On SQLite,
 * renames, dropping a column and adding a nullable column (or one with a constant
 * default) use SQLite's own {@code ALTER TABLE}; every other change rebuilds the table
 * the way SQLite's documentation prescribes: a new table is created, the rows copied, the
 * old table dropped, the new one renamed, its indexes and triggers recreated and its
 * foreign keys checked. Rows, indexes, unique constraints, foreign keys in both
 * directions and triggers survive.
 * <p>
 * Changes apply in the order given, except {@link #renameTo(String)}, which always comes
 * last. The batch is checked before anything runs (unknown table or column, a name that
 * is taken, {@code NOT NULL} on a table whose rows have no value) and it is atomic: on
 * failure a {@link MigrationException} names the table and column and the table is left
 * as it was.
 *
 * @since 0.1.0
 */
public interface AlterTable {

	/**
	 * Add a column.
	 * @param column the column; {@code NOT NULL} needs a default unless the table is
	 * empty
	 * @return this batch
	 */
	AlterTable addColumn(ColumnDefinition column);

	/**
	 * Add a nullable column without a default.
	 * @param name the column name
	 * @param type the SQL type
	 * @return this batch
	 */
	default AlterTable addColumn(String name, String type) {
		return addColumn(ColumnDefinition.of(name, type));
	}

	/**
	 * Drop a column and its values. On SQLite the column must not be part of the primary
	 * key, an index or a foreign key: drop those first.
	 * @param column the column name
	 * @return this batch
	 */
	AlterTable dropColumn(String column);

	/**
	 * Rename a column; indexes, constraints and triggers follow.
	 * @param column the current name
	 * @param newName the new name, not used by another column
	 * @return this batch
	 */
	AlterTable renameColumn(String column, String newName);

	/**
	 * Change the type of a column, converting its values (PostgreSQL:
	 * {@code USING column::type}; SQLite: the new type's affinity).
	 * @param column the column name
	 * @param type the new SQL type
	 * @return this batch
	 */
	AlterTable changeType(String column, String type);

	/**
	 * Make a column {@code NOT NULL}. Fails if the column holds {@code NULL}s.
	 * @param column the column name
	 * @return this batch
	 */
	AlterTable setNotNull(String column);

	/**
	 * Let a column accept {@code NULL}.
	 * @param column the column name
	 * @return this batch
	 */
	AlterTable dropNotNull(String column);

	/**
	 * Set the default of a column. Existing rows keep their values.
	 * @param column the column name
	 * @param defaultValue an SQL expression such as {@code 'draft'} or {@code 0}
	 * @return this batch
	 */
	AlterTable setDefault(String column, String defaultValue);

	/**
	 * Remove the default of a column.
	 * @param column the column name
	 * @return this batch
	 */
	AlterTable dropDefault(String column);

	/**
	 * Add a named unique constraint.
	 * @param name the constraint name
	 * @param columns the columns whose values must be unique together
	 * @return this batch
	 */
	AlterTable addUniqueConstraint(String name, String... columns);

	/**
	 * Drop a unique constraint by name. On SQLite only constraints declared with
	 * {@code CONSTRAINT <name>} have a name.
	 * @param name the constraint name
	 * @return this batch
	 */
	AlterTable dropUniqueConstraint(String name);

	/**
	 * Add a named foreign key.
	 * @param foreignKey the foreign key, with a name
	 * @return this batch
	 */
	AlterTable addForeignKey(ForeignKeyDefinition foreignKey);

	/**
	 * Drop a foreign key by name. On SQLite only constraints declared with
	 * {@code CONSTRAINT <name>} have a name.
	 * @param name the constraint name
	 * @return this batch
	 */
	AlterTable dropForeignKey(String name);

	/**
	 * Add a named check constraint.
	 * @param name the constraint name
	 * @param expression the SQL condition, for example {@code price >= 0}
	 * @return this batch
	 */
	AlterTable addCheckConstraint(String name, String expression);

	/**
	 * Drop a check constraint by name. On SQLite only constraints declared with
	 * {@code CONSTRAINT <name>} have a name.
	 * @param name the constraint name
	 * @return this batch
	 */
	AlterTable dropCheckConstraint(String name);

	/**
	 * Rename the table, after every other change of the batch.
	 * @param newName the new name, not used by another table
	 * @return this batch
	 */
	AlterTable renameTo(String newName);

	/**
	 * Check and apply the batch in the migration's transaction.
	 * @throws MigrationException if the batch is invalid or the database refuses it; the
	 * table is then unchanged
	 */
	void apply();

}
