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

import org.jspecify.annotations.Nullable;

/**
 * What one run did to a database.
 *
 * @param dataSourceName the DataSource bean name
 * @param fromVersion the current version before the run, or {@code null}
 * @param toVersion the current version after the run, or {@code null}
 * @param outcomes what happened to each migration, in the order they ran
 * @param durationMs how long the run took
 * @since 0.1.0
 */
public record RunResult(String dataSourceName, @Nullable String fromVersion, @Nullable String toVersion,
		List<MigrationOutcome> outcomes, long durationMs) {

	public RunResult {
		outcomes = List.copyOf(outcomes);
	}

	/**
	 * Return how many migrations the run applied or reversed successfully.
	 * @return the count
	 */
	public int count() {
		return (int) this.outcomes.stream().filter(MigrationOutcome::success).count();
	}

}
