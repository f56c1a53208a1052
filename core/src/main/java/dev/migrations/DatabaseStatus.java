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
 * Where one database stands: its state, its migrations and its history.
 *
 * @param database the database product and version, for example {@code PostgreSQL 15.19}
 * @param table the history table
 * @param state where the database stands
 * @param currentVersion the newest applied version, or {@code null} when none is
 * @param pending how many migrations wait to be applied
 * @param migrations every known version in order, applied or not
 * @param history the history, newest first
 * @param problems the validation problems that keep migrations from running (checksum
 * drift, applied versions whose code is gone, versions out of order), each saying what,
 * which and what to do; empty when there are none
 * @param lastFailure the message of the last operation of this migrator that failed (a
 * failed migration, a validation error, a lock timeout, an unreachable database), until a
 * later one succeeds; {@code null} when none failed
 * @since 0.1.0
 */
public record DatabaseStatus(String database, String table, DatabaseState state, @Nullable String currentVersion,
		int pending, List<MigrationInfo> migrations, List<HistoryEntry> history, List<String> problems,
		@Nullable String lastFailure) {

	public DatabaseStatus {
		migrations = List.copyOf(migrations);
		history = List.copyOf(history);
		problems = List.copyOf(problems);
	}

}
