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
package dev.migrations.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import dev.migrations.SafetyReport;

/**
 * Observes, from a migration's own session, what it did to relations that existed before
 * it: read the catalog just before the migration runs, then again just before its
 * transaction ends. Only for observing runs (tests, dry runs): it costs several catalog
 * queries per migration.
 */
public interface SafetyProbe {

	/**
	 * Read what exists before the migration runs.
	 * @param connection the migration's connection, in its transaction
	 * @param historyTable the qualified history table, whose locks are the engine's own
	 * @return what the migration is compared with
	 * @throws SQLException on a JDBC failure
	 */
	Before before(Connection connection, String historyTable) throws SQLException;

	/**
	 * The catalog as it was before a migration.
	 */
	interface Before {

		/**
		 * Observe what the migration did, before its transaction ends.
		 * @param connection the migration's connection, still in its transaction
		 * @return what was seen
		 * @throws SQLException on a JDBC failure
		 */
		Observation after(Connection connection) throws SQLException;

	}

	/**
	 * What one migration did to relations that existed before it.
	 *
	 * @param locks locks taken on existing tables
	 * @param rewritten existing tables and indexes whose storage changed
	 * @param validatedConstraints foreign keys and checks added validated to existing
	 * tables, as {@code constraint on table (kind)}
	 * @param blockingIndexes indexes built on existing tables in the transaction, as
	 * {@code index on table}
	 * @param notNullColumns existing columns made {@code NOT NULL}, as
	 * {@code table.column}
	 * @param droppedOrRenamed existing columns and tables dropped or renamed, as text
	 */
	record Observation(List<SafetyReport.Lock> locks, List<String> rewritten, List<String> validatedConstraints,
			List<String> blockingIndexes, List<String> notNullColumns, List<String> droppedOrRenamed) {

		public Observation {
			locks = List.copyOf(locks);
			rewritten = List.copyOf(rewritten);
			validatedConstraints = List.copyOf(validatedConstraints);
			blockingIndexes = List.copyOf(blockingIndexes);
			notNullColumns = List.copyOf(notNullColumns);
			droppedOrRenamed = List.copyOf(droppedOrRenamed);
		}

	}

}
