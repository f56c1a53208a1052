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
 * Published as an application event when a run that started ends, successfully or not.
 * Listen with {@code @EventListener}.
 *
 * @param dataSourceName the DataSource bean name
 * @param result what the run did
 * @param success whether every migration succeeded
 * @since 0.1.0
 */
public record MigrationRunFinishedEvent(String dataSourceName, RunResult result, boolean success) {

	/**
	 * Return the version the database is at after the run.
	 * @return the current version, or {@code null} when none is applied
	 */
	public @Nullable String version() {
		return this.result.toVersion();
	}

}
