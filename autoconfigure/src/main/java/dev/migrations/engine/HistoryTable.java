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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.migrations.dialect.Dialect;

/**
 * The append-only history table: one row per attempt of an operation. Its first row
 * records the table's layout version so later releases can upgrade it in place. Rows are
 * written in the caller's transaction, so a migration and its row commit together.
 */
final class HistoryTable {

	/**
	 * The layout this release writes; raise it with an in-place upgrade when columns
	 * change.
	 */
	static final int LAYOUT_VERSION = 1;

	private static final String COLUMNS = "id, version, description, kind, source, checksum, operation, success, "
			+ "started_at, duration_ms, installed_by, host, error";

	/**
	 * What planning reads: descriptions only of REPAIR rows (they say what was repaired),
	 * no kind or source; the same positions as {@link #COLUMNS}, so one mapping reads
	 * both.
	 */
	private static final String PLANNING_COLUMNS = "id, version, "
			+ "CASE WHEN operation = 'REPAIR' THEN description END, NULL, NULL, checksum, operation, success";

	private final Dialect dialect;

	private final String name;

	HistoryTable(Dialect dialect, String name) {
		this.dialect = dialect;
		this.name = name;
	}

	String name() {
		return this.name;
	}

	/**
	 * Read every row, oldest first, in one query.
	 * @return the rows, or {@code null} when the table does not exist
	 */
	@Nullable List<HistoryRow> read(Connection connection) throws SQLException {
		return read(connection, COLUMNS);
	}

	/**
	 * Read every row with only what planning needs: no kinds, sources, timestamps,
	 * durations, users, hosts or errors, and descriptions of REPAIR rows only (the rest
	 * read as the epoch, 0 and {@code null}). Start-up checks that find nothing to do use
	 * it; messages and status need {@link #read(Connection)}.
	 * @return the rows, or {@code null} when the table does not exist
	 */
	@Nullable List<HistoryRow> readForPlanning(Connection connection) throws SQLException {
		return read(connection, PLANNING_COLUMNS);
	}

	private @Nullable List<HistoryRow> read(Connection connection, String columns) throws SQLException {
		boolean full = columns.equals(COLUMNS);
		try (Statement statement = connection.createStatement();
				ResultSet result = statement
					.executeQuery("SELECT " + columns + " FROM " + this.name + " ORDER BY id")) {
			List<HistoryRow> rows = new ArrayList<>();
			while (result.next()) {
				rows.add(new HistoryRow(result.getLong(1), result.getString(2), result.getString(3),
						result.getString(4), result.getString(5), result.getString(6), result.getString(7),
						result.getBoolean(8), (full) ? this.dialect.getTimestamp(result, 9) : Instant.EPOCH,
						(full) ? result.getLong(10) : 0, (full) ? result.getString(11) : null,
						(full) ? result.getString(12) : null, (full) ? result.getString(13) : null));
			}
			return rows;
		}
		catch (SQLException ex) {
			if (this.dialect.isMissingTable(ex)) {
				if (!connection.getAutoCommit()) {
					connection.rollback();
				}
				return null;
			}
			throw ex;
		}
	}

	/**
	 * Create the table with its layout row, in the caller's transaction.
	 * @return the layout row
	 */
	HistoryRow create(Connection connection, String installedBy, String host) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE " + this.name + " (id bigint NOT NULL PRIMARY KEY, version varchar(100), "
					+ "description varchar(500), kind varchar(10), source varchar(1000), checksum varchar(100), "
					+ "operation varchar(10) NOT NULL, success boolean NOT NULL, started_at "
					+ this.dialect.timestampType() + " NOT NULL, duration_ms bigint NOT NULL, "
					+ "installed_by varchar(100), host varchar(255), error text)");
		}
		HistoryRow layout = new HistoryRow(1, String.valueOf(LAYOUT_VERSION), "history table layout", null, null, null,
				HistoryRow.LAYOUT, true, Instant.now(), 0, installedBy, host, null);
		try (Writer writer = writer(connection)) {
			writer.insert(layout);
		}
		return layout;
	}

	/**
	 * Open a writer that inserts rows with one prepared statement.
	 */
	Writer writer(Connection connection) throws SQLException {
		return new Writer(connection.prepareStatement(
				"INSERT INTO " + this.name + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
	}

	/**
	 * Inserts rows through one prepared statement.
	 */
	final class Writer implements AutoCloseable {

		private final PreparedStatement statement;

		private Writer(PreparedStatement statement) {
			this.statement = statement;
		}

		void insert(HistoryRow row) throws SQLException {
			PreparedStatement insert = this.statement;
			insert.setLong(1, row.id());
			setString(2, row.version());
			setString(3, row.description());
			setString(4, row.kind());
			setString(5, row.source());
			setString(6, row.checksum());
			insert.setString(7, row.operation());
			insert.setBoolean(8, row.success());
			HistoryTable.this.dialect.setTimestamp(insert, 9, row.startedAt());
			insert.setLong(10, row.durationMs());
			setString(11, row.installedBy());
			setString(12, row.host());
			setString(13, row.error());
			insert.executeUpdate();
		}

		private void setString(int index, @Nullable String value) throws SQLException {
			if (value != null) {
				this.statement.setString(index, value);
			}
			else {
				this.statement.setNull(index, Types.VARCHAR);
			}
		}

		@Override
		public void close() throws SQLException {
			this.statement.close();
		}

	}

}
