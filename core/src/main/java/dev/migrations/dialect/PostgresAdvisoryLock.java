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

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.migrations.LockTimeoutException;
import dev.migrations.MigrationException;

/**
 * A PostgreSQL session advisory lock held on a dedicated connection. The server releases
 * it when that session ends, so a crashed instance never leaves it behind. Before each
 * transaction of the run it checks on that connection that its session still holds the
 * lock, so a run whose lock connection died stops instead of going on unlocked.
 */
final class PostgresAdvisoryLock implements MigrationLock {

	/**
	 * First half of the two-part lock key: "MIGR", so our locks are easy to spot in
	 * pg_locks.
	 */
	static final int KEY_SPACE = 0x4D494752;

	static final String LOCK_NOT_AVAILABLE = "55P03";

	/** Whether this session holds the two-key advisory lock. */
	private static final String HELD_QUERY = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted "
			+ "AND pid = pg_backend_pid() AND objsubid = 2 AND classid::bigint = ? AND objid::bigint = ?";

	/**
	 * Who holds a two-key advisory lock: its session's pid, application, user, client and
	 * when the session went idle after taking it (its state change).
	 */
	private static final String HOLDER_QUERY = "SELECT a.pid, a.application_name, a.usename, "
			+ "host(a.client_addr), to_char(a.state_change AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') "
			+ "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted "
			+ "AND l.objsubid = 2 AND l.classid::bigint = ? AND l.objid::bigint = ? LIMIT 1";

	private static final Log logger = LogFactory.getLog(PostgresAdvisoryLock.class);

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
		String holder = "another session";
		try {
			connection = this.dataSource.getConnection();
			connection.setAutoCommit(true);
			if (!tryLock(connection, key)) {
				holder = holder(connection, key);
				logger.info("Waiting up to " + DurationText.of(timeout) + " for the migration lock on " + this.name
						+ ", held by " + holder);
				waitForLock(connection, key, timeout);
			}
			SessionLock held = new SessionLock(connection, key);
			try {
				held.guard(connection);
			}
			catch (MigrationException ex) {
				close(connection);
				throw ex;
			}
			return held;
		}
		catch (SQLException ex) {
			close(connection);
			if (LOCK_NOT_AVAILABLE.equals(ex.getSQLState())) {
				throw new LockTimeoutException("Another instance held the migration lock on " + this.name
						+ " for longer than " + DurationText.of(timeout) + " (" + holder
						+ "). Wait for it to finish, or raise migrations.lock-timeout.");
			}
			throw new MigrationException("Could not take the migration lock on " + this.name + ": " + ex.getMessage()
					+ " [SQL state " + ex.getSQLState() + "]. Check that the database is reachable.", ex);
		}
	}

	/**
	 * Describe the session holding the lock, as far as this user may see it.
	 */
	static String holder(Connection connection, int key) {
		try (PreparedStatement statement = connection.prepareStatement(HOLDER_QUERY)) {
			statement.setLong(1, KEY_SPACE);
			statement.setLong(2, Integer.toUnsignedLong(key));
			try (ResultSet result = statement.executeQuery()) {
				if (!result.next()) {
					return "another session, which has just let go";
				}
				StringBuilder holder = new StringBuilder("PostgreSQL backend pid ").append(result.getInt(1));
				String application = result.getString(2);
				if (application != null && !application.isEmpty()) {
					holder.append(", application '").append(application).append('\'');
				}
				appendIfPresent(holder, ", user ", result.getString(3));
				appendIfPresent(holder, ", client ", result.getString(4));
				appendIfPresent(holder, ", holding it since ", result.getString(5));
				return holder.toString();
			}
		}
		catch (SQLException ex) {
			// Only the description is lost; waiting for the lock works the same.
			return "another session (not described: " + ex.getMessage() + ")";
		}
	}

	private static void appendIfPresent(StringBuilder holder, String label, @Nullable String value) {
		if (value != null) {
			holder.append(label).append(value);
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

	/**
	 * The lock held by the session of a dedicated connection.
	 */
	/**
	 * The held lock and its session, idle while the lock is held, so that a
	 * {@link PostgresLockWaitWatcher} may poll on it instead of taking another
	 * connection.
	 */
	final class SessionLock implements Held {

		private final Connection connection;

		private final int key;

		SessionLock(Connection connection, int key) {
			this.connection = connection;
			this.key = key;
		}

		Connection connection() {
			return this.connection;
		}

		@Override
		public void guard(Connection ignored) {
			boolean held;
			try (PreparedStatement statement = this.connection.prepareStatement(HELD_QUERY)) {
				statement.setLong(1, KEY_SPACE);
				statement.setLong(2, Integer.toUnsignedLong(this.key));
				try (ResultSet result = statement.executeQuery()) {
					held = result.next() && result.getInt(1) > 0;
				}
			}
			catch (SQLException ex) {
				throw new MigrationException("The connection holding the migration lock on "
						+ PostgresAdvisoryLock.this.name + " was lost: " + ex.getMessage() + " [SQL state "
						+ ex.getSQLState() + "]. Nothing more is applied without the lock; start again once the "
						+ "database is reachable.", ex);
			}
			if (!held) {
				throw new MigrationException("The migration lock on " + PostgresAdvisoryLock.this.name
						+ " is not held by the session that took it: that session ended, or a pooler in transaction "
						+ "mode (such as PgBouncer with pool_mode=transaction) sent the check to another server "
						+ "connection. Nothing more is applied without the lock. Behind such a pooler set "
						+ "migrations.postgresql.lock=transaction; otherwise start again.");
			}
		}

		@Override
		public void close() {
			unlock(this.connection, this.key);
		}

	}

	private void unlock(Connection connection, int key) {
		try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
			statement.setInt(1, KEY_SPACE);
			statement.setInt(2, key);
			statement.execute();
		}
		catch (SQLException ex) {
			if (!isAlive(connection)) {
				// The session is gone, and the server released its lock with it.
				return;
			}
			throw new MigrationException("Could not release the migration lock on " + this.name + ": " + ex.getMessage()
					+ ". The server releases it when the connection closes.", ex);
		}
		finally {
			close(connection);
		}
	}

	private static boolean isAlive(Connection connection) {
		try {
			return connection.isValid(1);
		}
		catch (SQLException ex) {
			return false;
		}
	}

	private static void close(@Nullable Connection connection) {
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
