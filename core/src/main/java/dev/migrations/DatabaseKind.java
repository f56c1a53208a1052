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
 * The databases migrations know how to run against.
 *
 * @since 0.1.0
 */
public enum DatabaseKind {

	/**
	 * PostgreSQL: transactional DDL, advisory locks.
	 */
	POSTGRES,

	/**
	 * SQLite: a file database with limited {@code ALTER TABLE}.
	 */
	SQLITE,

	/**
	 * MariaDB: DDL commits on its own (a failed migration may leave a partial change),
	 * named locks ({@code GET_LOCK}).
	 */
	MARIADB,

	/**
	 * MySQL: served like MariaDB (DDL commits on its own, named locks); a separate kind
	 * so that migrations can branch where the two SQL dialects differ.
	 */
	MYSQL

}
