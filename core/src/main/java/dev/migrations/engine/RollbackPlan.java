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
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.migrations.IrreversibleMigrationException;
import dev.migrations.MigrationRefusedException;

/**
 * What a rollback must reverse, computed once from the catalog and the history under the
 * lock: the applied migrations newer than the target, newest first. Building it refuses,
 * before anything is touched, a target that was never applied or lies below the baseline,
 * and a path with a migration that cannot go down, naming each one.
 * <p>
 * Steps and target count versioned migrations only. Repeatable migrations were applied on
 * top of the newest schema, so a rollback that reverses any versioned migration first
 * reverses every applied repeatable one that can go down (an SQL file with its
 * {@code .down.sql}, a Java one that declares {@code down}), in reverse description
 * order; they are pending again afterwards. Those that cannot go down stay applied.
 *
 * @param path the migrations to reverse: reversible applied repeatable ones, then the
 * versioned ones newest version first
 * @param from the current version before the rollback, or {@code null}
 * @param to the current version after it, or {@code null} when nothing stays applied
 */
record RollbackPlan(List<ResolvedMigration> path, @Nullable Version from, @Nullable Version to) {

	/**
	 * Plan the reversal of the given number of newest applied migrations.
	 * @throws MigrationRefusedException when none or fewer are applied
	 * @throws IrreversibleMigrationException when one of them cannot go down
	 */
	private static String steps(int steps) {
		return steps + ((steps == 1) ? " step" : " steps");
	}

	static RollbackPlan steps(MigrationCatalog catalog, History history, int steps, String dataSourceName) {
		List<Version> applied = newestFirst(history);
		if (applied.isEmpty()) {
			throw new MigrationRefusedException("Cannot roll back DataSource '" + dataSourceName
					+ "': no migration is applied. Run migrate first; there is nothing to reverse.");
		}
		if (steps > applied.size()) {
			throw new MigrationRefusedException("Cannot roll back " + steps + " migrations of DataSource '"
					+ dataSourceName + "': only " + applied.size() + ((applied.size() == 1) ? " is" : " are")
					+ " applied (" + join(applied) + "). Roll back at most " + steps(applied.size())
					+ ", or roll back to version 0 to reverse them all.");
		}
		return of(catalog, history, applied.subList(0, steps), "by " + steps(steps), dataSourceName);
	}

	/**
	 * Plan the reversal of every applied migration newer than the target, which stays
	 * applied; {@link Version#ZERO} reverses them all.
	 * @throws MigrationRefusedException when the target was never applied, is not
	 * declared or lies below the baseline
	 * @throws IrreversibleMigrationException when one on the path cannot go down
	 */
	static RollbackPlan to(MigrationCatalog catalog, History history, Version target, String dataSourceName) {
		Version baseline = history.baseline();
		boolean zero = target.equals(Version.ZERO);
		boolean isBaseline = target.equals(baseline);
		if (!zero && !isBaseline && catalog.find(target) == null && !history.applied().containsKey(target)) {
			throw new MigrationRefusedException("Cannot roll back DataSource '" + dataSourceName + "' to version "
					+ target
					+ ": no migration declares it. Roll back to a declared, applied version, or to 0 to reverse every"
					+ " migration.");
		}
		if (baseline != null && target.compareTo(baseline) < 0) {
			throw new MigrationRefusedException("Cannot roll back DataSource '" + dataSourceName + "' to version "
					+ target + ": it is below the baseline " + baseline
					+ ", and what lies at or below the baseline was never applied by migrations. Roll back to "
					+ baseline + " or later.");
		}
		if (!zero && !isBaseline && !history.applied().containsKey(target)) {
			List<Version> applied = newestFirst(history);
			throw new MigrationRefusedException("Cannot roll back DataSource '" + dataSourceName + "' to version "
					+ target
					+ ": it was never applied, so the database cannot return to it. Roll back to an applied version"
					+ ((applied.isEmpty()) ? "" : " (" + join(applied) + ")")
					+ ", or to 0 to reverse every migration.");
		}
		List<Version> path = newestFirst(history).stream().filter((version) -> version.compareTo(target) > 0).toList();
		return of(catalog, history, path, "to version " + target, dataSourceName);
	}

	private static RollbackPlan of(MigrationCatalog catalog, History history, List<Version> path, String where,
			String dataSourceName) {
		List<ResolvedMigration> migrations = new ArrayList<>(path.size());
		List<String> irreversible = new ArrayList<>();
		Version newestIrreversible = null;
		for (Version version : path) {
			ResolvedMigration migration = catalog.find(version);
			if (migration == null) {
				irreversible.add("version " + version + " (" + history.applied().get(version).source()
						+ ") is applied but no migration declares it any more");
			}
			else if (!migration.reversible()) {
				irreversible.add("migration " + migration.name() + " is irreversible: it does not implement "
						+ "down(MigrationContext)");
			}
			else {
				migrations.add(migration);
				continue;
			}
			newestIrreversible = (newestIrreversible != null) ? newestIrreversible : version;
		}
		if (newestIrreversible != null) {
			throw new IrreversibleMigrationException("Cannot roll back DataSource '" + dataSourceName + "' " + where
					+ ": " + String.join("; ", irreversible) + ". Nothing was reversed. Implement down (or restore "
					+ "the migration), or roll back no further than version " + newestIrreversible
					+ ", which then stays applied.");
		}
		if (!migrations.isEmpty()) {
			migrations.addAll(0, reversibleRepeatables(catalog, history));
		}
		Version remaining = newestFirst(history).stream()
			.filter((version) -> !path.contains(version))
			.findFirst()
			.orElse(history.baseline());
		return new RollbackPlan(List.copyOf(migrations), history.current(), remaining);
	}

	/**
	 * Return the applied repeatable migrations that can go down, in reverse description
	 * order.
	 */
	private static List<ResolvedMigration> reversibleRepeatables(MigrationCatalog catalog, History history) {
		List<ResolvedMigration> reversible = new ArrayList<>();
		for (ResolvedMigration repeatable : catalog.repeatables()) {
			if (history.appliedRepeatables().containsKey(repeatable.key()) && repeatable.reversible()) {
				reversible.add(0, repeatable);
			}
		}
		return reversible;
	}

	private static List<Version> newestFirst(History history) {
		return history.applied().keySet().stream().sorted(Comparator.reverseOrder()).toList();
	}

	private static String join(List<Version> versions) {
		return String.join(", ", versions.stream().map(Version::toString).toList());
	}

}
