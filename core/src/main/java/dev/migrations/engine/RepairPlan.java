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

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.migrations.Operation;
import dev.migrations.RepairResult;

/**
 * What a repair records, computed once from the catalog and the history under the lock:
 * one REPAIR row for each failed attempt to clear (so the migration may run again), each
 * changed applied migration to accept (a new checksum, or another class or file at its
 * version) and each applied migration whose code is gone to forget. The rows are meant to
 * commit together in one transaction. Repeatable migrations get the same for a failed
 * attempt and for being applied but no longer declared; they are named by description.
 *
 * @param rows the REPAIR rows to write, in order
 * @param failuresCleared the versions whose failed attempt is cleared
 * @param changesAccepted the versions whose changed migration is accepted
 * @param missingForgotten the versions forgotten
 */
record RepairPlan(List<HistoryRow> rows, List<String> failuresCleared, List<String> changesAccepted,
		List<String> missingForgotten) {

	private static final Log logger = LogFactory.getLog(RepairPlan.class);

	static RepairPlan of(MigrationCatalog catalog, History history, String installedBy, String host) {
		List<HistoryRow> rows = new ArrayList<>();
		List<String> failuresCleared = new ArrayList<>();
		List<String> changesAccepted = new ArrayList<>();
		List<String> missingForgotten = new ArrayList<>();
		long id = history.lastId();
		for (Map.Entry<Version, HistoryRow> failed : new TreeMap<>(history.failed()).entrySet()) {
			rows.add(row(++id, failed.getValue(), History.CLEAR_FAILURE, failed.getValue().checksum(), installedBy,
					host));
			failuresCleared.add(failed.getKey().toString());
		}
		for (Map.Entry<Version, HistoryRow> applied : new TreeMap<>(history.applied()).entrySet()) {
			HistoryRow row = applied.getValue();
			ResolvedMigration migration = catalog.find(applied.getKey());
			if (migration == null) {
				rows.add(row(++id, row, History.FORGET_MISSING, row.checksum(), installedBy, host));
				missingForgotten.add(applied.getKey().toString());
			}
			else if (MigrationIdentity.of(row).differsFrom(MigrationIdentity.of(migration))) {
				rows.add(accepted(++id, migration, installedBy, host));
				changesAccepted.add(applied.getKey().toString());
			}
		}
		for (Map.Entry<String, HistoryRow> failed : new TreeMap<>(history.failedRepeatables()).entrySet()) {
			HistoryRow row = failed.getValue();
			rows.add(row(++id, row, History.CLEAR_FAILURE, row.checksum(), installedBy, host));
			failuresCleared.add(String.valueOf(row.description()));
		}
		for (Map.Entry<String, HistoryRow> applied : new TreeMap<>(history.appliedRepeatables()).entrySet()) {
			HistoryRow row = applied.getValue();
			if (catalog.findRepeatable(applied.getKey()) == null) {
				rows.add(row(++id, row, History.FORGET_MISSING, row.checksum(), installedBy, host));
				missingForgotten.add(String.valueOf(row.description()));
			}
		}
		return new RepairPlan(List.copyOf(rows), List.copyOf(failuresCleared), List.copyOf(changesAccepted),
				List.copyOf(missingForgotten));
	}

	private static HistoryRow accepted(long id, ResolvedMigration migration, String installedBy, String host) {
		return new HistoryRow(id, migration.version().toString(), History.ACCEPT_CHANGE, migration.kind().name(),
				migration.source(), migration.checksum(), Operation.REPAIR.name(), true, Instant.now(), 0, installedBy,
				host, null);
	}

	private static HistoryRow row(long id, HistoryRow repaired, String action, @Nullable String checksum,
			String installedBy, String host) {
		return new HistoryRow(id, repaired.version(), action, repaired.kind(), repaired.source(), checksum,
				Operation.REPAIR.name(), true, Instant.now(), 0, installedBy, host, null);
	}

	/**
	 * Write the rows and commit them together, when there are any.
	 */
	void write(LockedSession session, String dataSourceName) throws SQLException {
		if (this.rows.isEmpty()) {
			return;
		}
		try (HistoryTable.Writer writer = session.table().writer(session.connection(), session.history())) {
			for (HistoryRow row : this.rows) {
				writer.insert(row);
			}
		}
		session.connection().commit();
		logger.info(dataSourceName + ": repaired the history: failures cleared " + this.failuresCleared
				+ ", changes accepted " + this.changesAccepted + ", missing forgotten " + this.missingForgotten);
	}

	RepairResult toResult(String dataSourceName) {
		return new RepairResult(dataSourceName, this.failuresCleared, this.changesAccepted, this.missingForgotten);
	}

}
