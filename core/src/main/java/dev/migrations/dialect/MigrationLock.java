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
import java.time.Duration;

import dev.migrations.LockTimeoutException;

/**
 * The lock that one instance holds while it migrates a database. Implementations must let
 * the database or the operating system release it when the holder dies.
 */
@FunctionalInterface
public interface MigrationLock {

	/**
	 * Take the lock, waiting up to the timeout.
	 * @param timeout how long to wait for another holder
	 * @return the held lock; closing it releases the lock
	 * @throws LockTimeoutException when the lock was not free in time
	 */
	Held acquire(Duration timeout);

	/**
	 * A lock being held.
	 */
	@FunctionalInterface
	interface Held extends AutoCloseable {

		/**
		 * Make sure the lock protects the transaction that is about to start on the given
		 * connection, before it reads or writes the history. A lock held for the whole
		 * run checks, cheaply, that its holder is still alive and still holds it; a
		 * {@link #transactionScoped() transaction-scoped} lock is taken in that
		 * transaction, waiting up to the lock timeout.
		 * @param connection the connection of the operation, autocommit off
		 * @throws dev.migrations.MigrationException when the lock is lost, naming what to
		 * do
		 * @throws SQLException when the connection of the operation fails
		 */
		default void guard(Connection connection) throws SQLException {
		}

		/**
		 * Return whether the lock lasts only for the transaction that {@link #guard} took
		 * it in, so that the history must be read again after each commit: another
		 * instance may have written to it between two transactions.
		 * @return whether the lock is transaction-scoped
		 */
		default boolean transactionScoped() {
			return false;
		}

		/**
		 * Release the lock.
		 */
		@Override
		void close();

	}

}
