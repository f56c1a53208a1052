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

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.migrations.Operation;

/**
 * What the history says a database is at now, derived from its rows in one pass: the
 * applied versions, the failed attempts, the baseline and the last row id. Rows without a
 * version are those of repeatable migrations, keyed by kind and source name
 * ({@link MigrationIdentity#key()}): the last successful UP row of each is what is
 * applied, a DOWN row or a repair that forgets it removes it, and a failed attempt after
 * it is its failure until a later success or a repair clears it.
 */
final class History {

	static final String CLEAR_FAILURE = "clear failure";

	/**
	 * Written by earlier releases for a changed checksum; read as {@link #ACCEPT_CHANGE}.
	 */
	static final String ACCEPT_CHECKSUM = "accept checksum";

	static final String ACCEPT_CHANGE = "accept change";

	static final String FORGET_MISSING = "forget missing";

	private final List<HistoryRow> rows;

	private final Map<Version, HistoryRow> applied = new LinkedHashMap<>();

	private final Map<Version, HistoryRow> failed = new HashMap<>();

	private final Map<String, HistoryRow> appliedRepeatables = new LinkedHashMap<>();

	private final Map<String, HistoryRow> failedRepeatables = new HashMap<>();

	private @Nullable Version baseline;

	private @Nullable HistoryRow baselineRow;

	private @Nullable Version newestApplied;

	private long lastId;

	private History(List<HistoryRow> rows, MigrationCatalog catalog) {
		this.rows = rows;
		for (HistoryRow row : rows) {
			this.lastId = Math.max(this.lastId, row.id());
			if (HistoryRow.LAYOUT.equals(row.operation())) {
				continue;
			}
			if (row.version() != null) {
				apply(row, catalog.version(row.version()));
			}
			else {
				applyRepeatable(row);
			}
		}
		for (Version version : this.applied.keySet()) {
			if (this.newestApplied == null || version.compareTo(this.newestApplied) > 0) {
				this.newestApplied = version;
			}
		}
	}

	static History of(@Nullable List<HistoryRow> rows, MigrationCatalog catalog) {
		return new History((rows != null) ? rows : List.of(), catalog);
	}

	private void apply(HistoryRow row, Version version) {
		switch (Operation.valueOf(row.operation())) {
			case UP -> {
				if (row.success()) {
					this.applied.put(version, row);
					this.failed.remove(version);
				}
				else if (!this.applied.containsKey(version)) {
					this.failed.put(version, row);
				}
			}
			case DOWN -> {
				if (row.success()) {
					this.applied.remove(version);
				}
			}
			case BASELINE -> {
				if (row.success()) {
					this.baseline = version;
					this.baselineRow = row;
				}
			}
			case REPAIR -> repair(row, version);
		}
	}

	private void applyRepeatable(HistoryRow row) {
		String key = MigrationIdentity.of(row).key();
		if (!row.success()) {
			if (Operation.UP.name().equals(row.operation())) {
				this.failedRepeatables.put(key, row);
			}
			return;
		}
		switch (Operation.valueOf(row.operation())) {
			case UP -> {
				this.appliedRepeatables.put(key, row);
				this.failedRepeatables.remove(key);
			}
			case DOWN -> this.appliedRepeatables.remove(key);
			case REPAIR -> {
				if (FORGET_MISSING.equals(row.description())) {
					this.appliedRepeatables.remove(key);
				}
				else if (CLEAR_FAILURE.equals(row.description())) {
					this.failedRepeatables.remove(key);
				}
			}
			case BASELINE -> {
			}
		}
	}

	private void repair(HistoryRow row, Version version) {
		String action = String.valueOf(row.description());
		if (action.equals(CLEAR_FAILURE)) {
			this.failed.remove(version);
		}
		else if (action.equals(FORGET_MISSING)) {
			this.applied.remove(version);
		}
		else if (action.equals(ACCEPT_CHANGE) || action.equals(ACCEPT_CHECKSUM)) {
			// The repair row names the migration now accepted as the applied one.
			HistoryRow current = this.applied.get(version);
			if (current != null) {
				this.applied.put(version,
						new HistoryRow(current.id(), current.version(), current.description(), row.kind(), row.source(),
								row.checksum(), current.operation(), true, current.startedAt(), current.durationMs(),
								current.installedBy(), current.host(), current.error()));
			}
		}
	}

	List<HistoryRow> rows() {
		return this.rows;
	}

	Map<Version, HistoryRow> applied() {
		return this.applied;
	}

	Map<Version, HistoryRow> failed() {
		return this.failed;
	}

	/**
	 * Return the applied repeatable migrations: the last successful UP row of each, by
	 * {@link MigrationIdentity#key()}.
	 */
	Map<String, HistoryRow> appliedRepeatables() {
		return this.appliedRepeatables;
	}

	/**
	 * Return the repeatable migrations whose last attempt failed, by
	 * {@link MigrationIdentity#key()}.
	 */
	Map<String, HistoryRow> failedRepeatables() {
		return this.failedRepeatables;
	}

	@Nullable Version baseline() {
		return this.baseline;
	}

	@Nullable HistoryRow baselineRow() {
		return this.baselineRow;
	}

	@Nullable Version newestApplied() {
		return this.newestApplied;
	}

	/**
	 * Return the current version: the newest applied one, else the baseline.
	 */
	@Nullable Version current() {
		return (this.newestApplied != null) ? this.newestApplied : this.baseline;
	}

	long lastId() {
		return this.lastId;
	}

}
