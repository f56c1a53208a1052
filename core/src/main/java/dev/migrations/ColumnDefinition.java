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

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A column of a table: what {@link SchemaReader#columns(String)} reports and what
 * {@link AlterTable#addColumn(ColumnDefinition)} and
 * {@link CreateTable#column(ColumnDefinition)} create.
 * <p>
 * Build one with {@link #of(String, String)} and the {@code with…} methods:
 * {@code ColumnDefinition.of("email", "varchar(255)").notNull().withDefault("''")}.
 *
 * @param name the column name, exactly as the database stores it
 * @param type the SQL type as the database reports it (PostgreSQL: {@code format_type},
 * for example {@code character varying(255)}; SQLite: the declared type)
 * @param nullable whether the column accepts {@code NULL}
 * @param defaultValue the default as an SQL expression (for example {@code 'x'} or
 * {@code 0}), or {@code null} for none
 * @since 0.1.0
 */
public record ColumnDefinition(String name, String type, boolean nullable, @Nullable String defaultValue) {

	public ColumnDefinition {
		Assert.hasText(name, "'name' must not be empty");
		Assert.notNull(type, "'type' must not be null");
	}

	/**
	 * Return a nullable column without a default.
	 * @param name the column name
	 * @param type the SQL type, for example {@code varchar(255)} or {@code integer}
	 * @return the column
	 */
	public static ColumnDefinition of(String name, String type) {
		Assert.hasText(type, "'type' must not be empty");
		return new ColumnDefinition(name, type, true, null);
	}

	/**
	 * Return this column with {@code NOT NULL}.
	 * @return the changed column
	 */
	public ColumnDefinition notNull() {
		return new ColumnDefinition(this.name, this.type, false, this.defaultValue);
	}

	/**
	 * Return this column with the given default.
	 * @param defaultValue an SQL expression such as {@code 'draft'}, {@code 0} or
	 * {@code CURRENT_TIMESTAMP}
	 * @return the changed column
	 */
	public ColumnDefinition withDefault(String defaultValue) {
		Assert.hasText(defaultValue, "'defaultValue' must not be empty");
		return new ColumnDefinition(this.name, this.type, this.nullable, defaultValue);
	}

}
