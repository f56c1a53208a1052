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
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
	static final int LAYOUT_VERSION = 2;

	private static final String COLUMNS = "id, version, description, kind, source, checksum, operation, success, "
			+ "started_at, duration_ms, installed_by, host, error";

	/**
	 * The column, added by layout 2, holding the {@link AppliedState} after each row.
	 */
	private static final String STATE_COLUMN = "applied_state";

	private static final String LAYOUT_DESCRIPTION = "history table layout";

	/**
	 * What planning reads: descriptions only of REPAIR rows (they say what was repaired),
	 * kind and source (they identify what ran); the same positions as {@link #COLUMNS},
	 * so one mapping reads both.
	 */
	private static final String PLANNING_COLUMNS = "id, version, "
			+ "CASE WHEN operation = 'REPAIR' THEN description END, kind, source, checksum, operation, success";

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
				rollBackFailedRead(connection);
				return null;
			}
			throw ex;
		}
	}

	/**
	 * End the transaction a failed read aborted (PostgreSQL refuses every statement after
	 * a failure until then).
	 */
	private static void rollBackFailedRead(Connection connection) throws SQLException {
		if (!connection.getAutoCommit()) {
			connection.rollback();
		}
	}

	/**
	 * Read what the newest row says is applied: one row, however long the history.
	 * @return the state, or {@code null} when the table is missing, has no rows, predates
	 * layout 2 (no such column), its newest row holds no state this release reads, or the
	 * read fails: the full read that follows then reports what is wrong
	 */
	@Nullable AppliedState readNewestState(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement
					.executeQuery("SELECT " + STATE_COLUMN + " FROM " + this.name + " ORDER BY id DESC LIMIT 1")) {
			return (result.next()) ? AppliedState.decode(result.getString(1)) : null;
		}
		catch (SQLException ex) {
			rollBackFailedRead(connection);
			return null;
		}
	}

	/**
	 * Return the id of the newest row, in the caller's transaction: one indexed lookup.
	 * @return the id, or 0 when the table has no rows
	 */
	long newestId(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT max(id) FROM " + this.name)) {
			return (result.next()) ? result.getLong(1) : 0;
		}
	}

	private static int stateColumn(ResultSetMetaData metaData) throws SQLException {
		for (int column = 1; column <= metaData.getColumnCount(); column++) {
			if (STATE_COLUMN.equalsIgnoreCase(metaData.getColumnLabel(column))) {
				return column;
			}
		}
		return 0;
	}

	/**
	 * Bring a table written by an earlier layout up to this one, in the caller's
	 * transaction: add the state column (unless an interrupted upgrade already did, where
	 * DDL commits on its own) and record the new layout with the current state.
	 * @param rows the rows read
	 * @param history what they say
	 * @return the rows with the new layout row, or {@code rows} when already current
	 */
	List<HistoryRow> upgrade(Connection connection, List<HistoryRow> rows, History history, String installedBy,
			String host) throws SQLException {
		if (hasCurrentLayout(rows)) {
			return rows;
		}
		boolean hasStateColumn;
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT * FROM " + this.name + " WHERE 1 = 0")) {
			hasStateColumn = stateColumn(result.getMetaData()) > 0;
		}
		if (!hasStateColumn) {
			try (Statement statement = connection.createStatement()) {
				statement.execute("ALTER TABLE " + this.name + " ADD " + STATE_COLUMN + " varchar(200)");
			}
		}
		HistoryRow layout = layoutRow(history.lastId() + 1, installedBy, host);
		try (Writer writer = writer(connection, history)) {
			writer.insert(layout);
		}
		List<HistoryRow> upgraded = new ArrayList<>(rows);
		upgraded.add(layout);
		return upgraded;
	}

	/**
	 * Whether a layout row says this layout or a later one; compared as versions, so a
	 * layout such as {@code 2.1} written by a later release counts too.
	 */
	private static boolean hasCurrentLayout(List<HistoryRow> rows) {
		Version current = Version.parse(String.valueOf(LAYOUT_VERSION));
		for (HistoryRow row : rows) {
			Version layout = (HistoryRow.LAYOUT.equals(row.operation()) && row.version() != null)
					? Version.tryParse(row.version()) : null;
			if (layout != null && layout.compareTo(current) >= 0) {
				return true;
			}
		}
		return false;
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
					+ "installed_by varchar(100), host varchar(255), error text, " + STATE_COLUMN + " varchar(200))");
		}
		HistoryRow layout = layoutRow(1, installedBy, host);
		try (Writer writer = writer(connection)) {
			writer.insert(layout);
		}
		return layout;
	}

	private static HistoryRow layoutRow(long id, String installedBy, String host) {
		return new HistoryRow(id, String.valueOf(LAYOUT_VERSION), LAYOUT_DESCRIPTION, null, null, null,
				HistoryRow.LAYOUT, true, Instant.now(), 0, installedBy, host, null);
	}

	/**
	 * Open a writer for a history that has nothing applied and no baseline yet: one just
	 * created.
	 */
	Writer writer(Connection connection) throws SQLException {
		return new Writer(insert(connection), Map.of(), Map.of(), AppliedState.EMPTY);
	}

	/**
	 * Open a writer for rows that follow the history read.
	 * @param history what the history said when the operation started
	 */
	Writer writer(Connection connection, History history) throws SQLException {
		return new Writer(insert(connection), history.applied(), history.appliedRepeatables(),
				AppliedState.of(history));
	}

	private PreparedStatement insert(Connection connection) throws SQLException {
		return connection.prepareStatement("INSERT INTO " + this.name + " (" + COLUMNS + ", " + STATE_COLUMN
				+ ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
	}

	/**
	 * Inserts rows through one prepared statement, each with the {@link AppliedState}
	 * after it. The caller says when the transaction commits or rolls back, so that rows
	 * rolled back leave no trace in the state of the rows after them.
	 */
	final class Writer implements AutoCloseable {

		private final PreparedStatement statement;

		private final Map<Version, HistoryRow> startApplied;

		private final Map<String, HistoryRow> startRepeatables;

		private AppliedState state;

		private AppliedState committed;

		private Writer(PreparedStatement statement, Map<Version, HistoryRow> startApplied,
				Map<String, HistoryRow> startRepeatables, AppliedState state) {
			this.statement = statement;
			this.startApplied = startApplied;
			this.startRepeatables = startRepeatables;
			this.state = state;
			this.committed = state;
		}

		/**
		 * Record that the rows inserted so far are committed.
		 */
		void committed() {
			this.committed = this.state;
		}

		/**
		 * Record that the rows inserted since the last commit were rolled back.
		 */
		void rolledBack() {
			this.state = this.committed;
		}

		void insert(HistoryRow row) throws SQLException {
			AppliedState after = this.state.after(row, this.startApplied, this.startRepeatables);
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
			insert.setString(14, after.encode());
			insert.executeUpdate();
			this.state = after;
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
