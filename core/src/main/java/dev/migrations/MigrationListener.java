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
 * Callbacks from a {@link Migrator} while it runs, for events, metrics and notifications.
 * Every method does nothing by default.
 *
 * @since 0.1.0
 */
public interface MigrationListener {

	/**
	 * Called when a run starts to apply or reverse migrations.
	 * @param dataSourceName the DataSource bean name
	 * @param count how many migrations the run plans
	 */
	default void runStarted(String dataSourceName, int count) {
	}

	/**
	 * Called after a migration's transaction committed.
	 * @param dataSourceName the DataSource bean name
	 * @param outcome what was done
	 */
	default void migrationSucceeded(String dataSourceName, MigrationOutcome outcome) {
	}

	/**
	 * Called after a migration failed and its failure was recorded.
	 * @param dataSourceName the DataSource bean name
	 * @param outcome what was attempted, with the error
	 */
	default void migrationFailed(String dataSourceName, MigrationOutcome outcome) {
	}

	/**
	 * Called when a run that started ends, successfully or not.
	 * @param dataSourceName the DataSource bean name
	 * @param result what the run did
	 * @param success whether every migration succeeded
	 */
	default void runFinished(String dataSourceName, RunResult result, boolean success) {
	}

}
