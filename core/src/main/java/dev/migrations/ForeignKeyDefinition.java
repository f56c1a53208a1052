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

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A foreign key: what {@link SchemaReader#foreignKeys(String)} reports and what
 * {@link AlterTable#addForeignKey(ForeignKeyDefinition)} and
 * {@link CreateTable#foreignKey(ForeignKeyDefinition)} create.
 *
 * @param name the constraint name, or {@code null} when the database does not keep one
 * (SQLite reports no foreign key names)
 * @param columns the referencing columns, in order
 * @param referencedTable the referenced table
 * @param referencedColumns the referenced columns, in the same order
 * @param onDelete the action on delete: {@code NO ACTION}, {@code RESTRICT},
 * {@code CASCADE}, {@code SET NULL} or {@code SET DEFAULT}
 * @param onUpdate the action on update, one of the same
 * @since 0.1.0
 */
public record ForeignKeyDefinition(@Nullable String name, List<String> columns, String referencedTable,
		List<String> referencedColumns, String onDelete, String onUpdate) {

	private static final List<String> ACTIONS = List.of("NO ACTION", "RESTRICT", "CASCADE", "SET NULL", "SET DEFAULT");

	public ForeignKeyDefinition {
		Assert.notEmpty(columns, "'columns' must not be empty");
		Assert.hasText(referencedTable, "'referencedTable' must not be empty");
		Assert.isTrue(columns.size() == referencedColumns.size(),
				"'columns' and 'referencedColumns' must have the same size");
		columns = List.copyOf(columns);
		referencedColumns = List.copyOf(referencedColumns);
		onDelete = action(onDelete, "onDelete");
		onUpdate = action(onUpdate, "onUpdate");
	}

	/**
	 * Return a single-column foreign key without actions ({@code NO ACTION}).
	 * @param name the constraint name
	 * @param column the referencing column
	 * @param referencedTable the referenced table
	 * @param referencedColumn the referenced column
	 * @return the foreign key
	 */
	public static ForeignKeyDefinition of(String name, String column, String referencedTable, String referencedColumn) {
		Assert.hasText(name, "'name' must not be empty");
		return new ForeignKeyDefinition(name, List.of(column), referencedTable, List.of(referencedColumn), "NO ACTION",
				"NO ACTION");
	}

	/**
	 * Return this foreign key with another action on delete.
	 * @param action {@code NO ACTION}, {@code RESTRICT}, {@code CASCADE},
	 * {@code SET NULL} or {@code SET DEFAULT}
	 * @return the changed foreign key
	 */
	public ForeignKeyDefinition withOnDelete(String action) {
		return new ForeignKeyDefinition(this.name, this.columns, this.referencedTable, this.referencedColumns, action,
				this.onUpdate);
	}

	/**
	 * Return this foreign key with another action on update.
	 * @param action {@code NO ACTION}, {@code RESTRICT}, {@code CASCADE},
	 * {@code SET NULL} or {@code SET DEFAULT}
	 * @return the changed foreign key
	 */
	public ForeignKeyDefinition withOnUpdate(String action) {
		return new ForeignKeyDefinition(this.name, this.columns, this.referencedTable, this.referencedColumns,
				this.onDelete, action);
	}

	private static String action(String action, String name) {
		Assert.notNull(action, () -> "'" + name + "' must not be null");
		String normalized = action.trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
		Assert.isTrue(ACTIONS.contains(normalized), () -> "'" + name + "' must be one of " + ACTIONS);
		return normalized;
	}

}
