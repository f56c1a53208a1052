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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.migrations.MigrationContext;
import dev.migrations.MigrationFailedException;
import dev.migrations.MigrationListener;
import dev.migrations.MigrationOutcome;
import dev.migrations.MigratorSettings.StatementLimits;
import dev.migrations.Operation;
import dev.migrations.dialect.Dialect;
import dev.migrations.dialect.LockWaitWatcher;

/**
 * Applies planned migrations, or reverses them, on one connection while the lock is held.
 * Each migration and its history row (UP or DOWN) commit in one transaction (or all of
 * them in one, when grouped); a failure rolls back, is recorded in a transaction of its
 * own, and stops the run. Non-transactional migrations run in autocommit, their row
 * written right after.
 * <p>
 * Where DDL commits on its own ({@link Dialect#transactionalDdl()} is false), a rollback
 * only undoes the data changes since the last DDL statement: a failed migration may have
 * left a partial change, and its message says which statements ran and which one failed.
 * <p>
 * Each migration's statements wait for locks at most the lock timeout (its own or the
 * settings'). A transactional migration that timed out is rolled back and tried again,
 * after an exponential backoff with jitter, up to the settings' retries; the blockers
 * seen while it waited are logged, and named in the failure after the last try.
 */
final class MigrationRun {

	private static final Log logger = LogFactory.getLog(MigrationRun.class);

	private final Connection connection;

	private final HistoryTable.Writer writer;

	private final MigrationContext context;

	private final StatementLog log;

	private final Dialect dialect;

	private final MigrationListener listener;

	private final String installedBy;

	private final String host;

	private final RunGuard guard;

	private long lastId;

	private final List<MigrationOutcome> outcomes = new ArrayList<>();

	private final StatementLimits limits;

	private final LockWaitWatcher watcher;

	MigrationRun(Connection connection, HistoryTable.Writer writer, MigrationContext context, StatementLog log,
			Dialect dialect, MigrationListener listener, String installedBy, String host, long lastId,
			StatementLimits limits, LockWaitWatcher watcher, RunGuard guard) {
		this.limits = limits;
		this.watcher = watcher;
		this.connection = connection;
		this.writer = writer;
		this.context = context;
		this.log = log;
		this.dialect = dialect;
		this.listener = listener;
		this.installedBy = installedBy;
		this.host = host;
		this.lastId = lastId;
		this.guard = guard;
	}

	List<MigrationOutcome> outcomes() {
		return this.outcomes;
	}

	/**
	 * Apply the migrations in order.
	 * @param group whether transactional migrations share one transaction
	 * @throws MigrationFailedException when one fails, after recording it
	 */
	void up(List<ResolvedMigration> migrations, boolean group) throws SQLException {
		run(migrations, Operation.UP, group);
	}

	/**
	 * Reverse the migrations in the given order, each in its own transaction with its
	 * DOWN row.
	 * @throws MigrationFailedException when one fails, after recording it
	 */
	void down(List<ResolvedMigration> migrations) throws SQLException {
		run(migrations, Operation.DOWN, false);
	}

	private void run(List<ResolvedMigration> migrations, Operation operation, boolean group) throws SQLException {
		this.guard.refuseUnprotected(migrations);
		List<MigrationOutcome> uncommitted = new ArrayList<>();
		for (ResolvedMigration migration : migrations) {
			this.guard.beforeMigration(migration, this.lastId, this.outcomes);
			if (!migration.transactional()) {
				commit(uncommitted);
				this.connection.setAutoCommit(true);
			}
			MigrationOutcome outcome = apply(migration, operation, (group) ? uncommitted : List.of());
			uncommitted.add(outcome);
			if (!migration.transactional()) {
				this.connection.setAutoCommit(false);
				commit(uncommitted);
			}
			else if (!group) {
				commit(uncommitted);
			}
		}
		commit(uncommitted);
	}

	private MigrationOutcome apply(ResolvedMigration migration, Operation operation, List<MigrationOutcome> group)
			throws SQLException {
		Instant startedAt = Instant.now();
		long start = System.nanoTime();
		try {
			runWithRetries(migration, operation, group);
			long durationMs = (System.nanoTime() - start) / 1_000_000;
			this.writer.insert(row(migration, operation, true, startedAt, durationMs, null));
			this.lastId++;
			return new MigrationOutcome(migration.versionText(), migration.description(), operation, true, durationMs,
					null);
		}
		catch (Exception ex) {
			long durationMs = (System.nanoTime() - start) / 1_000_000;
			throw failed(migration, operation, ex, startedAt, durationMs, group);
		}
	}

	/**
	 * Run the migration; when it times out waiting for a lock and rolling back undoes
	 * nothing but it, roll back, wait, and run it again, up to the retries.
	 */
	private void runWithRetries(ResolvedMigration migration, Operation operation, List<MigrationOutcome> group)
			throws Exception {
		Duration lockTimeout = lockTimeout(migration);
		boolean retryable = migration.transactional() && this.dialect.transactionalDdl() && group.isEmpty();
		int tries = (retryable) ? this.limits.lockRetries() + 1 : 1;
		for (int attempt = 1;; attempt++) {
			this.log.clear();
			try {
				runOnce(migration, operation, lockTimeout);
				return;
			}
			catch (LockWaitTimedOut ex) {
				if (attempt >= tries) {
					throw ex.after(attempt);
				}
				this.connection.rollback();
				this.writer.rolledBack();
				long delayMs = backoffMs(attempt);
				logger.warn(this.context.dataSourceName() + ": migration " + migration.name() + " " + ex.getMessage()
						+ "; rolled back (try " + attempt + " of " + tries + "), trying again in " + delayMs + " ms");
				try {
					Thread.sleep(delayMs);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw ex.after(attempt);
				}
			}
		}
	}

	private void runOnce(ResolvedMigration migration, Operation operation, Duration lockTimeout) throws Exception {
		Dialect.Restore restore = this.dialect.limitStatements(this.connection, lockTimeout,
				this.limits.statementTimeout(), migration.transactional());
		LockWaitWatcher.Watch watch = this.watcher.watch(lockTimeout);
		try {
			if (operation == Operation.DOWN) {
				migration.migration().down(this.context);
			}
			else {
				migration.migration().up(this.context);
			}
		}
		catch (Exception ex) {
			if (!lockTimeout.isZero() && isLockTimeout(ex)) {
				throw new LockWaitTimedOut(ex, lockTimeout, watch.blockers(), 1);
			}
			throw ex;
		}
		finally {
			watch.close();
			restore.restore();
		}
	}

	private Duration lockTimeout(ResolvedMigration migration) {
		Duration own = migration.migration().lockTimeout();
		return (own != null && !own.isNegative()) ? own : this.limits.lockTimeout();
	}

	private boolean isLockTimeout(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && this.dialect.isLockTimeout(sql)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Half to all of 500 ms doubled per try, at most 30 s: instances retrying at once
	 * spread out, and a lock queue behind a long transaction gets time to drain.
	 */
	static long backoffMs(int attempt) {
		long ceiling = Math.min(30_000L, 500L << Math.min(attempt - 1, 16));
		return ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
	}

	private MigrationFailedException failed(ResolvedMigration migration, Operation operation, Exception ex,
			Instant startedAt, long durationMs, List<MigrationOutcome> group) {
		boolean inTransaction = migration.transactional();
		String error = Failures.describe(ex);
		try {
			record(migration, operation, inTransaction, startedAt, durationMs, error, group);
		}
		catch (SQLException recordEx) {
			return unrecorded(migration, operation, inTransaction, ex, error, recordEx);
		}
		this.writer.committed();
		MigrationOutcome outcome = new MigrationOutcome(migration.versionText(), migration.description(), operation,
				false, durationMs, error);
		this.outcomes.add(outcome);
		this.listener.migrationFailed(this.context.dataSourceName(), outcome);
		String what = (ex instanceof LockWaitTimedOut) ? lockWaitFailure(inTransaction, error)
				: (!inTransaction || !this.dialect.transactionalDdl()) ? partial(operation, inTransaction, error)
						: (operation == Operation.DOWN)
								? "failed going down and was rolled back: " + error
										+ ". It stays applied; fix its down method and roll back again."
								: (group.isEmpty())
										? "failed and was rolled back: " + error + ". Fix it and start again."
										: "failed and the whole group, " + group.size()
												+ " migrations before it included, was rolled back: " + error
												+ ". Fix it and start again.";
		String message = "Migration " + migration.name() + " on DataSource '" + this.context.dataSourceName() + "' "
				+ what + " Nothing after it ran." + Failures.advice(ex, this.dialect);
		// The one place the cause's stack trace is logged: start-up failure reports and
		// the history show the message alone.
		logger.error(message, ex);
		return new MigrationFailedException(migration.versionText(), message, ex);
	}

	private String lockWaitFailure(boolean inTransaction, String error) {
		return ((inTransaction) ? "was rolled back: it " : "failed: it ") + error
				+ ". Let the blocking session finish (or end it), or give the migration a longer lock timeout "
				+ "(migrations.postgresql.lock-timeout, or its lockTimeout() method), then start again.";
	}

	/**
	 * Roll back the failed migration's transaction and record its failure in a
	 * transaction of its own.
	 */
	private void record(ResolvedMigration migration, Operation operation, boolean inTransaction, Instant startedAt,
			long durationMs, String error, List<MigrationOutcome> group) throws SQLException {
		if (inTransaction) {
			this.connection.rollback();
			this.writer.rolledBack();
			this.lastId -= group.size();
			this.guard.beforeRecordingFailure();
		}
		this.writer.insert(row(migration, operation, false, startedAt, durationMs, error));
		this.lastId++;
		if (inTransaction) {
			this.connection.commit();
		}
		this.writer.committed();
	}

	/**
	 * The failure of a migration whose connection failed too, so that the failure could
	 * not be recorded: where the migration ran in a transaction on a database with
	 * transactional DDL, the transaction ended with the connection and nothing of it is
	 * applied.
	 */
	private MigrationFailedException unrecorded(ResolvedMigration migration, Operation operation, boolean inTransaction,
			Exception ex, String error, SQLException recordFailure) {
		boolean undone = inTransaction && this.dialect.transactionalDdl();
		String message = "Migration " + migration.name() + " on DataSource '" + this.context.dataSourceName() + "' "
				+ ((operation == Operation.DOWN) ? "failed going down: " : "failed: ") + error
				+ ". Its failure could not be recorded either (" + Failures.describe(recordFailure)
				+ "), so the history does not show it. "
				+ ((undone)
						? "Its transaction did not commit, so nothing of it is applied and the "
								+ "history is unchanged; start again once the database is reachable and writable."
						: "It may have left a partial change, which the history does not show"
								+ (this.log.describeExecuted().isEmpty() ? ""
										: " (statements that ran: " + this.log.describeExecuted() + ")")
								+ ": check the database and undo it before starting again.")
				+ " Nothing after it ran." + Failures.advice(ex, this.dialect);
		logger.error(message, ex);
		MigrationFailedException failure = new MigrationFailedException(migration.version().toString(), message, ex);
		failure.addSuppressed(recordFailure);
		return failure;
	}

	/**
	 * Describe a failure that may have left a partial change: outside a transaction, or
	 * on a database whose DDL commits on its own.
	 */
	private String partial(Operation operation, boolean inTransaction, String error) {
		String failed = this.log.failed();
		String ran = this.log.describeExecuted();
		StringBuilder what = new StringBuilder((operation == Operation.DOWN) ? "failed going down" : "failed");
		if (failed != null) {
			what.append(" at statement [").append(StatementLog.shorten(failed)).append(']');
		}
		if (!inTransaction) {
			what.append(" outside a transaction and may have left a partial change: ").append(error).append(". ");
		}
		else {
			what.append(" and may have left a partial change: ")
				.append(error)
				.append(". ")
				.append(this.dialect.product())
				.append(" commits each DDL statement (CREATE, ALTER, DROP, RENAME …) on its own, so DDL that ran "
						+ "before the failure stays applied, as do data changes made before that DDL; only data "
						+ "changes after the last DDL statement were rolled back. ");
		}
		what.append((ran.isEmpty()) ? "No statement of it had run before the failure. "
				: "Statements that ran before the failure: " + ran + ". ");
		if (operation == Operation.DOWN) {
			return what.append("It stays applied; check the database and finish or undo the change by hand.")
				.toString();
		}
		return what
			.append("It is recorded as failed and later runs refuse to start until it is repaired: check "
					+ "those changes in the database, undo them by hand so the migration can run again from its start, "
					+ "then run repair.")
			.toString();
	}

	private void commit(List<MigrationOutcome> uncommitted) throws SQLException {
		if (uncommitted.isEmpty()) {
			return;
		}
		if (!this.connection.getAutoCommit()) {
			this.guard.beforeCommit(uncommitted);
			this.connection.commit();
		}
		this.writer.committed();
		for (MigrationOutcome outcome : uncommitted) {
			this.outcomes.add(outcome);
			if (logger.isInfoEnabled()) {
				logger.info(this.context.dataSourceName()
						+ ((outcome.operation() == Operation.DOWN) ? ": reversed " : ": applied ")
						+ ((outcome.version() != null) ? outcome.version() : "repeatable") + " ("
						+ outcome.description() + ") in " + outcome.durationMs() + " ms");
			}
			this.listener.migrationSucceeded(this.context.dataSourceName(), outcome);
		}
		uncommitted.clear();
	}

	private HistoryRow row(ResolvedMigration migration, Operation operation, boolean success, Instant startedAt,
			long durationMs, @Nullable String error) {
		return HistoryRow.of(this.lastId + 1, migration, operation, success, startedAt, durationMs, this.installedBy,
				this.host, error);
	}

}
