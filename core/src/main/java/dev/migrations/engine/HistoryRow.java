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

package dev.migrations.engine;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.migrations.Operation;

/**
 * One row of the history table as stored.
 *
 * @param id the row id, increasing with time
 * @param version the version, the layout version for a {@code LAYOUT} row, or
 * {@code null} for a repeatable migration
 * @param description the migration's description, or what a repair did
 * @param kind {@code JAVA}, {@code SQL} or {@code BASELINE}
 * @param source the class or resource
 * @param checksum the checksum, or {@code null}
 * @param operation {@code UP}, {@code DOWN}, {@code BASELINE}, {@code REPAIR} or
 * {@code LAYOUT}
 * @param success whether it succeeded
 * @param startedAt when it started
 * @param durationMs how long it took
 * @param installedBy the database user
 * @param host the host
 * @param error the error of a failed attempt
 */
record HistoryRow(long id, @Nullable String version, @Nullable String description, @Nullable String kind,
		@Nullable String source, @Nullable String checksum, String operation, boolean success, Instant startedAt,
		long durationMs, @Nullable String installedBy, @Nullable String host, @Nullable String error) {

	static final String LAYOUT = "LAYOUT";

	/**
	 * Return the row that records an operation on a migration.
	 */
	static HistoryRow of(long id, ResolvedMigration migration, Operation operation, boolean success, Instant startedAt,
			long durationMs, String installedBy, String host, @Nullable String error) {
		return new HistoryRow(id, migration.versionText(), migration.description(), migration.kind().name(),
				migration.source(), migration.checksum(), operation.name(), success, startedAt, durationMs, installedBy,
				host, error);
	}

}
