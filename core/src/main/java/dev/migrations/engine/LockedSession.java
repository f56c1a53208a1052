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

import org.jspecify.annotations.Nullable;

import dev.migrations.dialect.Dialect;
import dev.migrations.dialect.LockWaitWatcher;
import dev.migrations.dialect.MigrationLock;

/**
 * What an operation works on while it holds the migration lock: a connection in a
 * transaction (autocommit off, the schema set) and the history as read once under the
 * lock. The operation commits what it writes; whatever it leaves uncommitted is rolled
 * back.
 *
 * @param connection the connection, autocommit off
 * @param dialect the database's dialect
 * @param table the history table
 * @param rows the history rows as read under the lock, or {@code null} when the table
 * does not exist
 * @param history the history derived from the rows
 * @param installedBy the database user, for new rows
 * @param host the host, for new rows
 * @param start when the operation started, from {@link System#nanoTime()}
 * @param lock the lock held, which guards each transaction of a run
 */
record LockedSession(Connection connection, Dialect dialect, HistoryTable table, @Nullable List<HistoryRow> rows,
		History history, String installedBy, String host, long start, MigrationLock.Held lock) {

	/**
	 * Return what sees who blocks the migrations run on the connection.
	 * @return the watcher
	 */
	LockWaitWatcher lockWaitWatcher() {
		return this.dialect.lockWaitWatcher(this.lock, this.connection);
	}

	long elapsedMs() {
		return (System.nanoTime() - this.start) / 1_000_000;
	}

	/**
	 * Work done in a {@link LockedSession}.
	 *
	 * @param <T> what the work returns
	 */
	@FunctionalInterface
	interface Work<T> {

		T run(LockedSession session) throws SQLException;

	}

}
