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
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.migrations.DatabaseState;
import dev.migrations.DatabaseStatus;
import dev.migrations.HistoryEntry;
import dev.migrations.MigrationInfo;
import dev.migrations.MigrationKind;
import dev.migrations.MigrationState;
import dev.migrations.Operation;

/**
 * Builds a {@link DatabaseStatus} from the catalog, the history and the plan: one entry
 * per known version, applied or not, then one per repeatable migration by description,
 * and the history newest first.
 */
final class StatusReport {

	private final MigrationCatalog catalog;

	private final History history;

	private final MigrationPlan plan;

	StatusReport(MigrationCatalog catalog, History history, MigrationPlan plan) {
		this.catalog = catalog;
		this.history = history;
		this.plan = plan;
	}

	DatabaseStatus toStatus(String database, String table, DatabaseState state, @Nullable String lastFailure) {
		Version current = this.history.current();
		return new DatabaseStatus(database, table, state, (current != null) ? current.toString() : null,
				this.plan.pending().size(), migrations(), entries(), this.plan.problems(), lastFailure);
	}

	private List<MigrationInfo> migrations() {
		List<Entry> entries = new ArrayList<>();
		for (ResolvedMigration migration : this.catalog.migrations()) {
			entries.add(new Entry(migration.version(), known(migration)));
		}
		for (Map.Entry<Version, HistoryRow> applied : this.history.applied().entrySet()) {
			if (this.catalog.find(applied.getKey()) == null) {
				entries.add(new Entry(applied.getKey(), fromRow(applied.getValue(), MigrationState.MISSING)));
			}
		}
		HistoryRow baseline = this.history.baselineRow();
		if (baseline != null && this.catalog.find(Version.parse(baseline.version())) == null) {
			entries.add(new Entry(Version.parse(baseline.version()), fromRow(baseline, MigrationState.BASELINE)));
		}
		entries.sort(Comparator.comparing(Entry::version));
		List<MigrationInfo> infos = new ArrayList<>(entries.stream().map(Entry::info).toList());
		infos.addAll(repeatables());
		return infos;
	}

	/**
	 * Return the repeatable migrations declared or applied, by description.
	 */
	private List<MigrationInfo> repeatables() {
		List<MigrationInfo> infos = new ArrayList<>();
		for (ResolvedMigration repeatable : this.catalog.repeatables()) {
			infos.add(repeatable(repeatable));
		}
		for (Map.Entry<String, HistoryRow> applied : this.history.appliedRepeatables().entrySet()) {
			if (this.catalog.findRepeatable(applied.getKey()) == null) {
				infos.add(fromRow(applied.getValue(), MigrationState.MISSING));
			}
		}
		infos.sort(Comparator.comparing(MigrationInfo::description));
		return infos;
	}

	private MigrationInfo repeatable(ResolvedMigration repeatable) {
		HistoryRow applied = this.history.appliedRepeatables().get(repeatable.key());
		if (applied != null && Objects.equals(applied.checksum(), repeatable.checksum())) {
			return info(repeatable, MigrationState.APPLIED, applied, null);
		}
		HistoryRow failed = this.history.failedRepeatables().get(repeatable.key());
		if (failed != null) {
			return info(repeatable, MigrationState.FAILED, null, failed.error());
		}
		return (applied != null) ? info(repeatable, MigrationState.OUTDATED, applied, null)
				: info(repeatable, MigrationState.PENDING, null, null);
	}

	private MigrationInfo known(ResolvedMigration migration) {
		Version version = migration.version();
		HistoryRow applied = this.history.applied().get(version);
		if (applied != null && MigrationIdentity.of(applied).replacedBy(MigrationIdentity.of(migration))) {
			// Another migration took the version: show the one that ran.
			return fromRow(applied, MigrationState.APPLIED);
		}
		if (applied != null) {
			return info(migration, MigrationState.APPLIED, applied, null);
		}
		Version baseline = this.history.baseline();
		if (baseline != null && version.compareTo(baseline) <= 0) {
			MigrationState state = version.equals(baseline) ? MigrationState.BASELINE : MigrationState.BELOW_BASELINE;
			return info(migration, state, version.equals(baseline) ? this.history.baselineRow() : null, null);
		}
		HistoryRow failed = this.history.failed().get(version);
		if (failed != null) {
			return info(migration, MigrationState.FAILED, null, failed.error());
		}
		Version newest = this.history.newestApplied();
		boolean outOfOrder = newest != null && version.compareTo(newest) < 0;
		return info(migration, outOfOrder ? MigrationState.OUT_OF_ORDER : MigrationState.PENDING, null, null);
	}

	private static MigrationInfo info(ResolvedMigration migration, MigrationState state, @Nullable HistoryRow row,
			@Nullable String error) {
		return new MigrationInfo(migration.versionText(), migration.description(), migration.kind(), migration.source(),
				state, migration.reversible(), (row != null) ? row.startedAt() : null,
				(row != null) ? row.durationMs() : null, error, migration.repeatable());
	}

	private static MigrationInfo fromRow(HistoryRow row, MigrationState state) {
		MigrationKind kind = (row.kind() != null) ? MigrationKind.valueOf(row.kind()) : MigrationKind.BASELINE;
		return new MigrationInfo(row.version(), String.valueOf(row.description()), kind, String.valueOf(row.source()),
				state, false, row.startedAt(), row.durationMs(), null, row.version() == null);
	}

	private List<HistoryEntry> entries() {
		List<HistoryRow> rows = this.history.rows();
		List<HistoryEntry> entries = new ArrayList<>(rows.size());
		for (int i = rows.size() - 1; i >= 0; i--) {
			HistoryRow row = rows.get(i);
			if (!HistoryRow.LAYOUT.equals(row.operation())) {
				entries.add(new HistoryEntry(row.id(), row.version(), Operation.valueOf(row.operation()), row.success(),
						row.startedAt(), row.durationMs(), row.installedBy(), row.host(), row.error(),
						row.description()));
			}
		}
		return entries;
	}

	private record Entry(Version version, MigrationInfo info) {

	}

}
