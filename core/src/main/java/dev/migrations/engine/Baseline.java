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

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.migrations.MigrationRefusedException;
import dev.migrations.MigrationKind;
import dev.migrations.MigrationOutcome;
import dev.migrations.Operation;
import dev.migrations.RunResult;

/**
 * The stamp that tells the history where a database without one stands: a BASELINE row,
 * written in the caller's transaction right after the history table is created. Versions
 * at or below it are never applied. Also tells whether a database has tables of its own,
 * which is when {@code migrations.baseline-on-migrate} stamps it.
 */
final class Baseline {

	private static final Log logger = LogFactory.getLog(Baseline.class);

	static final String DESCRIPTION = "Baseline";

	/** The source of a stamp written by {@code Migrator.baseline(version)}. */
	static final String ON_DEMAND = "Migrator.baseline";

	/**
	 * The source of a stamp written because of {@code migrations.baseline-on-migrate}.
	 */
	static final String ON_MIGRATE = "migrations.baseline-on-migrate";

	private static final String[] TABLE_TYPES = { "TABLE", "PARTITIONED TABLE" };

	private Baseline() {
	}

	/**
	 * Stamp the database of the session at the version and commit, creating the history
	 * table if needed.
	 * @throws MigrationRefusedException when the history already has entries
	 */
	static RunResult stamp(LockedSession session, Version version, String dataSourceName) throws SQLException {
		List<HistoryRow> rows = session.rows();
		long entries = (rows != null)
				? rows.stream().filter((row) -> !HistoryRow.LAYOUT.equals(row.operation())).count() : 0;
		if (entries > 0) {
			Version current = session.history().current();
			throw new MigrationRefusedException("Cannot stamp DataSource '" + dataSourceName + "' at version " + version
					+ ": its history table " + session.table().name() + " already has " + entries + " entries"
					+ ((current != null) ? " and it is at version " + current : "")
					+ ". A baseline only stamps a database without history; use migrate or rollbackTo to move it.");
		}
		Connection connection = session.connection();
		long id = (rows != null) ? session.history().lastId()
				: session.table().create(connection, session.installedBy(), session.host()).id();
		try (HistoryTable.Writer writer = session.table().writer(connection, session.history())) {
			writer.insert(row(id + 1, version, ON_DEMAND, session.installedBy(), session.host()));
		}
		connection.commit();
		logger.info(dataSourceName + ": stamped at baseline version " + version);
		MigrationOutcome outcome = new MigrationOutcome(version.toString(), DESCRIPTION, Operation.BASELINE, true, 0,
				null);
		return new RunResult(dataSourceName, null, version.toString(), List.of(outcome), session.elapsedMs());
	}

	/**
	 * Create the history table in the caller's transaction and, when a version to stamp
	 * at is given and the schema has tables of its own, write a BASELINE row at it.
	 * @param stampAt the baseline-on-migrate version, or {@code null} to only create
	 * @param schema the schema to look for tables in, or {@code null} for all
	 * @return the rows written
	 */
	static List<HistoryRow> createHistory(Connection connection, HistoryTable table, @Nullable Version stampAt,
			@Nullable String schema, String installedBy, String host) throws SQLException {
		boolean stamp = stampAt != null && hasOwnTables(connection, schema);
		HistoryRow layout = table.create(connection, installedBy, host);
		if (!stamp) {
			return List.of(layout);
		}
		HistoryRow baseline = row(layout.id() + 1, stampAt, ON_MIGRATE, installedBy, host);
		try (HistoryTable.Writer writer = table.writer(connection)) {
			writer.insert(baseline);
		}
		return List.of(layout, baseline);
	}

	static HistoryRow row(long id, Version version, String source, String installedBy, String host) {
		return new HistoryRow(id, version.toString(), DESCRIPTION, MigrationKind.BASELINE.name(), source, null,
				Operation.BASELINE.name(), true, Instant.now(), 0, installedBy, host, null);
	}

	/**
	 * Return whether the schema holds tables, as JDBC metadata lists them; the database's
	 * own catalog tables are not listed as tables.
	 * @param schema the schema, or {@code null} for every schema the connection sees
	 */
	static boolean hasOwnTables(Connection connection, @Nullable String schema) throws SQLException {
		try (ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), schema, "%", TABLE_TYPES)) {
			while (tables.next()) {
				String tableSchema = tables.getString("TABLE_SCHEM");
				if (schema == null || tableSchema == null || schema.equals(tableSchema)) {
					return true;
				}
			}
			return false;
		}
	}

}
