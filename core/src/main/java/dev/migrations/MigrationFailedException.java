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

/**
 * Thrown when a migration fails while running. Its attempt is recorded in the history and
 * nothing after it ran.
 *
 * @since 0.1.0
 */
public class MigrationFailedException extends MigrationException {

	private final @Nullable String version;

	/**
	 * Create a new exception.
	 * @param version the version of the migration that failed, or {@code null} for a
	 * repeatable migration
	 * @param message what went wrong, the migration and the next step
	 * @param cause the failure the migration threw
	 */
	public MigrationFailedException(@Nullable String version, String message, @Nullable Throwable cause) {
		super(message, cause);
		this.version = version;
	}

	/**
	 * Return the version of the migration that failed.
	 * @return the version, or {@code null} for a repeatable migration
	 */
	public @Nullable String version() {
		return this.version;
	}

}
