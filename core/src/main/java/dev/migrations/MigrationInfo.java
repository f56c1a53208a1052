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
 * One known migration of a database: applied, pending or gone.
 *
 * @param version the version, or {@code null} for a repeatable migration
 * @param description the description
 * @param kind what the migration is written as
 * @param source the class name or resource that declares it
 * @param state where it stands
 * @param reversible whether it can go down
 * @param appliedAt when it was applied, or {@code null}
 * @param durationMs how long applying it took, or {@code null}
 * @param error the error of the last failed attempt, or {@code null}
 * @param repeatable whether it is a {@link RepeatableMigration}, run again whenever its
 * checksum changes (since 0.3.0)
 * @since 0.1.0
 */
public record MigrationInfo(@Nullable String version, String description, MigrationKind kind, String source,
		MigrationState state, boolean reversible, @Nullable Instant appliedAt, @Nullable Long durationMs,
		@Nullable String error, boolean repeatable) {

	/**
	 * Create the information of a versioned migration.
	 * @param version the version
	 * @param description the description
	 * @param kind what the migration is written as
	 * @param source the class name or resource that declares it
	 * @param state where it stands
	 * @param reversible whether it can go down
	 * @param appliedAt when it was applied, or {@code null}
	 * @param durationMs how long applying it took, or {@code null}
	 * @param error the error of the last failed attempt, or {@code null}
	 */
	public MigrationInfo(String version, String description, MigrationKind kind, String source, MigrationState state,
			boolean reversible, @Nullable Instant appliedAt, @Nullable Long durationMs, @Nullable String error) {
		this(version, description, kind, source, state, reversible, appliedAt, durationMs, error, false);
	}

}
