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

package dev.migrations.autoconfigure;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.migrations.DatabaseState;
import dev.migrations.DatabaseStatus;
import dev.migrations.MigrationInfo;
import dev.migrations.MigrationKind;
import dev.migrations.MigrationState;
import dev.migrations.MigrationValidationException;
import dev.migrations.Migrator;

/**
 * Finds the validation problems behind a {@code FAILED} status, for the status command.
 * {@link DatabaseStatus} says that validation fails but not why, so this asks the
 * migrator to migrate up to the newest version below which every declared migration is
 * already applied (or below the baseline): nothing is pending up to there, so that call
 * cannot apply or write anything, takes no lock, and fails validation with the same
 * problems a start-up would. Problems of migrations above that version (a pending one out
 * of order, a failed non-transactional one) show in the status table instead.
 */
final class ValidationProblems {

	private static final Set<MigrationState> SETTLED = Set.of(MigrationState.APPLIED, MigrationState.BASELINE,
			MigrationState.BELOW_BASELINE);

	private ValidationProblems() {
	}

	static List<String> of(Migrator migrator, DatabaseStatus status) {
		if (status.state() != DatabaseState.FAILED) {
			return List.of();
		}
		String settled = settledVersion(status.migrations());
		if (settled == null) {
			return List.of();
		}
		try {
			migrator.migrate(settled);
			return List.of();
		}
		catch (MigrationValidationException ex) {
			return ex.problems();
		}
	}

	/**
	 * Return the newest declared version up to which every declared migration is settled,
	 * or {@code null} when the oldest one is not.
	 */
	private static @Nullable String settledVersion(List<MigrationInfo> migrations) {
		String settled = null;
		for (MigrationInfo migration : migrations) {
			if (migration.state() == MigrationState.MISSING || migration.kind() == MigrationKind.BASELINE
					|| migration.repeatable()) {
				continue;
			}
			if (!SETTLED.contains(migration.state())) {
				break;
			}
			settled = migration.version();
		}
		return settled;
	}

}
