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
 * What a dry run found: each pending migration applied in a transaction that was rolled
 * back. The database is left as it was.
 *
 * @param dataSourceName the DataSource bean name
 * @param success whether every checked migration succeeded, so that the pending
 * migrations would apply (those in {@code notChecked} aside)
 * @param outcomes one per pending migration that was checked, in order
 * @param notChecked versions (descriptions, for repeatable migrations) that could not be
 * checked because they are not transactional
 * @since 0.1.0
 */
public record DryRunResult(String dataSourceName, boolean success, List<MigrationOutcome> outcomes,
		List<String> notChecked) {

	public DryRunResult {
		outcomes = List.copyOf(outcomes);
		notChecked = List.copyOf(notChecked);
		if (success != allSucceeded(outcomes)) {
			throw new IllegalArgumentException("'success' must be " + !success + " for outcomes " + outcomes);
		}
	}

	/**
	 * Create a result whose {@code success} is whether every outcome succeeded.
	 * @param dataSourceName the DataSource bean name
	 * @param outcomes one per pending migration that was checked, in order
	 * @param notChecked versions that could not be checked because they are not
	 * transactional
	 * @since 0.1.0
	 */
	public DryRunResult(String dataSourceName, List<MigrationOutcome> outcomes, List<String> notChecked) {
		this(dataSourceName, allSucceeded(outcomes), outcomes, notChecked);
	}

	private static boolean allSucceeded(List<MigrationOutcome> outcomes) {
		return outcomes.stream().allMatch(MigrationOutcome::success);
	}

}
