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

/**
 * Reads the schema a migration works on, through the migration's own connection: it sees
 * the migration's uncommitted changes, and it reads the configured schema
 * ({@code migrations.schema}, on SQLite an attached database name) or else the
 * connection's default one. Works the same on PostgreSQL and SQLite.
 * <p>
 * Names are exact: pass them as the database stores them (PostgreSQL folds unquoted names
 * to lower case).
 *
 * @since 0.1.0
 * @see MigrationContext#schema()
 */
public interface SchemaReader {

	/**
	 * Return the names of the tables in the schema, sorted.
	 * @return the table names
	 */
	List<String> tables();

	/**
	 * Return whether a table exists.
	 * @param table the table name
	 * @return whether it exists
	 */
	boolean hasTable(String table);

	/**
	 * Return whether a table has a column.
	 * @param table the table name
	 * @param column the column name
	 * @return whether both exist
	 */
	boolean hasColumn(String table, String column);

	/**
	 * Return whether a table has an index of the given name.
	 * @param table the table name
	 * @param index the index name
	 * @return whether both exist
	 */
	boolean hasIndex(String table, String index);

	/**
	 * Return the columns of a table in their order.
	 * @param table the table name
	 * @return the columns
	 * @throws MigrationException if the table does not exist
	 */
	List<ColumnDefinition> columns(String table);

	/**
	 * Return the indexes of a table, sorted by name, without the primary key's.
	 * @param table the table name
	 * @return the indexes
	 * @throws MigrationException if the table does not exist
	 */
	List<IndexDefinition> indexes(String table);

	/**
	 * Return the foreign keys a table declares (those referencing other tables).
	 * @param table the table name
	 * @return the foreign keys
	 * @throws MigrationException if the table does not exist
	 */
	List<ForeignKeyDefinition> foreignKeys(String table);

	/**
	 * Return the primary key columns of a table, in key order.
	 * @param table the table name
	 * @return the columns, empty when the table has no primary key
	 * @throws MigrationException if the table does not exist
	 */
	List<String> primaryKey(String table);

}
