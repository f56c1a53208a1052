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

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One row of the history table: one attempt of an operation.
 *
 * @param id the row's id, increasing with time
 * @param version the version operated on, or {@code null} for a repeatable migration
 * @param operation what was done
 * @param success whether it succeeded
 * @param startedAt when it started
 * @param durationMs how long it took
 * @param installedBy the database user that did it
 * @param host the host the application ran on
 * @param error the error of a failed attempt, or {@code null}
 * @param description the migration's description (what a repair did, for a {@code REPAIR}
 * row), or {@code null}; it names a repeatable migration, which has no version (since
 * 0.3.0)
 * @since 0.1.0
 */
public record HistoryEntry(long id, @Nullable String version, Operation operation, boolean success, Instant startedAt,
		long durationMs, @Nullable String installedBy, @Nullable String host, @Nullable String error,
		@Nullable String description) {

	/**
	 * Create an entry without a description.
	 * @param id the row's id, increasing with time
	 * @param version the version operated on
	 * @param operation what was done
	 * @param success whether it succeeded
	 * @param startedAt when it started
	 * @param durationMs how long it took
	 * @param installedBy the database user that did it
	 * @param host the host the application ran on
	 * @param error the error of a failed attempt, or {@code null}
	 */
	public HistoryEntry(long id, @Nullable String version, Operation operation, boolean success, Instant startedAt,
			long durationMs, @Nullable String installedBy, @Nullable String host, @Nullable String error) {
		this(id, version, operation, success, startedAt, durationMs, installedBy, host, error, null);
	}

}
