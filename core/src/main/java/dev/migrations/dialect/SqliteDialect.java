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

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import dev.migrations.DatabaseKind;

/**
 * SQLite: transactional DDL, instants as ISO-8601 text, a file lock beside the database,
 * the lock timeout as the connection's busy timeout.
 */
final class SqliteDialect implements Dialect {

	private static final int BUSY = 5;

	private static final int LOCKED = 6;

	private static final int SQLITE_READONLY = 8;

	private static final int SQLITE_FULL = 13;

	private static final int SQLITE_CANTOPEN = 14;

	private final String product;

	private final String url;

	SqliteDialect(String product, String url) {
		this.product = product;
		this.url = url;
	}

	@Override
	public DatabaseKind kind() {
		return DatabaseKind.SQLITE;
	}

	@Override
	public String product() {
		return this.product;
	}

	@Override
	public boolean transactionalDdl() {
		return true;
	}

	@Override
	public String timestampType() {
		return "text";
	}

	@Override
	public void setTimestamp(PreparedStatement statement, int index, Instant instant) throws SQLException {
		statement.setString(index, instant.toString());
	}

	@Override
	public Instant getTimestamp(ResultSet resultSet, int index) throws SQLException {
		return Instant.parse(resultSet.getString(index));
	}

	@Override
	public boolean isMissingTable(SQLException ex) {
		String message = ex.getMessage();
		return message != null && message.contains("no such table");
	}

	@Override
	public void useSchema(Connection connection, String schema) {
		// SQLite's schemas are attached databases; they are named in qualified names
		// only.
	}

	@Override
	public @Nullable String advice(SQLException ex) {
		Path file = databaseFile(this.url);
		String database = (file != null) ? "The SQLite database " + file : "The in-memory SQLite database";
		String message = String.valueOf(ex.getMessage());
		int code = ex.getErrorCode() & 0xff;
		if (code == SQLITE_READONLY || message.contains("SQLITE_READONLY")) {
			return database + " cannot be written: it was opened read-only (open_mode=1 or mode=ro in the JDBC URL, "
					+ "or a read-only SQLiteConfig), or the file or its directory is not writable for this process, "
					+ "or it lies on a read-only file system. Nothing was applied that the history does not show. "
					+ "Open it read-write, then start again.";
		}
		if (code == SQLITE_FULL || message.contains("SQLITE_FULL")) {
			return database + " is full: the disk holding it has no space left, or the database reached its "
					+ "max_page_count. The migration's transaction was not committed, so nothing was applied that "
					+ "the history does not show. Free disk space (or raise max_page_count), then start again.";
		}
		if (code == SQLITE_CANTOPEN || message.contains("SQLITE_CANTOPEN")) {
			return database + " cannot be opened: check that its directory exists and is accessible, then start "
					+ "again.";
		}
		return null;
	}

	@Override
	public MigrationLock lock(DataSource dataSource, String name) {
		Path file = databaseFile(this.url);
		return new SqliteFileLock((file != null) ? file.resolveSibling(file.getFileName() + ".migrations-lock") : null,
				this.url + "#" + name);
	}

	/**
	 * Return the database file of an SQLite JDBC URL, or {@code null} for an in-memory
	 * database.
	 */
	static @Nullable Path databaseFile(String url) {
		String path = url.substring("jdbc:sqlite:".length());
		int query = path.indexOf('?');
		String params = (query >= 0) ? path.substring(query) : "";
		path = (query >= 0) ? path.substring(0, query) : path;
		if (path.startsWith("file:")) {
			path = path.substring("file:".length());
		}
		if (path.isEmpty() || path.contains(":memory:") || params.contains("mode=memory")) {
			return null;
		}
		return Path.of(path).toAbsolutePath().normalize();
	}

	@Override
	public Restore limitStatements(Connection connection, Duration lockTimeout, @Nullable Duration statementTimeout,
			boolean transactionScoped) throws SQLException {
		if (lockTimeout.isZero()) {
			return Restore.NOTHING;
		}
		long previous;
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("PRAGMA busy_timeout")) {
			previous = (result.next()) ? result.getLong(1) : 0;
		}
		setBusyTimeout(connection, Math.max(1, lockTimeout.toMillis()));
		return () -> setBusyTimeout(connection, previous);
	}

	private static void setBusyTimeout(Connection connection, long millis) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("PRAGMA busy_timeout = " + millis);
		}
	}

	@Override
	public boolean isLockTimeout(SQLException ex) {
		// The primary result code: SQLITE_BUSY_SNAPSHOT and the like are busy too.
		int code = ex.getErrorCode() & 0xff;
		return code == BUSY || code == LOCKED;
	}

}
