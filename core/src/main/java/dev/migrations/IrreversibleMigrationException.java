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
 * Thrown when a migration that cannot be reversed is asked to go down.
 *
 * @since 0.1.0
 */
public class IrreversibleMigrationException extends MigrationException {

	/**
	 * Create a new exception for a migration that does not implement {@code down}.
	 * @param migration the irreversible migration
	 */
	public IrreversibleMigrationException(Migration migration) {
		this("Migration " + migration.getClass().getName()
				+ " is irreversible: it does not implement down(MigrationContext). "
				+ "Implement down, or roll back only to a version after it.");
	}

	/**
	 * Create a new exception.
	 * @param message the migration, why it cannot go down and the next step
	 */
	public IrreversibleMigrationException(String message) {
		super(message);
	}

}
