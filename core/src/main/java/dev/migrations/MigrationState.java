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
 * Where one migration stands in a database.
 *
 * @since 0.1.0
 */
public enum MigrationState {

	/**
	 * Applied successfully and not rolled back.
	 */
	APPLIED,

	/**
	 * Not applied yet.
	 */
	PENDING,

	/**
	 * The last attempt failed.
	 */
	FAILED,

	/**
	 * Applied, but no migration declares the version any more.
	 */
	MISSING,

	/**
	 * The version the database was stamped at.
	 */
	BASELINE,

	/**
	 * At or below the baseline: never applied, and never will be.
	 */
	BELOW_BASELINE,

	/**
	 * Pending but older than the newest applied version; it runs only when out-of-order
	 * runs are allowed.
	 */
	OUT_OF_ORDER,

	/**
	 * A repeatable migration applied before whose checksum has changed since: it runs
	 * again at the next migrate.
	 * @since 0.3.0
	 */
	OUTDATED

}
