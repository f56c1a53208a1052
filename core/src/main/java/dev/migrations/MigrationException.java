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
 * Root of every exception migrations throw. Its message says what went wrong, names the
 * subject (class, version, file, property or DataSource) and says what to do next.
 *
 * @since 0.1.0
 */
public class MigrationException extends RuntimeException {

	/**
	 * Create a new exception.
	 * @param message what went wrong, its subject and the next step
	 */
	public MigrationException(String message) {
		super(message);
	}

	/**
	 * Create a new exception.
	 * @param message what went wrong, its subject and the next step
	 * @param cause the underlying failure
	 */
	public MigrationException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
