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

import org.jspecify.annotations.Nullable;

import dev.migrations.ColumnDefinition;
import dev.migrations.ForeignKeyDefinition;

/**
 * One change of an {@code alterTable} batch.
 */
sealed interface TableChange {

	/**
	 * Add a column.
	 *
	 * @param column the column
	 */
	record AddColumn(ColumnDefinition column) implements TableChange {
	}

	/**
	 * Drop a column.
	 *
	 * @param column the column name
	 */
	record DropColumn(String column) implements TableChange {
	}

	/**
	 * Rename a column.
	 *
	 * @param column the current name
	 * @param newName the new name
	 */
	record RenameColumn(String column, String newName) implements TableChange {
	}

	/**
	 * Change the type of a column.
	 *
	 * @param column the column name
	 * @param type the new type
	 */
	record ChangeType(String column, String type) implements TableChange {
	}

	/**
	 * Set or drop {@code NOT NULL}.
	 *
	 * @param column the column name
	 * @param notNull whether the column becomes {@code NOT NULL}
	 */
	record SetNotNull(String column, boolean notNull) implements TableChange {
	}

	/**
	 * Set or drop a default.
	 *
	 * @param column the column name
	 * @param defaultValue the default, or {@code null} to drop it
	 */
	record SetDefault(String column, @Nullable String defaultValue) implements TableChange {
	}

	/**
	 * Add a unique constraint.
	 *
	 * @param name the constraint name
	 * @param columns the columns
	 */
	record AddUnique(String name, List<String> columns) implements TableChange {

		public AddUnique {
			columns = List.copyOf(columns);
		}

	}

	/**
	 * Add a foreign key.
	 *
	 * @param foreignKey the foreign key, named
	 */
	record AddForeignKey(ForeignKeyDefinition foreignKey) implements TableChange {
	}

	/**
	 * Add a check constraint.
	 *
	 * @param name the constraint name
	 * @param expression the condition
	 */
	record AddCheck(String name, String expression) implements TableChange {
	}

	/**
	 * Drop a named constraint.
	 *
	 * @param name the constraint name
	 * @param kind what the constraint must be
	 */
	record DropConstraint(String name, ConstraintKind kind) implements TableChange {
	}

	/**
	 * Rename the table.
	 *
	 * @param newName the new name
	 */
	record RenameTable(String newName) implements TableChange {
	}

	/**
	 * The kinds of named constraints a batch can drop.
	 */
	enum ConstraintKind {

		UNIQUE("unique constraint", "u"), FOREIGN_KEY("foreign key", "f"), CHECK("check constraint", "c");

		private final String description;

		private final String postgresType;

		ConstraintKind(String description, String postgresType) {
			this.description = description;
			this.postgresType = postgresType;
		}

		String description() {
			return this.description;
		}

		String postgresType() {
			return this.postgresType;
		}

	}

}
