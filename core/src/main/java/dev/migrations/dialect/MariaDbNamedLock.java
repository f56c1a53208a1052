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

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.migrations.LockTimeoutException;
import dev.migrations.MigrationException;

/**
 * A MariaDB/MySQL named lock ({@code GET_LOCK}) held on a dedicated connection. Named
 * locks belong to the session, so the server releases the lock when that session ends and
 * a crashed instance never leaves it behind. Lock names are global to the server, so the
 * name includes the database of the history table.
 */
final class MariaDbNamedLock implements MigrationLock {

	/** MySQL refuses lock names longer than this. */
	private static final int MAX_NAME_LENGTH = 64;

	private static final String PREFIX = "migrations:";

	/**
	 * Who holds a named lock: its connection id, and that connection's user, host and
	 * time.
	 */
	private static final String HOLDER_QUERY = "SELECT l.id, p.USER, p.HOST, p.TIME FROM (SELECT IS_USED_LOCK(?) AS id) l "
			+ "LEFT JOIN information_schema.PROCESSLIST p ON p.ID = l.id WHERE l.id IS NOT NULL";

	private static final Log logger = LogFactory.getLog(MariaDbNamedLock.class);

	private final DataSource dataSource;

	private final String name;

	MariaDbNamedLock(DataSource dataSource, String name) {
		this.dataSource = dataSource;
		this.name = name;
	}

	@Override
	public Held acquire(Duration timeout) {
		Connection connection = null;
		try {
			connection = this.dataSource.getConnection();
			connection.setAutoCommit(true);
			String lockName = lockName(connection);
			if (!getLock(connection, lockName, Duration.ZERO)) {
				String holder = holder(connection, lockName);
				logger.info("Waiting up to " + DurationText.of(timeout) + " for the migration lock on " + this.name
						+ " (" + lockName + "), held by " + holder);
				if (timeout.isZero() || !getLock(connection, lockName, timeout)) {
					close(connection);
					throw new LockTimeoutException("Another instance held the migration lock on " + this.name + " ("
							+ lockName + ") for longer than " + DurationText.of(timeout) + " (" + holder
							+ "). Wait for it to finish, or raise migrations.lock-timeout.");
				}
			}
			Connection held = connection;
			return new Held() {

				@Override
				public void guard(Connection ignored) {
					check(held, lockName);
				}

				@Override
				public void close() {
					release(held, lockName);
				}

			};
		}
		catch (SQLException ex) {
			close(connection);
			throw new MigrationException("Could not take the migration lock on " + this.name + ": " + ex.getMessage()
					+ " [SQL state " + ex.getSQLState() + "]. Check that the database is reachable.", ex);
		}
	}

	private String lockName(Connection connection) throws SQLException {
		String qualified = (this.name.contains(".")) ? this.name : database(connection) + "." + this.name;
		String readable = PREFIX + qualified;
		if (readable.length() <= MAX_NAME_LENGTH) {
			return readable;
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(qualified.getBytes(StandardCharsets.UTF_8));
			return PREFIX + HexFormat.of().formatHex(digest, 0, 20);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	private static String database(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT DATABASE()")) {
			String database = (result.next()) ? result.getString(1) : null;
			return (database != null) ? database : "";
		}
	}

	/**
	 * Describe the connection holding the lock, as far as this user may see it.
	 */
	private static String holder(Connection connection, String lockName) {
		try (PreparedStatement statement = connection.prepareStatement(HOLDER_QUERY)) {
			statement.setString(1, lockName);
			try (ResultSet result = statement.executeQuery()) {
				if (!result.next()) {
					return "another connection, which has just let go";
				}
				String user = result.getString(2);
				return "connection " + result.getLong(1) + ((user != null) ? " of " + user + "@" + result.getString(3)
						+ ", in its current state for " + result.getLong(4) + "s" : "");
			}
		}
		catch (SQLException ex) {
			// Only the description is lost; waiting for the lock works the same.
			return "another connection (not described: " + ex.getMessage() + ")";
		}
	}

	private static boolean getLock(Connection connection, String lockName, Duration timeout) throws SQLException {
		// GET_LOCK waits whole seconds; round up so that a short timeout still waits.
		long seconds = (timeout.isZero()) ? 0 : Math.max(1, (timeout.toMillis() + 999) / 1000);
		try (PreparedStatement statement = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
			statement.setString(1, lockName);
			statement.setLong(2, seconds);
			try (ResultSet result = statement.executeQuery()) {
				return result.next() && result.getInt(1) == 1;
			}
		}
	}

	/**
	 * Check that the lock's connection is alive and still holds the lock, before each
	 * migration: a run whose lock connection was killed stops instead of going on
	 * unlocked.
	 */
	private void check(Connection connection, String lockName) {
		boolean held;
		try (PreparedStatement statement = connection.prepareStatement("SELECT IS_USED_LOCK(?) = CONNECTION_ID()")) {
			statement.setString(1, lockName);
			try (ResultSet result = statement.executeQuery()) {
				held = result.next() && result.getInt(1) == 1;
			}
		}
		catch (SQLException ex) {
			throw new MigrationException("The connection holding the migration lock on " + this.name + " (" + lockName
					+ ") was lost: " + ex.getMessage() + " [SQL state " + ex.getSQLState()
					+ "]. Nothing more is applied without the lock; start again once the database is reachable.", ex);
		}
		if (!held) {
			throw new MigrationException("The migration lock on " + this.name + " (" + lockName
					+ ") is no longer held by the connection that took it. Nothing more is applied without the lock; "
					+ "start again.");
		}
	}

	private void release(Connection connection, String lockName) {
		try (PreparedStatement statement = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
			statement.setString(1, lockName);
			statement.execute();
		}
		catch (SQLException ex) {
			if (!isAlive(connection)) {
				// The connection is gone, and the server released its lock with it.
				return;
			}
			throw new MigrationException("Could not release the migration lock on " + this.name + " (" + lockName
					+ "): " + ex.getMessage() + ". The server releases it when the connection closes.", ex);
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
