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
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import dev.migrations.dialect.Dialect;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the invariant the start-up check relies on: the state stored in the newest
 * history row is what the whole history says.
 */
final class HistoryStates {

	private HistoryStates() {
	}

	/**
	 * Assert that the newest row of {@code schema_migrations} holds the state its rows
	 * add up to; does nothing when the table does not exist.
	 */
	static void assertNewestRowMatchesHistory(DataSource dataSource) throws SQLException {
		assertNewestRowMatchesHistory(dataSource, "schema_migrations");
	}

	/**
	 * Assert that the newest row of the given history table holds the state its rows add
	 * up to; does nothing when the table does not exist or has no rows.
	 */
	static void assertNewestRowMatchesHistory(DataSource dataSource, String name) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			HistoryTable table = new HistoryTable(Dialect.of(connection), name);
			List<HistoryRow> rows = table.read(connection);
			// No table, or (where DDL commits on its own, as on MariaDB) a table created
			// just before a kill, with no row yet: there is no newest row to hold a
			// state,
			// and the start-up check then reads the whole (empty) history.
			if (rows == null || rows.isEmpty()) {
				return;
			}
			History history = History.of(rows, MigrationCatalog.of("check", List.of()));
			assertThat(table.readNewestState(connection)).as("the state in the newest history row")
				.isEqualTo(AppliedState.of(history));
		}
	}

}
