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

package dev.migrations.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.HashSet;
import java.util.Set;

import javax.sql.DataSource;

/**
 * The floor: plain JDBC on one connection. Applying is, per migration, the statement, one
 * history insert and a commit; the no-op is one history {@code SELECT} compared in
 * memory.
 */
final class FloorContestant implements Contestant {

	private static final String HISTORY = "floor_history";

	FloorContestant(String variant) {
	}

	@Override
	public String id() {
		return Contestants.FLOOR;
	}

	@Override
	public String label() {
		return Contestants.label(id());
	}

	@Override
	public void migrate(DataSource dataSource, Workload workload) throws SQLException {
		apply(dataSource, workload, false);
	}

	/** Tables per set-up transaction. */
	static final int SETUP_BATCH = 1000;

	@Override
	public void setUp(DataSource dataSource, Workload workload) throws SQLException {
		apply(dataSource, workload, true);
	}

	private void apply(DataSource dataSource, Workload workload, boolean oneTransaction) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(true);
			Set<Integer> applied = applied(connection);
			if (applied.size() == workload.size()) {
				return;
			}
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement();
					PreparedStatement insert = connection.prepareStatement("INSERT INTO " + HISTORY
							+ " (version, description, applied_at, success) VALUES (?, ?, ?, ?)")) {
				for (int i = 1; i <= workload.size(); i++) {
					if (!applied.contains(i)) {
						statement.execute(Workload.createTable(i));
						insert.setInt(1, i);
						insert.setString(2, "create t_" + i);
						insert.setTimestamp(3, new Timestamp(System.currentTimeMillis()));
						insert.setBoolean(4, true);
						insert.executeUpdate();
						// Set-up commits every SETUP_BATCH tables: PostgreSQL's lock
						// table holds
						// a few thousand locks per transaction, fewer than N = 10,000
						// needs.
						if (!oneTransaction || i % SETUP_BATCH == 0) {
							connection.commit();
						}
					}
				}
				connection.commit();
			}
			finally {
				connection.setAutoCommit(true);
			}
		}
	}

	private Set<Integer> applied(Connection connection) throws SQLException {
		Set<Integer> applied = new HashSet<>();
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT version FROM " + HISTORY)) {
			while (result.next()) {
				applied.add(result.getInt(1));
			}
		}
		catch (SQLException ex) {
			if (!"42P01".equals(ex.getSQLState()) && !String.valueOf(ex.getMessage()).contains("no such table")) {
				throw ex;
			}
			try (Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE " + HISTORY + " (version int PRIMARY KEY, "
						+ "description varchar(200) NOT NULL, applied_at timestamp NOT NULL, success boolean NOT NULL)");
			}
		}
		return applied;
	}

}
