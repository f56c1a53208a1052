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
 * Thrown when an operation is refused because of where the database stands, before
 * anything was changed: a rollback by more steps than are applied or to a version that
 * was never applied, a baseline of a database that already has history, a dry run on a
 * database that cannot roll back DDL. Retrying the same request does not help; moving the
 * database first, or asking for something else, does.
 *
 * @since 0.1.0
 */
public class MigrationRefusedException extends MigrationException {

	/**
	 * Create a new exception.
	 * @param message what was refused, for which DataSource and why, and the next step
	 */
	public MigrationRefusedException(String message) {
		super(message);
	}

}
