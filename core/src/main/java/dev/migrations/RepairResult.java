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
 * What a repair recorded.
 *
 * @param dataSourceName the DataSource bean name
 * @param failuresCleared versions (descriptions, for repeatable migrations) whose failed
 * attempt no longer blocks a run
 * @param changesAccepted applied versions whose migration changed (its checksum, or
 * another class or file at the version) and is now accepted as the applied one
 * @param missingForgotten applied versions (descriptions, for repeatable migrations) with
 * no migration any more, now forgotten
 * @since 0.1.0
 */
public record RepairResult(String dataSourceName, List<String> failuresCleared, List<String> changesAccepted,
		List<String> missingForgotten) {

	public RepairResult {
		failuresCleared = List.copyOf(failuresCleared);
		changesAccepted = List.copyOf(changesAccepted);
		missingForgotten = List.copyOf(missingForgotten);
	}

}
