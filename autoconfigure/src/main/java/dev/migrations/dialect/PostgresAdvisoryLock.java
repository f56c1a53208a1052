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
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import dev.migrations.LockTimeoutException;
import dev.migrations.MigrationException;

/**
 * A PostgreSQL session advisory lock held on a dedicated connection. The server releases
 * it when that session ends, so a crashed instance never leaves it behind.
 */
final class PostgresAdvisoryLock implements MigrationLock {

	/**
	 * First half of the two-part lock key: "MIGR", so our locks are easy to spot in
	 * pg_locks.
	 */
	private static final int KEY_SPACE = 0x4D494752;

	private static final String LOCK_NOT_AVAILABLE = "55P03";

	private final DataSource dataSource;

	private final String name;

	PostgresAdvisoryLock(DataSource dataSource, String name) {
		this.dataSource = dataSource;
		this.name = name;
	}

	@Override
	public Held acquire(Duration timeout) {
		int key = this.name.hashCode();
		Connection connection = null;
		try {
			connection = this.dataSource.getConnection();
			connection.setAutoCommit(true);
			if (!tryLock(connection, key)) {
				waitForLock(connection, key, timeout);
			}
			Connection held = connection;
			return () -> unlock(held, key);
		}
		catch (SQLException ex) {
			close(connection);
			if (LOCK_NOT_AVAILABLE.equals(ex.getSQLState())) {
				throw new LockTimeoutException("Another instance held the migration lock on " + this.name
						+ " for longer than " + timeout + ". Wait for it to finish, or raise migrations.lock-timeout.");
			}
			throw new MigrationException("Could not take the migration lock on " + this.name + ": " + ex.getMessage()
					+ " [SQL state " + ex.getSQLState() + "]. Check that the database is reachable.", ex);
		}
	}

	private boolean tryLock(Connection connection, int key) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
			statement.setInt(1, KEY_SPACE);
			statement.setInt(2, key);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getBoolean(1);
			}
		}
	}

	private void waitForLock(Connection connection, int key, Duration timeout) throws SQLException {
		if (timeout.isZero()) {
			throw new SQLException("lock not available", LOCK_NOT_AVAILABLE);
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("SET lock_timeout = " + Math.max(1, timeout.toMillis()));
			try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?, ?)")) {
				lock.setInt(1, KEY_SPACE);
				lock.setInt(2, key);
				lock.execute();
			}
			finally {
				statement.execute("RESET lock_timeout");
			}
		}
	}

	private void unlock(Connection connection, int key) {
		try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
			statement.setInt(1, KEY_SPACE);
			statement.setInt(2, key);
			statement.execute();
		}
		catch (SQLException ex) {
			throw new MigrationException("Could not release the migration lock on " + this.name + ": " + ex.getMessage()
					+ ". The server releases it when the connection closes.", ex);
		}
		finally {
			close(connection);
		}
	}

	private static void close(Connection connection) {
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				// The session ends either way, and with it the lock.
			}
		}
	}

}
