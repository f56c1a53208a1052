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
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Watches a PostgreSQL migration's backend from the migration lock's session, which is
 * idle while the lock is held: a migration that runs longer than a quarter of its lock
 * timeout is polled that often with {@code pg_blocking_pids}, so a lock wait that lasts
 * the whole timeout is seen at least three times, while a migration quicker than that
 * sends nothing. No other connection is taken, so a small pool cannot starve it. Closing
 * a watch waits for a poll under way, so the lock's session is never used by two threads;
 * the polls of a run share one daemon thread.
 */
final class PostgresLockWaitWatcher implements LockWaitWatcher {

	private static final Log logger = LogFactory.getLog(PostgresLockWaitWatcher.class);

	private static final long MIN_INTERVAL_MS = 20;

	private static final int QUERY_LENGTH = 200;

	private static final String BLOCKERS_QUERY = "SELECT a.pid, a.application_name, a.state, "
			+ "to_char(a.query_start AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), "
			+ "left(regexp_replace(a.query, '\\s+', ' ', 'g'), " + QUERY_LENGTH + "), "
			+ "(SELECT l.mode || coalesce(' on ' || l.relation::regclass::text, ' on a ' || l.locktype) "
			+ "FROM pg_locks l WHERE l.pid = ? AND NOT l.granted LIMIT 1) "
			+ "FROM pg_stat_activity a WHERE a.pid = ANY (pg_blocking_pids(?)) ORDER BY a.pid";

	private final Connection side;

	private final Connection connection;

	private int pid;

	private @Nullable ScheduledThreadPoolExecutor scheduler;

	PostgresLockWaitWatcher(Connection side, Connection connection) {
		this.side = side;
		this.connection = connection;
	}

	@Override
	public Watch watch(Duration lockTimeout) {
		if (lockTimeout.isZero()) {
			return Watch.NONE;
		}
		try {
			long intervalMs = Math.max(MIN_INTERVAL_MS, lockTimeout.toMillis() / 4);
			PolledWatch watch = new PolledWatch(backendPid());
			watch.future = scheduler().scheduleWithFixedDelay(watch, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
			return watch;
		}
		catch (SQLException ex) {
			// Only the description of blockers is lost; the migration runs the same.
			logger.debug("Cannot watch the migration's lock waits", ex);
			return Watch.NONE;
		}
	}

	/**
	 * One daemon thread for the whole run, started with the first watch and ending a
	 * second after the last: scheduling a poll per migration costs microseconds, where a
	 * thread per migration would cost far more on a run of many small migrations.
	 */
	private ScheduledThreadPoolExecutor scheduler() {
		ScheduledThreadPoolExecutor scheduler = this.scheduler;
		if (scheduler == null) {
			scheduler = new ScheduledThreadPoolExecutor(1, (task) -> {
				Thread thread = new Thread(task, "migrations-lock-wait-watch");
				thread.setDaemon(true);
				return thread;
			});
			scheduler.setKeepAliveTime(1, TimeUnit.SECONDS);
			scheduler.allowCoreThreadTimeOut(true);
			scheduler.setRemoveOnCancelPolicy(true);
			this.scheduler = scheduler;
		}
		return scheduler;
	}

	private int backendPid() throws SQLException {
		if (this.pid == 0) {
			try (Statement statement = this.connection.createStatement();
					ResultSet result = statement.executeQuery("SELECT pg_backend_pid()")) {
				result.next();
				this.pid = result.getInt(1);
			}
		}
		return this.pid;
	}

	private final class PolledWatch implements Watch, Runnable {

		private final Object polling = new Object();

		private final int pid;

		private volatile @Nullable ScheduledFuture<?> future;

		private boolean closed;

		private volatile @Nullable String blockers;

		PolledWatch(int pid) {
			this.pid = pid;
		}

		@Override
		public @Nullable String blockers() {
			return this.blockers;
		}

		@Override
		public void close() {
			ScheduledFuture<?> future = this.future;
			if (future != null) {
				future.cancel(false);
			}
			// Waits for a poll under way: the lock's session is never used by two
			// threads.
			synchronized (this.polling) {
				this.closed = true;
			}
		}

		@Override
		public void run() {
			synchronized (this.polling) {
				if (this.closed) {
					return;
				}
				try {
					String seen = poll(PostgresLockWaitWatcher.this.side);
					if (seen != null) {
						this.blockers = seen;
					}
				}
				catch (SQLException | RuntimeException ex) {
					logger.debug("Could not see the lock waits of backend " + this.pid, ex);
				}
			}
		}

		private @Nullable String poll(Connection side) throws SQLException {
			try (PreparedStatement statement = side.prepareStatement(BLOCKERS_QUERY)) {
				statement.setInt(1, this.pid);
				statement.setInt(2, this.pid);
				try (ResultSet result = statement.executeQuery()) {
					StringBuilder blockers = new StringBuilder();
					while (result.next()) {
						if (blockers.isEmpty()) {
							String waitingFor = result.getString(6);
							blockers.append("waiting for ")
								.append((waitingFor != null) ? waitingFor : "a lock")
								.append(", blocked by ");
						}
						else {
							blockers.append(" and ");
						}
						describe(blockers, result);
					}
					return (blockers.isEmpty()) ? null : blockers.toString();
				}
			}
		}

		private void describe(StringBuilder blockers, ResultSet result) throws SQLException {
			blockers.append("PostgreSQL backend pid ").append(result.getInt(1)).append(" (");
			String application = result.getString(2);
			if (application != null && !application.isEmpty()) {
				blockers.append("application '").append(application).append("', ");
			}
			blockers.append("state '").append(result.getString(3)).append('\'');
			String queryStart = result.getString(4);
			if (queryStart != null) {
				blockers.append(", query started ").append(queryStart);
			}
			String query = result.getString(5);
			if (query != null && !query.isEmpty()) {
				blockers.append(", query: ").append(query);
				if (query.length() == QUERY_LENGTH) {
					blockers.append('…');
				}
			}
			blockers.append(')');
		}

	}

}
