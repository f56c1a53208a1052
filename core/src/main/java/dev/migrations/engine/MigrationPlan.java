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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.migrations.MigrationKind;

/**
 * What a run must apply, computed once from the catalog and the history, and every
 * disagreement between them that forbids running: checksum drift, another migration
 * declared at an applied version, applied versions whose code is gone, pending versions
 * older than the newest applied one, and failed migrations that may have left a partial
 * change (non-transactional ones, and any on a database whose DDL commits on its own),
 * which need a repair.
 * <p>
 * Repeatable migrations follow the versioned ones, ordered by description: those never
 * applied and those whose checksum differs from the one last applied. They are planned
 * only for a run to the latest version (no target): they are written against the newest
 * schema. An applied repeatable migration that is no longer declared is no problem; the
 * status shows it as missing.
 *
 * @param pending the migrations to apply, in version order, then the repeatable ones
 * @param problems every validation problem; the plan must not run unless it is empty
 */
record MigrationPlan(List<ResolvedMigration> pending, List<String> problems) {

	static MigrationPlan of(MigrationCatalog catalog, History history, boolean transactionalDdl, boolean outOfOrder,
			@Nullable Version target) {
		List<ResolvedMigration> pending = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		Version newest = history.newestApplied();
		Version baseline = history.baseline();
		for (ResolvedMigration migration : catalog.migrations()) {
			Version version = migration.version();
			HistoryRow applied = history.applied().get(version);
			if (applied != null) {
				checkIdentity(migration, applied, problems);
				continue;
			}
			if (baseline != null && version.compareTo(baseline) <= 0) {
				continue;
			}
			if (target != null && version.compareTo(target) > 0) {
				continue;
			}
			checkFailure(migration, history.failed().get(version), transactionalDdl, problems);
			if (newest != null && version.compareTo(newest) < 0 && !outOfOrder) {
				problems.add("Migration " + migration.name() + " is pending but the newer version " + newest
						+ " is already applied. Renumber it above " + newest
						+ ", or set migrations.out-of-order=true to apply it anyway.");
			}
			pending.add(migration);
		}
		for (Map.Entry<Version, HistoryRow> applied : history.applied().entrySet()) {
			if (catalog.find(applied.getKey()) == null) {
				problems.add("Version " + applied.getKey() + " was applied (" + applied.getValue().source()
						+ ") but no migration declares it any more. Restore it, or run repair to forget it.");
			}
		}
		if (target == null) {
			for (ResolvedMigration repeatable : catalog.repeatables()) {
				String key = repeatable.key();
				HistoryRow applied = history.appliedRepeatables().get(key);
				if (applied == null || !Objects.equals(applied.checksum(), repeatable.checksum())) {
					checkFailure(repeatable, history.failedRepeatables().get(key), transactionalDdl, problems);
					pending.add(repeatable);
				}
			}
		}
		return new MigrationPlan(List.copyOf(pending), List.copyOf(problems));
	}

	/**
	 * Refuse to run a failed migration again when its failure may have left a partial
	 * change.
	 */
	private static void checkFailure(ResolvedMigration migration, @Nullable HistoryRow failed, boolean transactionalDdl,
			List<String> problems) {
		if (failed != null && !migration.transactional()) {
			problems.add("Migration " + migration.name() + " is not transactional and failed at " + failed.startedAt()
					+ " (" + failed.error() + "); it may have left a partial change. "
					+ "Check the database, undo or finish the change by hand, then run repair.");
		}
		else if (failed != null && !transactionalDdl) {
			problems.add("Migration " + migration.name() + " failed at " + failed.startedAt() + " (" + failed.error()
					+ ") on a database whose DDL commits on its own, so it may have left a "
					+ "partial change. Check the database, undo what it changed by hand so it can run again "
					+ "from its start, then run repair.");
		}
	}

	private static void checkIdentity(ResolvedMigration migration, HistoryRow applied, List<String> problems) {
		MigrationIdentity ran = MigrationIdentity.of(applied);
		MigrationIdentity declared = MigrationIdentity.of(migration);
		if (ran.replacedBy(declared)) {
			problems.add("Version " + migration.version() + " was applied as " + describe(applied.kind()) + " "
					+ applied.source() + ", but " + describe(declared.kind()) + " " + migration.source()
					+ " now declares it and has never run. Restore " + applied.source()
					+ " and give the new migration a version of its own, or run repair to accept " + migration.source()
					+ " as the applied one.");
		}
		else if (ran.checksumChangedIn(declared)) {
			String now = (migration.checksum() != null) ? "its checksum is now " + migration.checksum()
					: "it declares no checksum now";
			problems.add("Migration " + migration.name() + " was applied with "
					+ ((applied.checksum() != null) ? "checksum " + applied.checksum() : "no checksum") + ", but " + now
					+ ". Revert the change and add a new migration instead, or run repair to accept it.");
		}
	}

	private static String describe(@Nullable String kind) {
		return (MigrationKind.SQL.name().equals(kind)) ? "the SQL file" : "the Java migration";
	}

}
