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
import java.sql.Savepoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.migrations.DryRunResult;
import dev.migrations.MigrationContext;
import dev.migrations.MigrationOutcome;
import dev.migrations.MigratorSettings.StatementLimits;
import dev.migrations.Operation;
import dev.migrations.SafetyReport;
import dev.migrations.dialect.Dialect;
import dev.migrations.dialect.SafetyProbe;

/**
 * Applies pending migrations the way a run would, history rows included, inside the
 * caller's transaction, which the caller always rolls back. Each migration runs behind a
 * savepoint: a failure is undone and reported, and the next migration is checked on top
 * of those that succeeded. Non-transactional migrations are not run and are reported as
 * not checked. Nothing here commits.
 * <p>
 * Observing (for the safety report) reads the catalog before each migration and again
 * right after it ran, before its history row, from the same session; the plain dry run
 * and real runs never do.
 */
final class DryRun {

	private static final Log logger = LogFactory.getLog(DryRun.class);

	private final Connection connection;

	private final HistoryTable.Writer writer;

	private final MigrationContext context;

	private final String installedBy;

	private final String host;

	private final Dialect dialect;

	private final StatementLimits limits;

	private final @Nullable SafetyProbe probe;

	private final String historyTable;

	private final List<SafetyReport.Entry> entries = new ArrayList<>();

	private final List<String> notObserved = new ArrayList<>();

	private long lastId;

	private DryRun(Connection connection, HistoryTable.Writer writer, MigrationContext context, String installedBy,
			String host, long lastId, Dialect dialect, StatementLimits limits, @Nullable SafetyProbe probe,
			String historyTable) {
		this.probe = probe;
		this.historyTable = historyTable;
		this.dialect = dialect;
		this.limits = limits;
		this.connection = connection;
		this.writer = writer;
		this.context = context;
		this.installedBy = installedBy;
		this.host = host;
		this.lastId = lastId;
	}

	/**
	 * Check the pending migrations in the session's transaction and log what was found;
	 * the caller rolls the transaction back.
	 */
	static DryRunResult check(LockedSession session, MigrationContext context, History history,
			List<ResolvedMigration> pending, StatementLimits limits) throws SQLException {
		try (HistoryTable.Writer writer = session.table().writer(session.connection(), history)) {
			DryRunResult result = new DryRun(session.connection(), writer, context, session.installedBy(),
					session.host(), history.lastId(), session.dialect(), limits, null, session.table().name())
				.check(pending);
			if (logger.isInfoEnabled()) {
				long failed = result.outcomes().stream().filter((outcome) -> !outcome.success()).count();
				logger.info(context.dataSourceName() + ": dry run of " + pending.size() + " pending migrations: "
						+ (result.outcomes().size() - failed) + " would succeed, " + failed + " would fail, "
						+ result.notChecked().size() + " not checked; nothing was changed");
			}
			return result;
		}
	}

	/**
	 * Check the pending migrations as {@link #check} does, observing each; the caller
	 * rolls the transaction back.
	 */
	static SafetyReport observe(LockedSession session, MigrationContext context, History history,
			List<ResolvedMigration> pending, StatementLimits limits) throws SQLException {
		try (HistoryTable.Writer writer = session.table().writer(session.connection(), history)) {
			SafetyProbe probe = session.dialect().safetyProbe();
			DryRun run = new DryRun(session.connection(), writer, context, session.installedBy(), session.host(),
					history.lastId(), session.dialect(), limits, probe, session.table().name());
			if (probe == null) {
				List<String> versions = new ArrayList<>();
				pending.forEach((migration) -> versions.add(migration.version().toString()));
				return new SafetyReport(context.dataSourceName(), List.of(), versions);
			}
			DryRunResult result = run.check(pending);
			run.notObserved.addAll(result.notChecked());
			return new SafetyReport(context.dataSourceName(), run.entries, run.notObserved);
		}
	}

	private DryRunResult check(List<ResolvedMigration> pending) throws SQLException {
		List<MigrationOutcome> outcomes = new ArrayList<>();
		List<String> notChecked = new ArrayList<>();
		for (ResolvedMigration migration : pending) {
			if (migration.transactional()) {
				outcomes.add(check(migration));
			}
			else {
				notChecked.add((migration.repeatable()) ? migration.description() : migration.versionText());
			}
		}
		return new DryRunResult(this.context.dataSourceName(), outcomes, notChecked);
	}

	private MigrationOutcome check(ResolvedMigration migration) throws SQLException {
		Savepoint savepoint = this.connection.setSavepoint();
		Instant startedAt = Instant.now();
		long start = System.nanoTime();
		// The same locks as the real run, so the same limits: a dry run on a busy
		// database must not queue the application's queries behind it either.
		Duration own = migration.migration().lockTimeout();
		Dialect.Restore restore = this.dialect.limitStatements(this.connection,
				(own != null) ? own : this.limits.lockTimeout(), this.limits.statementTimeout(), true);
		try {
			SafetyProbe.Before before = (this.probe != null) ? this.probe.before(this.connection, this.historyTable)
					: null;
			migration.migration().up(this.context);
			if (before != null) {
				this.entries.add(SafetyRules.evaluate(migration, before.after(this.connection)));
			}
			long durationMs = (System.nanoTime() - start) / 1_000_000;
			this.writer.insert(HistoryRow.of(this.lastId + 1, migration, Operation.UP, true, startedAt, durationMs,
					this.installedBy, this.host, null));
			this.lastId++;
			return new MigrationOutcome(migration.versionText(), migration.description(), Operation.UP, true,
					durationMs, null);
		}
		catch (Exception ex) {
			long durationMs = (System.nanoTime() - start) / 1_000_000;
			this.connection.rollback(savepoint);
			if (this.probe != null) {
				this.notObserved.add(migration.version().toString());
			}
			if (logger.isDebugEnabled()) {
				logger.debug(this.context.dataSourceName() + ": dry run of " + migration.name() + " failed", ex);
			}
			return new MigrationOutcome(migration.versionText(), migration.description(), Operation.UP, false,
					durationMs, Failures.describe(ex));
		}
		finally {
			restore.restore();
		}
	}

}
