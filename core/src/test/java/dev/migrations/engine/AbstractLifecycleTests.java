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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.migrations.DatabaseState;
import dev.migrations.DatabaseStatus;
import dev.migrations.DryRunResult;
import dev.migrations.IrreversibleMigrationException;
import dev.migrations.Migration;
import dev.migrations.MigrationException;
import dev.migrations.MigrationFailedException;
import dev.migrations.MigrationInfo;
import dev.migrations.MigrationListener;
import dev.migrations.MigrationOutcome;
import dev.migrations.MigrationState;
import dev.migrations.MigrationValidationException;
import dev.migrations.Migrator;
import dev.migrations.MigratorSettings;
import dev.migrations.Operation;
import dev.migrations.RepairResult;
import dev.migrations.RunResult;
import dev.migrations.testsupport.TestMigration;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Rollback, baseline, repair and dry run, specified once and run against every database.
 */
abstract class AbstractLifecycleTests {

	protected HikariDataSource dataSource;

	protected JdbcTemplate jdbc;

	/**
	 * Return a DataSource on a new, empty database.
	 */
	protected abstract HikariDataSource createDataSource() throws Exception;

	@BeforeEach
	void openDatabase() throws Exception {
		this.dataSource = createDataSource();
		this.jdbc = new JdbcTemplate(this.dataSource);
	}

	@AfterEach
	void closeDatabase() throws SQLException {
		try {
			HistoryStates.assertNewestRowMatchesHistory(this.dataSource);
		}
		finally {
			this.dataSource.close();
		}
	}

	// Rollback

	@Test
	void rollbackReversesTheNewestMigrationsEachWithItsDownRow() throws SQLException {
		Migrator migrator = migrator(table("1"), table("2"), table("3"));
		migrator.migrate();
		RunResult result = migrator.rollback(2);
		assertThat(result.outcomes()).extracting(MigrationOutcome::version).containsExactly("3", "2");
		assertThat(result.outcomes()).extracting(MigrationOutcome::operation).containsOnly(Operation.DOWN);
		assertThat(result.fromVersion()).isEqualTo("3");
		assertThat(result.toVersion()).isEqualTo("1");
		assertThat(tables()).contains("t1").doesNotContain("t2", "t3");
		assertThat(this.jdbc.queryForList(
				"SELECT version FROM schema_migrations WHERE operation = 'DOWN' AND success ORDER BY id", String.class))
			.containsExactly("3", "2");
		DatabaseStatus status = migrator.status();
		assertThat(status.currentVersion()).isEqualTo("1");
		assertThat(status.state()).isEqualTo(DatabaseState.PENDING);
		assertThat(status.migrations()).extracting(MigrationInfo::state)
			.containsExactly(MigrationState.APPLIED, MigrationState.PENDING, MigrationState.PENDING);
	}

	@Test
	void rollbackToKeepsThatVersionApplied() throws SQLException {
		Migrator migrator = migrator(table("1"), table("2"), table("3"));
		migrator.migrate();
		RunResult result = migrator.rollbackTo("2");
		assertThat(result.outcomes()).extracting(MigrationOutcome::version).containsExactly("3");
		assertThat(result.toVersion()).isEqualTo("2");
		assertThat(tables()).contains("t1", "t2").doesNotContain("t3");
	}

	@Test
	void rollbackToZeroReversesEveryMigration() throws SQLException {
		Migrator migrator = migrator(table("1"), table("2"), table("3"));
		migrator.migrate();
		RunResult result = migrator.rollbackTo("0");
		assertThat(result.outcomes()).extracting(MigrationOutcome::version).containsExactly("3", "2", "1");
		assertThat(result.toVersion()).isNull();
		assertThat(tables()).containsExactly("schema_migrations");
		DatabaseStatus status = migrator.status();
		assertThat(status.currentVersion()).isNull();
		assertThat(status.pending()).isEqualTo(3);
	}

	@Test
	void migrateReappliesRolledBackVersions() throws SQLException {
		TestMigration third = table("3");
		Migrator migrator = migrator(table("1"), table("2"), third);
		migrator.migrate();
		migrator.rollbackTo("1");
		RunResult result = migrator.migrate();
		assertThat(result.outcomes()).extracting(MigrationOutcome::version).containsExactly("2", "3");
		assertThat(third.runs()).isEqualTo(2);
		assertThat(third.downRuns()).isEqualTo(1);
		assertThat(tables()).contains("t1", "t2", "t3");
		assertThat(migrator.status().state()).isEqualTo(DatabaseState.UP_TO_DATE);
	}

	@Test
	void rollbackToTheCurrentVersionDoesNothing() {
		Migrator migrator = migrator(table("1"));
		migrator.migrate();
		int rows = historyRows();
		RunResult result = migrator.rollbackTo("1");
		assertThat(result.outcomes()).isEmpty();
		assertThat(result.toVersion()).isEqualTo("1");
		assertThat(historyRows()).isEqualTo(rows);
	}

	@Test
	void rollbackTellsTheListenerWhatWasReversed() {
		List<String> events = new ArrayList<>();
		MigrationListener listener = new MigrationListener() {

			@Override
			public void runStarted(String dataSourceName, int count) {
				events.add("started " + count);
			}

			@Override
			public void migrationSucceeded(String dataSourceName, MigrationOutcome outcome) {
				events.add(outcome.operation() + " " + outcome.version());
			}

			@Override
			public void runFinished(String dataSourceName, RunResult result, boolean success) {
				events.add("finished " + success);
			}

		};
		Migrator migrator = new DefaultMigrator(this.dataSource, List.of(table("1"), table("2")),
				MigratorSettings.defaults("dataSource"), listener);
		migrator.migrate();
		events.clear();
		migrator.rollbackTo("0");
		assertThat(events).containsExactly("started 2", "DOWN 2", "DOWN 1", "finished true");
	}

	@Test
	void irreversibleMigrationOnThePathIsRefusedBeforeAnythingIsReversed() throws SQLException {
		TestMigration third = table("3");
		Migrator migrator = migrator(table("1"), TestMigration.of("2", "CREATE TABLE t2 (id int)"), third);
		migrator.migrate();
		Map<String, Object> before = snapshot();
		assertThatExceptionOfType(IrreversibleMigrationException.class).isThrownBy(() -> migrator.rollbackTo("0"))
			.withMessageContaining("DataSource 'dataSource' to version 0")
			.withMessageContaining("migration 2 (" + TestMigration.class.getName() + ") is irreversible")
			.withMessageContaining("Nothing was reversed")
			.withMessageContaining("Implement down")
			.withMessageContaining("no further than version 2");
		assertThat(third.downRuns()).isZero();
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void rollbackByStepsNamesTheIrreversibleMigration() throws SQLException {
		Migrator migrator = migrator(table("1"), table("2").nonTransactional().withChecksum("x"),
				TestMigration.of("3", "CREATE TABLE t3 (id int)"));
		migrator.migrate();
		Map<String, Object> before = snapshot();
		assertThatExceptionOfType(IrreversibleMigrationException.class).isThrownBy(() -> migrator.rollback(1))
			.withMessageContaining("by 1 step:")
			.withMessageContaining("migration 3 (")
			.withMessageContaining("no further than version 3");
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void appliedMigrationWhoseCodeIsGoneCannotBeReversed() throws SQLException {
		migrator(table("1"), table("2")).migrate();
		Map<String, Object> before = snapshot();
		assertThatExceptionOfType(IrreversibleMigrationException.class)
			.isThrownBy(() -> migrator(table("1")).rollbackTo("0"))
			.withMessageContaining("version 2 (" + TestMigration.class.getName() + ")")
			.withMessageContaining("no migration declares it any more")
			.withMessageContaining("restore the migration");
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void rollbackToAVersionThatWasNeverAppliedIsRefused() throws SQLException {
		Migrator migrator = migrator(table("1"), table("2"), table("3"));
		migrator.migrate("2");
		Map<String, Object> before = snapshot();
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator.rollbackTo("3"))
			.withMessageContaining("DataSource 'dataSource' to version 3")
			.withMessageContaining("never applied")
			.withMessageContaining("Roll back to an applied version (2, 1)");
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void rollbackToAnUndeclaredVersionIsRefused() throws SQLException {
		Migrator migrator = migrator(table("1"), table("2"));
		migrator.migrate();
		Map<String, Object> before = snapshot();
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator.rollbackTo("1.5"))
			.withMessageContaining("to version 1.5")
			.withMessageContaining("no migration declares it");
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void malformedVersionFailsFastNamingIt() throws SQLException {
		Migrator migrator = migrator(table("1"));
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator.rollbackTo("two"))
			.withMessageContaining("Version 'two' passed to rollbackTo of DataSource 'dataSource'")
			.withMessageContaining("digits separated by dots");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator.baseline("1."))
			.withMessageContaining("Version '1.' passed to baseline");
		assertThat(tables()).isEmpty();
	}

	@Test
	void stepsBelowOneFailFast() throws SQLException {
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator(table("1")).rollback(0))
			.withMessageContaining("DataSource 'dataSource' by 0 steps")
			.withMessageContaining("at least 1");
		assertThat(tables()).isEmpty();
	}

	@Test
	void moreStepsThanAppliedAreRefused() throws SQLException {
		Migrator migrator = migrator(table("1"), table("2"));
		migrator.migrate();
		Map<String, Object> before = snapshot();
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator.rollback(3))
			.withMessageContaining("Cannot roll back 3 migrations of DataSource 'dataSource'")
			.withMessageContaining("only 2 are applied (2, 1)")
			.withMessageContaining("version 0");
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void rollbackWithNothingAppliedIsRefused() throws SQLException {
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator(table("1")).rollback(1))
			.withMessageContaining("no migration is applied")
			.withMessageContaining("Run migrate first");
		assertThat(tables()).isEmpty();
	}

	@Test
	void failingDownRollsBackRecordsTheFailureAndStops() throws SQLException {
		TestMigration first = table("1");
		Migrator migrator = migrator(first,
				TestMigration.of("2", "CREATE TABLE t2 (id int)").withFailingDown("cannot drop", "DROP TABLE t2"),
				table("3"));
		migrator.migrate();
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator.rollbackTo("0"))
			.withMessageContaining("Migration 2 (" + TestMigration.class.getName() + ")")
			.withMessageContaining("failed going down and was rolled back")
			.withMessageContaining("cannot drop")
			.withMessageContaining("stays applied")
			.satisfies((ex) -> assertThat(ex.version()).isEqualTo("2"));
		assertThat(tables()).contains("t1", "t2").doesNotContain("t3");
		assertThat(first.downRuns()).isZero();
		Map<String, Object> failure = this.jdbc
			.queryForMap("SELECT success, error FROM schema_migrations WHERE operation = 'DOWN' AND version = '2'");
		assertThat(failure.get("success")).isIn(false, 0);
		assertThat(failure.get("error")).asString().contains("cannot drop");
		DatabaseStatus status = migrator.status();
		assertThat(status.currentVersion()).isEqualTo("2");
		assertThat(status.migrations()).extracting(MigrationInfo::state)
			.containsExactly(MigrationState.APPLIED, MigrationState.APPLIED, MigrationState.PENDING);
	}

	// Baseline

	@Test
	void baselineOnMigrateStampsADatabaseWithTablesAndRunsOnlyLaterMigrations() throws SQLException {
		this.jdbc.execute("CREATE TABLE legacy (id int)");
		TestMigration first = TestMigration.of("1", "CREATE TABLE legacy (id int)");
		Migrator migrator = Migrator.create(this.dataSource,
				List.of(first, TestMigration.of("2", "CREATE TABLE legacy_2 (id int)"), table("3")),
				baselineOnMigrate("2"));
		RunResult result = migrator.migrate();
		assertThat(result.outcomes()).extracting(MigrationOutcome::version).containsExactly("3");
		assertThat(first.runs()).isZero();
		assertThat(tables()).contains("legacy", "t3").doesNotContain("legacy_2");
		Map<String, Object> baseline = this.jdbc
			.queryForMap("SELECT version, kind, source FROM schema_migrations WHERE operation = 'BASELINE'");
		assertThat(baseline).containsEntry("version", "2")
			.containsEntry("kind", "BASELINE")
			.containsEntry("source", "migrations.baseline-on-migrate");
		DatabaseStatus status = migrator.status();
		assertThat(status.migrations()).extracting(MigrationInfo::state)
			.containsExactly(MigrationState.BELOW_BASELINE, MigrationState.BASELINE, MigrationState.APPLIED);
		assertThat(status.currentVersion()).isEqualTo("3");
	}

	@Test
	void baselineOnMigrateLeavesAnEmptyDatabaseToTheMigrations() throws SQLException {
		RunResult result = Migrator.create(this.dataSource, List.of(table("1"), table("2")), baselineOnMigrate("2"))
			.migrate();
		assertThat(result.count()).isEqualTo(2);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM schema_migrations WHERE operation = 'BASELINE'",
				Integer.class))
			.isZero();
	}

	@Test
	void baselineStampsOnDemandWithoutRunningAnything() throws SQLException {
		this.jdbc.execute("CREATE TABLE legacy (id int)");
		TestMigration first = table("1");
		Migrator migrator = migrator(first, table("2"), table("3"));
		RunResult stamp = migrator.baseline("2");
		assertThat(stamp.outcomes()).singleElement().satisfies((outcome) -> {
			assertThat(outcome.version()).isEqualTo("2");
			assertThat(outcome.operation()).isEqualTo(Operation.BASELINE);
			assertThat(outcome.success()).isTrue();
		});
		assertThat(stamp.toVersion()).isEqualTo("2");
		assertThat(first.runs()).isZero();
		DatabaseStatus status = migrator.status();
		assertThat(status.currentVersion()).isEqualTo("2");
		assertThat(status.migrations()).extracting(MigrationInfo::state)
			.containsExactly(MigrationState.BELOW_BASELINE, MigrationState.BASELINE, MigrationState.PENDING);
		assertThat(migrator.migrate().outcomes()).extracting(MigrationOutcome::version).containsExactly("3");
		assertThat(tables()).contains("legacy", "t3").doesNotContain("t1", "t2");
	}

	@Test
	void baselineAtAnUndeclaredVersionIsShownAsTheBaseline() {
		Migrator migrator = migrator(table("2"));
		migrator.baseline("1");
		assertThat(migrator.status().migrations()).extracting(MigrationInfo::version, MigrationInfo::state)
			.containsExactly(tuple("1", MigrationState.BASELINE), tuple("2", MigrationState.PENDING));
	}

	@Test
	void baselineOverAnExistingHistoryIsRefused() throws SQLException {
		Migrator migrator = migrator(table("1"), table("2"));
		migrator.migrate("1");
		Map<String, Object> before = snapshot();
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator.baseline("2"))
			.withMessageContaining("Cannot stamp DataSource 'dataSource' at version 2")
			.withMessageContaining("schema_migrations already has 1 entries and it is at version 1")
			.withMessageContaining("only stamps a database without history");
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void rollbackStopsAtTheBaseline() throws SQLException {
		Migrator migrator = migrator(table("1"), table("2"), table("3"), table("4"));
		migrator.baseline("2");
		migrator.migrate();
		Map<String, Object> before = snapshot();
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator.rollbackTo("1"))
			.withMessageContaining("below the baseline 2")
			.withMessageContaining("Roll back to 2 or later");
		assertThat(snapshot()).isEqualTo(before);
		RunResult result = migrator.rollbackTo("2");
		assertThat(result.outcomes()).extracting(MigrationOutcome::version).containsExactly("4", "3");
		assertThat(result.toVersion()).isEqualTo("2");
		assertThat(migrator.status().currentVersion()).isEqualTo("2");
	}

	// Repair

	@Test
	void repairLetsAFailedNonTransactionalMigrationRunAgain() throws SQLException {
		TestMigration partial = TestMigration.failing("2", "half way", "CREATE TABLE partial (id int)")
			.nonTransactional();
		assertThatExceptionOfType(MigrationFailedException.class)
			.isThrownBy(() -> migrator(table("1"), partial).migrate());
		Migrator fixed = migrator(table("1"),
				TestMigration.of("2", "CREATE TABLE finished (id int)").nonTransactional());
		assertThatExceptionOfType(MigrationValidationException.class).isThrownBy(fixed::migrate)
			.withMessageContaining("run repair");
		RepairResult repair = fixed.repair();
		assertThat(repair.failuresCleared()).containsExactly("2");
		assertThat(repair.changesAccepted()).isEmpty();
		assertThat(repair.missingForgotten()).isEmpty();
		assertThat(this.jdbc.queryForObject(
				"SELECT description FROM schema_migrations WHERE operation = 'REPAIR' AND version = '2'", String.class))
			.isEqualTo(History.CLEAR_FAILURE);
		assertThat(fixed.status().migrations()).extracting(MigrationInfo::state)
			.containsExactly(MigrationState.APPLIED, MigrationState.PENDING);
		assertThat(fixed.migrate().outcomes()).extracting(MigrationOutcome::version).containsExactly("2");
		assertThat(tables()).contains("partial", "finished");
		assertThat(fixed.status().state()).isEqualTo(DatabaseState.UP_TO_DATE);
	}

	@Test
	void repairAcceptsChangedChecksumsAndForgetsMissingMigrations() throws SQLException {
		migrator(table("1").withChecksum("aaaa"), table("2")).migrate();
		Migrator changed = migrator(table("1").withChecksum("bbbb"), table("3"));
		assertThatExceptionOfType(MigrationValidationException.class).isThrownBy(changed::migrate)
			.satisfies((ex) -> assertThat(ex.problems()).hasSize(2));
		RepairResult repair = changed.repair();
		assertThat(repair.dataSourceName()).isEqualTo("dataSource");
		assertThat(repair.failuresCleared()).isEmpty();
		assertThat(repair.changesAccepted()).containsExactly("1");
		assertThat(repair.missingForgotten()).containsExactly("2");
		assertThat(this.jdbc.queryForList(
				"SELECT description FROM schema_migrations WHERE operation = 'REPAIR' " + "ORDER BY id", String.class))
			.containsExactly(History.ACCEPT_CHANGE, History.FORGET_MISSING);
		assertThat(changed.status().migrations()).extracting(MigrationInfo::version, MigrationInfo::state)
			.containsExactly(tuple("1", MigrationState.APPLIED), tuple("3", MigrationState.PENDING));
		assertThat(changed.migrate().outcomes()).extracting(MigrationOutcome::version).containsExactly("3");
	}

	@Test
	void repairWithNothingToRepairWritesNothing() {
		Migrator migrator = migrator(table("1"));
		migrator.migrate();
		int rows = historyRows();
		RepairResult repair = migrator.repair();
		assertThat(repair.failuresCleared()).isEmpty();
		assertThat(repair.changesAccepted()).isEmpty();
		assertThat(repair.missingForgotten()).isEmpty();
		assertThat(historyRows()).isEqualTo(rows);
	}

	// Dry run

	@Test
	void dryRunReportsWhatWouldSucceedAndChangesNothing() throws SQLException {
		migrator(indexedTable("1")).migrate();
		Migrator migrator = migrator(indexedTable("1"), indexedTable("2"),
				TestMigration.of("3", "ALTER TABLE t1 ADD COLUMN name varchar(20)", "INSERT INTO t1 (id) VALUES (9)"));
		Map<String, Object> before = snapshot();
		DryRunResult result = migrator.dryRun();
		assertThat(result.success()).isTrue();
		assertThat(result.dataSourceName()).isEqualTo("dataSource");
		assertThat(result.outcomes()).extracting(MigrationOutcome::version).containsExactly("2", "3");
		assertThat(result.outcomes()).allSatisfy((outcome) -> {
			assertThat(outcome.success()).isTrue();
			assertThat(outcome.error()).isNull();
		});
		assertThat(result.notChecked()).isEmpty();
		assertThat(snapshot()).isEqualTo(before);
		assertThat(migrator.status().pending()).isEqualTo(2);
	}

	@Test
	void dryRunFindsAFailingMigrationAndChangesNothing() throws SQLException {
		migrator(indexedTable("1")).migrate();
		Migrator migrator = migrator(indexedTable("1"), indexedTable("2"),
				TestMigration.of("3", "INSERT INTO t1 (id) VALUES (1)", "INSERT INTO no_such_table (id) VALUES (1)"),
				TestMigration.of("4", "INSERT INTO t2 (id) VALUES (4)"));
		Map<String, Object> before = snapshot();
		DryRunResult result = migrator.dryRun();
		assertThat(result.success()).isFalse();
		assertThat(result.outcomes()).extracting(MigrationOutcome::version, MigrationOutcome::success)
			.containsExactly(tuple("2", true), tuple("3", false), tuple("4", true));
		assertThat(result.outcomes().get(1).error()).contains("no_such_table");
		assertThat(snapshot()).isEqualTo(before);
		assertThat(migrator.status().state()).isEqualTo(DatabaseState.PENDING);
	}

	@Test
	void dryRunOfAFreshDatabaseLeavesNoHistoryTable() throws SQLException {
		DryRunResult result = migrator(indexedTable("1"), indexedTable("2")).dryRun();
		assertThat(result.outcomes()).extracting(MigrationOutcome::success).containsExactly(true, true);
		assertThat(tables()).isEmpty();
	}

	@Test
	void dryRunReportsNonTransactionalMigrationsAsNotChecked() throws SQLException {
		TestMigration nonTransactional = TestMigration.of("2", "CREATE TABLE t2 (id int)").nonTransactional();
		DryRunResult result = migrator(indexedTable("1"), nonTransactional, table("3")).dryRun();
		assertThat(result.outcomes()).extracting(MigrationOutcome::version).containsExactly("1", "3");
		assertThat(result.notChecked()).containsExactly("2");
		assertThat(nonTransactional.runs()).isZero();
		assertThat(tables()).isEmpty();
	}

	@Test
	void dryRunRefusesWhatValidationRefuses() throws SQLException {
		migrator(table("1").withChecksum("aaaa")).migrate();
		Map<String, Object> before = snapshot();
		assertThatExceptionOfType(MigrationValidationException.class)
			.isThrownBy(() -> migrator(table("1").withChecksum("bbbb"), table("2")).dryRun())
			.withMessageContaining("checksum aaaa");
		assertThat(snapshot()).isEqualTo(before);
	}

	protected Migrator migrator(Migration... migrations) {
		return Migrator.create(this.dataSource, List.of(migrations), MigratorSettings.defaults("dataSource"));
	}

	protected MigratorSettings baselineOnMigrate(String version) {
		return new MigratorSettings("dataSource", "schema_migrations", null, null, false, true, version,
				Duration.ofSeconds(60), false, null, MigratorSettings.PostgresLock.SESSION);
	}

	/**
	 * A reversible migration that creates table {@code t<version>}.
	 */
	protected static TestMigration table(String version) {
		return TestMigration.of(version, "CREATE TABLE t" + version + " (id int)").withDown("DROP TABLE t" + version);
	}

	/**
	 * A reversible migration that creates table {@code t<version>} with an index and a
	 * row.
	 */
	protected static TestMigration indexedTable(String version) {
		String table = "t" + version;
		return TestMigration
			.of(version, "CREATE TABLE " + table + " (id int, code varchar(10))",
					"CREATE UNIQUE INDEX " + table + "_code ON " + table + " (code)",
					"INSERT INTO " + table + " (id, code) VALUES (" + version + ", 'c" + version + "')")
			.withDown("DROP TABLE " + table);
	}

	protected int historyRows() {
		return this.jdbc.queryForObject("SELECT count(*) FROM schema_migrations", Integer.class);
	}

	protected List<String> tables() throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				ResultSet tables = connection.getMetaData().getTables(null, null, "%", new String[] { "TABLE" })) {
			List<String> names = new ArrayList<>();
			while (tables.next()) {
				names.add(tables.getString("TABLE_NAME"));
			}
			return names;
		}
	}

	/**
	 * Return what the database holds, as JDBC metadata and row counts see it: every table
	 * with its columns, indexes and number of rows, and every row of the history.
	 */
	protected Map<String, Object> snapshot() throws SQLException {
		Map<String, Object> snapshot = new TreeMap<>();
		try (Connection connection = this.dataSource.getConnection()) {
			DatabaseMetaData metaData = connection.getMetaData();
			List<String[]> tables = new ArrayList<>();
			try (ResultSet result = metaData.getTables(null, null, "%", new String[] { "TABLE", "VIEW" })) {
				while (result.next()) {
					tables.add(new String[] { result.getString("TABLE_SCHEM"), result.getString("TABLE_NAME"),
							result.getString("TABLE_TYPE") });
				}
			}
			for (String[] table : tables) {
				String name = ((table[0] != null) ? table[0] + "." : "") + table[1];
				snapshot.put(name + " type", table[2]);
				snapshot.put(name + " columns", columns(metaData, table[0], table[1]));
				snapshot.put(name + " indexes", indexes(metaData, table[0], table[1]));
				snapshot.put(name + " rows", this.jdbc.queryForObject(
						"SELECT count(*) FROM " + ((table[0] != null) ? table[0] + "." : "") + table[1], Long.class));
			}
		}
		if (tables().contains("schema_migrations")) {
			snapshot.put("history", this.jdbc.queryForList("SELECT * FROM schema_migrations ORDER BY id").toString());
		}
		return snapshot;
	}

	private static List<String> columns(DatabaseMetaData metaData, String schema, String table) throws SQLException {
		List<String> columns = new ArrayList<>();
		try (ResultSet result = metaData.getColumns(null, schema, table, "%")) {
			while (result.next()) {
				columns.add(result.getString("COLUMN_NAME") + " " + result.getString("TYPE_NAME") + " "
						+ result.getString("IS_NULLABLE"));
			}
		}
		return columns;
	}

	private static List<String> indexes(DatabaseMetaData metaData, String schema, String table) throws SQLException {
		List<String> indexes = new ArrayList<>();
		try (ResultSet result = metaData.getIndexInfo(null, schema, table, false, false)) {
			while (result.next()) {
				indexes.add(result.getString("INDEX_NAME") + " " + result.getString("COLUMN_NAME") + " "
						+ result.getBoolean("NON_UNIQUE"));
			}
		}
		return indexes;
	}

}
