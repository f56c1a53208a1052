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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.migrations.LockTimeoutException;

/**
 * A PostgreSQL transaction advisory lock ({@code pg_advisory_xact_lock}), taken again at
 * the start of every transaction that reads or writes the history and released by its
 * commit or rollback. It holds no connection of its own, so it works behind a pooler in
 * transaction mode, where a session lock and its release may reach different server
 * connections. It uses the same key as {@link PostgresAdvisoryLock}, so instances in
 * either mode exclude each other. Between two transactions another instance may take it:
 * the engine reads the history again after each one.
 */
final class PostgresTransactionLock implements MigrationLock {

	private static final Log logger = LogFactory.getLog(PostgresTransactionLock.class);

	private final String name;

	PostgresTransactionLock(String name) {
		this.name = name;
	}

	@Override
	public Held acquire(Duration timeout) {
		int key = this.name.hashCode();
		return new Held() {

			@Override
			public void guard(Connection connection) throws SQLException {
				lock(connection, key, timeout);
			}

			@Override
			public boolean transactionScoped() {
				return true;
			}

			@Override
			public void close() {
				// Each transaction's end released it.
			}

		};
	}

	private void lock(Connection connection, int key, Duration timeout) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?, ?)")) {
			statement.setInt(1, PostgresAdvisoryLock.KEY_SPACE);
			statement.setInt(2, key);
			try (ResultSet result = statement.executeQuery()) {
				if (result.next() && result.getBoolean(1)) {
					return;
				}
			}
		}
		String holder = PostgresAdvisoryLock.holder(connection, key);
		if (timeout.isZero()) {
			throw timedOut(timeout, holder);
		}
		logger.info("Waiting up to " + DurationText.of(timeout) + " for the migration lock on " + this.name
				+ ", held by " + holder);
		String previous = setLockTimeout(connection, Long.toString(Math.max(1, timeout.toMillis())));
		try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
			statement.setInt(1, PostgresAdvisoryLock.KEY_SPACE);
			statement.setInt(2, key);
			statement.execute();
		}
		catch (SQLException ex) {
			if (PostgresAdvisoryLock.LOCK_NOT_AVAILABLE.equals(ex.getSQLState())) {
				throw timedOut(timeout, holder);
			}
			throw ex;
		}
		setLockTimeout(connection, previous);
	}

	/**
	 * Set the lock timeout for the rest of the transaction only.
	 * @return the value it had
	 */
	private static String setLockTimeout(Connection connection, String value) throws SQLException {
		String previous;
		try (PreparedStatement statement = connection.prepareStatement("SELECT current_setting('lock_timeout')");
				ResultSet result = statement.executeQuery()) {
			result.next();
			previous = result.getString(1);
		}
		try (PreparedStatement statement = connection.prepareStatement("SELECT set_config('lock_timeout', ?, true)")) {
			statement.setString(1, value);
			statement.execute();
		}
		return previous;
	}

	private LockTimeoutException timedOut(Duration timeout, String holder) {
		return new LockTimeoutException("Another instance held the migration lock on " + this.name + " for longer than "
				+ DurationText.of(timeout) + " (" + holder
				+ "). Wait for it to finish, or raise migrations.lock-timeout.");
	}

}
