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
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.migrations.DatabaseState;
import dev.migrations.DatabaseStatus;
import dev.migrations.DryRunResult;
import dev.migrations.Migration;
import dev.migrations.MigrationException;
import dev.migrations.MigrationRefusedException;
import dev.migrations.MigrationFailedException;
import dev.migrations.MigrationListener;
import dev.migrations.MigrationOutcome;
import dev.migrations.MigrationValidationException;
import dev.migrations.Migrator;
import dev.migrations.MigratorSettings;
import dev.migrations.Operation;
import dev.migrations.RepairResult;
import dev.migrations.RunResult;
import dev.migrations.SafetyReport;
import dev.migrations.dialect.Dialect;
import dev.migrations.dialect.HostName;
import dev.migrations.dialect.MigrationLock;
import dev.migrations.schema.SchemaDump;

import org.springframework.dao.DataAccessException;
import org.springframework.util.Assert;

/**
 * The default {@link Migrator}. A run reads the history once without the lock; when
 * nothing is pending that is all it does. Otherwise it takes the lock, reads the history
 * again (another instance may have done the work meanwhile), plans once and applies.
 * Rollback, baseline, repair and dry run always take the lock first, read the history
 * once under it, and refuse before writing anything when their plan does not hold.
 * <p>
 * This class is longer than most because it is the one place that sequences every
 * operation (connection, lock, history, plan, run) and keeps the state status reports;
 * the plans themselves live in {@link MigrationPlan}, {@link RollbackPlan},
 * {@link RepairPlan}, {@link Baseline} and {@link DryRun}.
 */
public final class DefaultMigrator implements Migrator {

	private final DataSource dataSource;

	private final MigratorSettings settings;

	private final MigrationListener listener;

	private final MigrationCatalog catalog;

	private final @Nullable Version target;

	private final Version baselineVersion;

	private final @Nullable FreshSchemaScript freshSchema;

	private volatile @Nullable Dialect dialect;

	private volatile boolean running;

	private volatile @Nullable String lastFailure;

	/**
	 * Create a migrator; validates the migrations without touching the database.
	 * @param dataSource the DataSource to migrate
	 * @param migrations its migrations, in any order
	 * @param settings how to run
	 * @param listener callbacks while running
	 * @throws MigrationValidationException when the migrations are invalid
	 */
	public DefaultMigrator(DataSource dataSource, List<? extends Migration> migrations, MigratorSettings settings,
			MigrationListener listener) {
		// Objects, not Spring's Assert: one class less to load on the start-up path.
		Objects.requireNonNull(dataSource, "'dataSource' must not be null");
		Objects.requireNonNull(migrations, "'migrations' must not be null");
		Objects.requireNonNull(settings, "'settings' must not be null");
		Objects.requireNonNull(listener, "'listener' must not be null");
		this.dataSource = MigrationDataSource.of(dataSource, settings);
		this.settings = settings;
		this.listener = listener;
		this.catalog = MigrationCatalog.of(settings.dataSourceName(), migrations);
		this.target = (settings.targetVersion() != null) ? targetVersion(settings.targetVersion()) : null;
		this.baselineVersion = baselineVersion(settings.baselineVersion());
		this.freshSchema = (settings.freshSchema() != null)
				? FreshSchemaScript.parse(settings.freshSchema(), settings.dataSourceName()) : null;
	}

	@Override
	public String dataSourceName() {
		return this.settings.dataSourceName();
	}

	@Override
	public RunResult migrate() {
		return migrate(this.target);
	}

	@Override
	public RunResult migrate(String targetVersion) {
		Assert.hasText(targetVersion, "'targetVersion' must not be empty");
		return migrate(targetVersion(targetVersion));
	}

	private RunResult migrate(@Nullable Version target) {
		long start = System.nanoTime();
		try {
			RunResult upToDate = upToDateWithoutLock(target, start);
			if (upToDate != null) {
				return upToDate;
			}
			Attempts attempts = new Attempts();
			while (true) {
				try {
					return locked("Migrating", (session) -> migrateLocked(session, target, start, attempts));
				}
				catch (RunGuard.HistoryChangedException ex) {
					// A transaction-scoped lock let another instance go ahead between two
					// transactions: plan again from the history it left.
					attempts.earlier.clear();
					attempts.earlier.addAll(ex.outcomes());
				}
			}
		}
		catch (MigrationException ex) {
			throw recordFailure(ex);
		}
	}

	/**
	 * The start-up check, without the lock: first the newest row's state alone; when that
	 * does not settle it, the whole history, with only the columns planning needs.
	 * @return the result when nothing is pending, else {@code null}
	 */
	private @Nullable RunResult upToDateWithoutLock(@Nullable Version target, long start) {
		try (Connection connection = this.dataSource.getConnection()) {
			Dialect dialect = dialect(connection);
			HistoryTable table = historyTable(dialect);
			RunResult upToDate = upToDateByState(table.readNewestState(connection), target, start);
			if (upToDate != null) {
				return upToDate;
			}
			List<HistoryRow> rows = table.readForPlanning(connection);
			History history = History.of(rows, this.catalog);
			MigrationPlan plan = MigrationPlan.of(this.catalog, history, dialect.transactionalDdl(),
					this.settings.outOfOrder(), target);
			if (!plan.problems().isEmpty()) {
				// Read again in full: the messages name when and why things failed.
				history = History.of(table.read(connection), this.catalog);
				validate(MigrationPlan.of(this.catalog, history, dialect.transactionalDdl(), this.settings.outOfOrder(),
						target));
			}
			boolean mayLoadFreshSchema = rows == null && freshSchema(target) != null;
			if (plan.pending().isEmpty() && !mayLoadFreshSchema) {
				return upToDate(history.current(), start);
			}
			if (this.settings.group() && !dialect.transactionalDdl()) {
				throw new MigrationRefusedException("Cannot apply the migrations of DataSource '" + dataSourceName()
						+ "' as one group: " + dialect.product() + " commits each DDL statement on its own, so a "
						+ "group cannot be all or nothing. Set migrations.group=false; each migration then commits "
						+ "together with its history row.");
			}
			return null;
		}
		catch (SQLException ex) {
			throw failed("Migrating", ex, "Check that the database is reachable and the user may change it.");
		}
	}

	/**
	 * Settle the start-up check from the newest row's state: when it says exactly the
	 * catalog's migrations above its baseline up to some version are applied, with the
	 * checksums they declare now, no later one is due and (for a run to the latest) the
	 * repeatable migrations it has applied are exactly those declared, with the checksums
	 * they declare now, nothing is pending and the history holds nothing to validate.
	 * Reads one row however long the history is.
	 * @return the result when that holds, else {@code null}
	 */
	private @Nullable RunResult upToDateByState(@Nullable AppliedState state, @Nullable Version target, long start) {
		int applied = (state != null) ? this.catalog.appliedUpTo(state) : -1;
		if (state == null || applied < 0) {
			return null;
		}
		List<ResolvedMigration> migrations = this.catalog.migrations();
		if (applied < migrations.size()
				&& (target == null || migrations.get(applied).version().compareTo(target) <= 0)) {
			return null;
		}
		if (target == null && !this.catalog.repeatablesMatch(state)) {
			return null;
		}
		return upToDate((state.count() > 0) ? migrations.get(applied - 1).version() : state.baseline(), start);
	}

	/**
	 * Migrate under the lock: the history was read again, since another instance may have
	 * done the work while this one waited.
	 */
	private RunResult migrateLocked(LockedSession session, @Nullable Version target, long start, Attempts attempts)
			throws SQLException {
		Connection connection = session.connection();
		Dialect dialect = session.dialect();
		History history = session.history();
		List<MigrationOutcome> earlier = attempts.earlier;
		MigrationOutcome created = null;
		if (session.rows() == null) {
			List<HistoryRow> rows = createHistory(connection, session.table(), session.installedBy(), target);
			connection.commit();
			created = freshSchemaOutcome(rows);
			if (rows.size() > 1 && created == null) {
				Logging.logger.info(dataSourceName() + ": stamped at baseline version " + this.baselineVersion
						+ ": the database has tables but no history (migrations.baseline-on-migrate)");
			}
			history = History.of(rows, this.catalog);
		}
		MigrationPlan plan = validate(MigrationPlan.of(this.catalog, history, dialect.transactionalDdl(),
				this.settings.outOfOrder(), target));
		if (plan.pending().isEmpty()) {
			if (!earlier.isEmpty()) {
				// This run applied some before another instance finished the rest.
				RunResult result = new RunResult(dataSourceName(), attempts.from, versionText(history.current()),
						earlier, (System.nanoTime() - start) / 1_000_000);
				this.listener.runFinished(dataSourceName(), result, true);
				return result;
			}
			RunResult upToDate = upToDate(history.current(), start);
			return (created != null) ? withFreshSchema(upToDate, created) : upToDate;
		}
		checkSafety(session, history, plan.pending());
		RunResult result = run(session, history, plan, start, attempts);
		return (created != null) ? withFreshSchema(result, created) : result;
	}

	private RunResult run(LockedSession session, History history, MigrationPlan plan, long start, Attempts attempts)
			throws SQLException {
		Connection connection = session.connection();
		Dialect dialect = session.dialect();
		HistoryTable table = session.table();
		List<MigrationOutcome> earlier = attempts.earlier;
		if (!attempts.started) {
			attempts.started = true;
			attempts.from = versionText(history.current());
			this.listener.runStarted(dataSourceName(), plan.pending().size());
		}
		String from = attempts.from;
		StatementLog log = new StatementLog();
		DefaultMigrationContext context = newContext(log.wrap(connection), dialect);
		try (HistoryTable.Writer writer = table.writer(connection, history)) {
			MigrationRun run = new MigrationRun(connection, writer, context, log, dialect, this.listener,
					session.installedBy(), HostName.get(), history.lastId(), this.settings.statementLimits(),
					session.lockWaitWatcher(), guard(session));
			run.outcomes().addAll(earlier);
			try {
				run.up(plan.pending(), this.settings.group());
			}
			catch (MigrationFailedException ex) {
				this.listener.runFinished(dataSourceName(), result(from, from, run, start), false);
				throw ex;
			}
			String to = newestVersion(plan.pending(), from);
			RunResult result = result(from, to, run, start);
			this.lastFailure = null;
			Logging.logger.info(dataSourceName() + ": applied " + result.count() + " migrations in "
					+ result.durationMs() + " ms, now at version " + ((to != null) ? to : "0"));
			this.listener.runFinished(dataSourceName(), result, true);
			return result;
		}
	}

	/**
	 * Return the version a run of the migrations reaches: that of the last versioned one,
	 * or where it started when only repeatable migrations ran.
	 */
	private static @Nullable String newestVersion(List<ResolvedMigration> migrations, @Nullable String from) {
		for (int i = migrations.size() - 1; i >= 0; i--) {
			if (!migrations.get(i).repeatable()) {
				return migrations.get(i).versionText();
			}
		}
		return from;
	}

	/**
	 * Return the outcome of loading the fresh schema when the rows just written stamp it,
	 * else {@code null}.
	 */
	private @Nullable MigrationOutcome freshSchemaOutcome(List<HistoryRow> rows) {
		FreshSchemaScript freshSchema = this.freshSchema;
		HistoryRow last = rows.get(rows.size() - 1);
		if (freshSchema == null || !freshSchema.location().equals(last.source())) {
			return null;
		}
		return new MigrationOutcome(String.valueOf(last.version()), String.valueOf(last.description()),
				Operation.BASELINE, true, 0, null);
	}

	private RunResult withFreshSchema(RunResult result, MigrationOutcome created) {
		List<MigrationOutcome> outcomes = new ArrayList<>();
		outcomes.add(created);
		outcomes.addAll(result.outcomes());
		return new RunResult(result.dataSourceName(), null, result.toVersion(), outcomes, result.durationMs());
	}

	private @Nullable FreshSchemaScript freshSchema(@Nullable Version target) {
		FreshSchemaScript freshSchema = this.freshSchema;
		return (freshSchema != null && freshSchema.appliesUpTo(target)) ? freshSchema : null;
	}

	private RunResult result(@Nullable String from, @Nullable String to, MigrationRun run, long start) {
		return new RunResult(dataSourceName(), from, to, run.outcomes(), (System.nanoTime() - start) / 1_000_000);
	}

	private RunResult upToDate(@Nullable Version version, long start) {
		this.lastFailure = null;
		String current = versionText(version);
		long durationMs = (System.nanoTime() - start) / 1_000_000;
		int count = this.catalog.migrations().size();
		if (Logging.logger.isInfoEnabled()) {
			// A StringBuilder, not +: on the path a start with nothing pending takes,
			// bootstrapping an indy concatenation of this many parts costs tens of ms.
			StringBuilder line = new StringBuilder(dataSourceName()).append(": up to date ");
			line.append((current != null) ? "at version " + current : "with nothing applied");
			line.append(", ").append(count).append((count == 1) ? " migration" : " migrations");
			int repeatables = this.catalog.repeatables().size();
			if (repeatables > 0) {
				line.append(" and ").append(repeatables).append(" repeatable");
			}
			Logging.logger.info(line.append(", checked in ").append(durationMs).append(" ms"));
		}
		return new RunResult(dataSourceName(), current, current, List.of(), durationMs);
	}

	private MigrationPlan validate(MigrationPlan plan) {
		if (!plan.problems().isEmpty()) {
			throw new MigrationValidationException(dataSourceName(), plan.problems());
		}
		return plan;
	}

	private MigrationException recordFailure(MigrationException ex) {
		this.lastFailure = ex.getMessage();
		return ex;
	}

	@Override
	public DatabaseStatus status() {
		try (Connection connection = this.dataSource.getConnection()) {
			Dialect dialect = dialect(connection);
			HistoryTable table = historyTable(dialect);
			History history = History.of(table.read(connection), this.catalog);
			MigrationPlan plan = MigrationPlan.of(this.catalog, history, dialect.transactionalDdl(),
					this.settings.outOfOrder(), this.target);
			return new StatusReport(this.catalog, history, plan).toStatus(dialect.product(), table.name(), state(plan),
					this.lastFailure);
		}
		catch (SQLException ex) {
			throw failed("Reading the history of", ex, "Check that the database is reachable.");
		}
	}

	private DatabaseState state(MigrationPlan plan) {
		if (this.running) {
			return DatabaseState.RUNNING;
		}
		if (this.lastFailure != null || !plan.problems().isEmpty()) {
			return DatabaseState.FAILED;
		}
		return (plan.pending().isEmpty()) ? DatabaseState.UP_TO_DATE : DatabaseState.PENDING;
	}

	@Override
	public RunResult rollback(int steps) {
		if (steps < 1) {
			throw new MigrationException("Cannot roll back DataSource '" + dataSourceName() + "' by " + steps
					+ " steps. Pass how many of the newest applied migrations to reverse, at least 1.");
		}
		return locked("Rolling back", (session) -> reverse(session,
				RollbackPlan.steps(this.catalog, session.history(), steps, dataSourceName())));
	}

	@Override
	public RunResult rollbackTo(String version) {
		Version target = versionArgument("rollbackTo", version);
		return locked("Rolling back", (session) -> reverse(session,
				RollbackPlan.to(this.catalog, session.history(), target, dataSourceName())));
	}

	private RunResult reverse(LockedSession session, RollbackPlan plan) throws SQLException {
		String from = versionText(plan.from());
		if (plan.path().isEmpty()) {
			return new RunResult(dataSourceName(), from, from, List.of(), session.elapsedMs());
		}
		this.listener.runStarted(dataSourceName(), plan.path().size());
		try (HistoryTable.Writer writer = session.table().writer(session.connection(), session.history())) {
			StatementLog log = new StatementLog();
			MigrationRun run = new MigrationRun(session.connection(), writer,
					newContext(log.wrap(session.connection()), session.dialect()), log, session.dialect(),
					this.listener, session.installedBy(), session.host(), session.history().lastId(),
					this.settings.statementLimits(), session.lockWaitWatcher(), guard(session));
			try {
				run.down(plan.path());
			}
			catch (MigrationFailedException ex) {
				this.listener.runFinished(dataSourceName(), result(from, ex.version(), run, session.start()), false);
				throw recordFailure(ex);
			}
			RunResult result = result(from, versionText(plan.to()), run, session.start());
			Logging.logger
				.info(dataSourceName() + ": reversed " + result.count() + " migrations in " + result.durationMs()
						+ " ms, now at version " + ((result.toVersion() != null) ? result.toVersion() : "0"));
			this.listener.runFinished(dataSourceName(), result, true);
			return result;
		}
	}

	@Override
	public RunResult baseline(String version) {
		Version baseline = versionArgument("baseline", version);
		return locked("Stamping", (session) -> Baseline.stamp(session, baseline, dataSourceName()));
	}

	@Override
	public RepairResult repair() {
		return locked("Repairing", (session) -> {
			RepairPlan plan = RepairPlan.of(this.catalog, session.history(), session.installedBy(), session.host());
			plan.write(session, dataSourceName());
			this.lastFailure = null;
			return plan.toResult(dataSourceName());
		});
	}

	@Override
	public DryRunResult dryRun() {
		return rolledBack((session, context, history, pending) -> DryRun.check(session, context, history, pending,
				this.settings.statementLimits()));
	}

	@Override
	public SafetyReport safetyReport() {
		return rolledBack((session, context, history, pending) -> DryRun.observe(session, context, history, pending,
				this.settings.statementLimits()));
	}

	/**
	 * Run pending migrations under the lock in a transaction that is always rolled back.
	 */
	private <T> T rolledBack(DryRunWork<T> work) {
		return locked("Dry-running the migrations of", (session) -> {
			Dialect dialect = session.dialect();
			if (!dialect.transactionalDdl()) {
				throw new MigrationRefusedException(
						"Cannot dry-run the migrations of DataSource '" + dataSourceName() + "': " + dialect.product()
								+ " cannot roll back DDL. Try the migrations on a copy of the database.");
			}
			Connection connection = session.connection();
			try {
				List<HistoryRow> rows = session.rows();
				History history = (rows != null) ? session.history() : History
					.of(createHistory(connection, session.table(), session.installedBy(), this.target), this.catalog);
				MigrationPlan plan = validate(MigrationPlan.of(this.catalog, history, dialect.transactionalDdl(),
						this.settings.outOfOrder(), this.target));
				return work.run(session, newContext(connection, dialect), history, plan.pending());
			}
			finally {
				connection.rollback();
			}
		});
	}

	/**
	 * Observe the pending migrations in a dry run before applying them, when the settings
	 * ask for it: log unaccepted errors, or refuse to apply anything.
	 */
	private void checkSafety(LockedSession session, History history, List<ResolvedMigration> pending)
			throws SQLException {
		if (this.settings.safety() == MigratorSettings.Safety.OFF || session.dialect().safetyProbe() == null) {
			return;
		}
		SafetyReport report;
		try {
			report = DryRun.observe(session, newContext(session.connection(), session.dialect()), history, pending,
					this.settings.statementLimits());
		}
		finally {
			session.connection().rollback();
		}
		List<SafetyReport.Finding> errors = report.unaccepted(SafetyReport.Level.ERROR);
		if (errors.isEmpty()) {
			return;
		}
		StringBuilder findings = new StringBuilder();
		for (SafetyReport.Finding finding : errors) {
			findings.append("\n  - ")
				.append(finding.version())
				.append(" (")
				.append(finding.source())
				.append(") ")
				.append(finding.rule())
				.append(": ")
				.append(finding.message())
				.append("; safe recipe: ")
				.append(finding.recipe());
		}
		String accept = "Change them as the recipes say, or accept a reviewed finding in the migration itself "
				+ "(@AllowUnsafe(\"rewrite\") on a Java migration, -- migrations: allow=rewrite as an SQL file's "
				+ "first line).";
		if (this.settings.safety() == MigratorSettings.Safety.FAIL) {
			throw new MigrationRefusedException("Refusing to migrate DataSource '" + dataSourceName() + "': "
					+ errors.size() + " unaccepted safety errors in the pending migrations (migrations.safety=fail):"
					+ findings + "\n" + accept);
		}
		Logging.logger.warn(dataSourceName() + ": " + errors.size()
				+ " unaccepted safety errors in the pending migrations (migrations.safety=warn):" + findings + "\n"
				+ accept);
	}

	@FunctionalInterface
	private interface DryRunWork<T> {

		T run(LockedSession session, DefaultMigrationContext context, History history, List<ResolvedMigration> pending)
				throws SQLException;

	}

	@Override
	public String dumpSchema() {
		try (Connection connection = this.dataSource.getConnection()) {
			Dialect dialect = dialect(connection);
			History history = History.of(historyTable(dialect).read(connection), this.catalog);
			boolean autoCommit = connection.getAutoCommit();
			String schema = dialect.currentSchema(connection);
			try {
				connection.setAutoCommit(false);
				return SchemaDump.write(connection, dialect.kind(), this.settings.schema(), this.settings.table(),
						versionText(history.current()));
			}
			finally {
				restore(connection, dialect, autoCommit, schema);
			}
		}
		catch (SQLException | RuntimeException ex) {
			// Tested, not caught by type: a caught type is loaded when this class is
			// verified, and Spring's DataAccessException is not needed to start up.
			if (ex instanceof RuntimeException runtime && !(ex instanceof DataAccessException)) {
				throw runtime;
			}
			throw failed("Dumping the schema of", ex,
					"Check that the database is reachable and the user may read its catalog.");
		}
	}

	/**
	 * Create the history table in the caller's transaction: from the fresh schema when
	 * one is configured for the target and the database has no tables; else, with
	 * baseline-on-migrate, stamp a database that has tables of its own.
	 * @return the rows written
	 */
	private List<HistoryRow> createHistory(Connection connection, HistoryTable table, String installedBy,
			@Nullable Version target) throws SQLException {
		String schema = (this.settings.schema() != null) ? this.settings.schema()
				: dialect(connection).currentSchema(connection);
		FreshSchemaScript freshSchema = freshSchema(target);
		if (freshSchema != null && !Baseline.hasOwnTables(connection, schema)) {
			return freshSchema.load(connection, table, installedBy, HostName.get(), dataSourceName());
		}
		Version stampAt = (this.settings.baselineOnMigrate()) ? this.baselineVersion : null;
		return Baseline.createHistory(connection, table, stampAt, schema, installedBy, HostName.get());
	}

	/**
	 * Take the lock, then run the operation on a connection in a transaction (the schema
	 * set) with the history read once; the operation commits what it writes.
	 */
	private <T> T locked(String action, LockedSession.Work<T> operation) {
		long start = System.nanoTime();
		try (Connection connection = this.dataSource.getConnection()) {
			Dialect dialect = dialect(connection);
			HistoryTable table = historyTable(dialect);
			try (MigrationLock.Held lock = dialect.lock(this.dataSource, table.name(), this.settings.postgresLock())
				.acquire(this.settings.lockTimeout())) {
				this.running = true;
				boolean autoCommit = connection.getAutoCommit();
				String schema = dialect.currentSchema(connection);
				Throwable failure = null;
				try {
					if (this.settings.schema() != null) {
						dialect.useSchema(connection, this.settings.schema());
					}
					connection.setAutoCommit(false);
					String installedBy = dialect.currentUser(connection);
					lock.guard(connection);
					// Reading a missing table ends the transaction on PostgreSQL, and
					// with it
					// a transaction-scoped lock: ask the catalog first.
					List<HistoryRow> rows = (lock.transactionScoped() && !historyExists(connection, dialect)) ? null
							: table.read(connection);
					History history = History.of(rows, this.catalog);
					if (rows != null) {
						List<HistoryRow> upgraded = table.upgrade(connection, rows, history, installedBy,
								HostName.get());
						if (upgraded != rows) {
							connection.commit();
							lock.guard(connection);
							rows = table.read(connection);
							history = History.of(rows, this.catalog);
						}
					}
					return operation.run(new LockedSession(connection, dialect, table, rows, history, installedBy,
							HostName.get(), start, lock));
				}
				catch (Throwable ex) {
					failure = ex;
					throw ex;
				}
				finally {
					this.running = false;
					restore(connection, dialect, autoCommit, schema, failure);
				}
			}
		}
		catch (SQLException ex) {
			throw failed(action, ex, "Check that the database is reachable and the user may change it.");
		}
	}

	/**
	 * Whether the history table exists, asked of the catalog without a failing query.
	 */
	private boolean historyExists(Connection connection, Dialect dialect) throws SQLException {
		DatabaseMetaData metaData = connection.getMetaData();
		String escape = metaData.getSearchStringEscape();
		String schema = (this.settings.schema() != null) ? this.settings.schema() : dialect.currentSchema(connection);
		try (ResultSet tables = metaData.getTables(connection.getCatalog(), pattern(schema, escape),
				pattern(this.settings.table(), escape), null)) {
			return tables.next();
		}
	}

	private static @Nullable String pattern(@Nullable String name, @Nullable String escape) {
		if (name == null || escape == null || escape.isEmpty()) {
			return name;
		}
		return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
	}

	/**
	 * Wrap a database failure: what was being done to which DataSource, the database's
	 * own message and SQL state, and what to check.
	 */
	private MigrationException failed(String action, Exception ex, String advice) {
		String database = Failures.advice(ex, this.dialect);
		String next = (insufficientPrivilege(ex)) ? "The database user lacks a privilege the migrations need: grant "
				+ "it, or let the migrations connect as a user that owns the schema (migrations.user and "
				+ "migrations.password)." : advice;
		return new MigrationException(action + " DataSource '" + dataSourceName() + "' failed: " + Failures.describe(ex)
				+ "." + (database.isEmpty() ? " " + next : database), ex);
	}

	/**
	 * Whether the failure is the SQL standard's "insufficient privilege" (42501), as
	 * PostgreSQL reports a missing grant.
	 */
	private static boolean insufficientPrivilege(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && "42501".equals(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

	private RunGuard guard(LockedSession session) {
		return new RunGuard(session.lock(), session.table(), session.connection(), dataSourceName());
	}

	private DefaultMigrationContext newContext(Connection connection, Dialect dialect) {
		return new DefaultMigrationContext(connection, dialect.kind(), dataSourceName(), this.settings.schema());
	}

	private Version versionArgument(String operation, String text) {
		Assert.notNull(text, "'version' must not be null");
		if (!Version.isValid(text)) {
			throw new MigrationException("Version '" + text + "' passed to " + operation + " of DataSource '"
					+ dataSourceName() + "' is not digits separated by dots. Pass a version such as 3, 1.2 or "
					+ "2026.11.21.1030.");
		}
		return Version.parse(text);
	}

	private Version baselineVersion(String text) {
		if (!Version.isValid(text)) {
			throw new MigrationException("Baseline version '" + text + "' of DataSource '" + dataSourceName()
					+ "' is not digits separated by dots. Correct migrations.baseline-version.");
		}
		return Version.parse(text);
	}

	private Dialect dialect(Connection connection) throws SQLException {
		Dialect dialect = this.dialect;
		if (dialect == null) {
			dialect = Dialect.of(connection);
			this.dialect = dialect;
		}
		return dialect;
	}

	private HistoryTable historyTable(Dialect dialect) {
		return new HistoryTable(dialect, dialect.qualify(this.settings.schema(), this.settings.table()));
	}

	private Version targetVersion(String text) {
		Version version;
		try {
			version = Version.parse(text);
		}
		catch (MigrationException ex) {
			throw new MigrationException("Target version '" + text + "' of DataSource '" + dataSourceName()
					+ "' is not digits separated by dots. Correct migrations.target-version.", ex);
		}
		if (this.catalog.find(version) == null) {
			throw new MigrationException("Target version " + text + " of DataSource '" + dataSourceName()
					+ "' is not declared by any migration. Use one of the declared versions.");
		}
		return version;
	}

	private static @Nullable String versionText(@Nullable Version version) {
		return (version != null) ? version.toString() : null;
	}

	/**
	 * Restore the connection after a locked operation; when the operation failed (its
	 * connection may be gone), a failure to restore is added to that failure rather than
	 * hiding it.
	 */
	private static void restore(Connection connection, Dialect dialect, boolean autoCommit, @Nullable String schema,
			@Nullable Throwable failure) throws SQLException {
		try {
			restore(connection, dialect, autoCommit, schema);
		}
		catch (SQLException ex) {
			if (failure == null) {
				throw ex;
			}
			failure.addSuppressed(ex);
		}
	}

	private static void restore(Connection connection, Dialect dialect, boolean autoCommit, @Nullable String schema)
			throws SQLException {
		if (!connection.getAutoCommit()) {
			connection.rollback();
		}
		connection.setAutoCommit(autoCommit);
		if (schema != null && !schema.equals(dialect.currentSchema(connection))) {
			dialect.restoreSchema(connection, schema);
		}
	}

	/**
	 * What earlier attempts of one migrate call did, when a transaction-scoped lock made
	 * it start over: whether the run started (and from which version) and what it
	 * applied.
	 */
	private static final class Attempts {

		private boolean started;

		private @Nullable String from;

		private final List<MigrationOutcome> earlier = new ArrayList<>();

	}

	/**
	 * The logger, created on first use: finding the logging backend costs a cold JVM
	 * about 20 ms, which a start-up with nothing pending does not need to pay. The runner
	 * logs that case.
	 */
	private static final class Logging {

		static final Log logger = LogFactory.getLog(DefaultMigrator.class);

	}

}
