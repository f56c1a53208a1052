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
 * Published as an application event after a migration failed and its failure was
 * recorded. Listen with {@code @EventListener}.
 *
 * @param dataSourceName the DataSource bean name
 * @param outcome what was attempted, with the error
 * @since 0.1.0
 */
public record MigrationFailedEvent(String dataSourceName, MigrationOutcome outcome) {

	/**
	 * Return the version that failed.
	 * @return the version, or {@code null} for a repeatable migration
	 */
	public @Nullable String version() {
		return this.outcome.version();
	}

}
