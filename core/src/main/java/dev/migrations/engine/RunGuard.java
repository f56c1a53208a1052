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

import dev.migrations.MigrationException;
import dev.migrations.MigrationOutcome;
import dev.migrations.MigrationRefusedException;
import dev.migrations.dialect.MigrationLock;

/**
 * Checks, before each migration of a run, that the lock still protects it and that no one
 * else wrote to the history since this run last did: a run never goes on unlocked. With a
 * lock held for the whole run, a foreign row means the lock did not exclude another
 * writer, and the run stops; with a transaction-scoped lock it means another instance
 * went ahead between two transactions, and the run starts over from the history (#22).
 */
final class RunGuard {

	private final MigrationLock.Held lock;

	private final HistoryTable table;

	private final Connection connection;

	private final String dataSourceName;

	RunGuard(MigrationLock.Held lock, HistoryTable table, Connection connection, String dataSourceName) {
		this.lock = lock;
		this.table = table;
		this.connection = connection;
		this.dataSourceName = dataSourceName;
	}

	/**
	 * Refuse, before any of them runs, migrations that the lock cannot protect: with a
	 * transaction-scoped lock, those that run outside a transaction.
	 * @param migrations the migrations of the run
	 * @throws MigrationRefusedException when one of them cannot be protected
	 */
	void refuseUnprotected(List<ResolvedMigration> migrations) {
		if (!this.lock.transactionScoped()) {
			return;
		}
		for (ResolvedMigration next : migrations) {
			if (!next.transactional()) {
				throw new MigrationRefusedException("Cannot apply migration " + next.name() + " of DataSource '"
						+ this.dataSourceName
						+ "': it is not transactional, and migrations.postgresql.lock=transaction "
						+ "only protects work done inside a transaction. Nothing was applied. Apply it with "
						+ "migrations.postgresql.lock=session over a direct connection (not through a pooler in "
						+ "transaction mode), or make it transactional.");
			}
		}
	}

	/**
	 * Check before the next migration starts.
	 * @param next the migration about to run
	 * @param lastId the id of the newest row this run knows of
	 * @param outcomes what this run applied so far
	 * @throws HistoryChangedException when another instance went ahead meanwhile and the
	 * run must start over
	 * @throws MigrationException when the lock is lost or did not exclude another writer
	 */
	void beforeMigration(ResolvedMigration next, long lastId, List<MigrationOutcome> outcomes) throws SQLException {
		this.lock.guard(this.connection);
		long newest = this.table.newestId(this.connection);
		if (newest == lastId) {
			return;
		}
		if (this.lock.transactionScoped()) {
			throw new HistoryChangedException(outcomes);
		}
		throw new MigrationException("The history " + this.table.name() + " of DataSource '" + this.dataSourceName
				+ "' changed while this run held the migration lock: its newest row is " + newest
				+ ", this run wrote up to " + lastId + ", so the lock did not keep another writer out. "
				+ "Nothing more is applied; migration " + next.name() + " did not run. Behind a pooler in transaction "
				+ "mode (such as PgBouncer with pool_mode=transaction) set migrations.postgresql.lock=transaction; "
				+ "otherwise check what else writes to that table, then start again.");
	}

	/**
	 * Check, before a transaction commits migrations, that a lock held for the whole run
	 * is still held: a run whose lock was lost while a migration ran rolls that migration
	 * back rather than commit it unlocked. A transaction-scoped lock is held by the
	 * transaction itself.
	 * @param uncommitted what the transaction would commit
	 * @throws MigrationException when the lock is lost, after which the caller rolls back
	 */
	void beforeCommit(List<MigrationOutcome> uncommitted) throws SQLException {
		if (this.lock.transactionScoped()) {
			return;
		}
		try {
			this.lock.guard(this.connection);
		}
		catch (MigrationException ex) {
			MigrationOutcome first = uncommitted.get(0);
			throw new MigrationException(
					"Migration " + first.version() + " (" + first.description() + ") of DataSource '"
							+ this.dataSourceName + "' ran, but is rolled back, not committed: " + ex.getMessage(),
					ex);
		}
	}

	/**
	 * Take the lock again, when it is transaction-scoped, for the transaction that
	 * records a failure.
	 */
	void beforeRecordingFailure() throws SQLException {
		if (this.lock.transactionScoped() && !this.connection.getAutoCommit()) {
			this.lock.guard(this.connection);
		}
	}

	/**
	 * Thrown when another instance wrote to the history between two transactions of a run
	 * that holds a transaction-scoped lock: the run starts over from the history.
	 */
	static final class HistoryChangedException extends MigrationException {

		private final List<MigrationOutcome> outcomes;

		HistoryChangedException(List<MigrationOutcome> outcomes) {
			super("Another instance wrote to the history meanwhile; reading it again", null);
			this.outcomes = List.copyOf(outcomes);
		}

		/**
		 * Return what the run applied before it had to start over.
		 * @return the outcomes
		 */
		List<MigrationOutcome> outcomes() {
			return this.outcomes;
		}

	}

}
