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

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.DatabaseState;
import dev.migrations.DatabaseStatus;
import dev.migrations.LockTimeoutException;
import dev.migrations.Migration;
import dev.migrations.MigrationContext;
import dev.migrations.MigrationFailedException;
import dev.migrations.MigrationInfo;
import dev.migrations.MigrationKind;
import dev.migrations.MigrationState;
import dev.migrations.MigrationValidationException;
import dev.migrations.Migrator;
import dev.migrations.MigratorSettings;
import dev.migrations.RunResult;
import dev.migrations.testsupport.ConsoleOutput;
import dev.migrations.testsupport.RowCountingDataSource;
import dev.migrations.testsupport.TestMigration;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The engine's behaviour, the same on every database; subclasses supply the database.
 */
abstract class AbstractMigratorTests {

	protected HikariDataSource dataSource;

	protected JdbcTemplate jdbc;

	/**
	 * Return a DataSource on a new, empty database.
	 */
	protected abstract HikariDataSource createDataSource() throws Exception;

	/**
	 * Return the JDBC URL of the database {@link #createDataSource()} created last.
	 */
	protected abstract String url();

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

	@Test
	void freshDatabaseGetsAllMigrations() throws SQLException {
		RunResult result = migrator(new V1__CreateUsers(), new V2__AddAdminFlagToUsers(), usersRow("3")).migrate();
		assertThat(result.count()).isEqualTo(3);
		assertThat(result.fromVersion()).isNull();
		assertThat(result.toVersion()).isEqualTo("3");
		assertThat(columns("users")).containsExactly("id", "name", "is_admin");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM users", Integer.class)).isEqualTo(1);
		assertThat(successfulUps()).isEqualTo(3);
	}

	@Test
	void secondRunAppliesNothing() throws SQLException {
		migrator(new V1__CreateUsers(), new V2__AddAdminFlagToUsers()).migrate();
		int rows = historyRows();
		RunResult second = migrator(new V1__CreateUsers(), new V2__AddAdminFlagToUsers()).migrate();
		assertThat(second.count()).isZero();
		assertThat(second.toVersion()).isEqualTo("2");
		assertThat(historyRows()).isEqualTo(rows);
	}

	@Test
	@ExtendWith(ConsoleOutput.class)
	void secondRunLogsOneLineSayingItIsUpToDate(ConsoleOutput output) {
		migrator(new V1__CreateUsers(), new V2__AddAdminFlagToUsers()).migrate();
		int before = output.toString().length();
		migrator(new V1__CreateUsers(), new V2__AddAdminFlagToUsers()).migrate();
		assertThat(output.toString().substring(before).lines().filter((line) -> line.contains("dataSource: ")))
			.singleElement(as(InstanceOfAssertFactories.STRING))
			.containsPattern("INFO .*dataSource: up to date at version 2, 2 migrations, checked in \\d+ ms");
	}

	@Test
	void historyRecordsEveryAttribute() {
		migrator(new V1__CreateUsers()).migrate();
		Map<String, Object> row = this.jdbc
			.queryForMap("SELECT version, description, kind, source, operation, success, installed_by, host, error "
					+ "FROM schema_migrations WHERE operation = 'UP'");
		assertThat(row).containsEntry("version", "1")
			.containsEntry("description", "Create users")
			.containsEntry("kind", "JAVA")
			.containsEntry("source", V1__CreateUsers.class.getName())
			.containsEntry("operation", "UP");
		assertThat(row.get("installed_by")).asString().isNotEmpty();
		assertThat(row.get("host")).asString().isNotEmpty();
		assertThat(row.get("error")).isNull();
		assertThat(this.jdbc.queryForObject("SELECT version FROM schema_migrations WHERE operation = 'LAYOUT'",
				String.class))
			.isEqualTo(String.valueOf(HistoryTable.LAYOUT_VERSION));
	}

	@Test
	void failingMigrationLeavesNoTraceAndStopsTheRun() throws SQLException {
		TestMigration third = TestMigration.of("3", "CREATE TABLE third (id int)");
		Migrator migrator = migrator(new V1__CreateUsers(), TestMigration.failing("2", "disk on fire",
				"CREATE TABLE half_done (id int)", "INSERT INTO users (id, name) VALUES (7, 'x')"), third);
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(migrator::migrate)
			.withMessageContaining("Migration 2 (" + TestMigration.class.getName() + ")")
			.withMessageContaining("rolled back")
			.withMessageContaining("disk on fire")
			.withMessageContaining("Nothing after it ran")
			.satisfies((ex) -> assertThat(ex.version()).isEqualTo("2"));
		assertThat(tables()).contains("users").doesNotContain("half_done", "third");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM users", Integer.class)).isZero();
		assertThat(third.runs()).isZero();
		Map<String, Object> failure = this.jdbc.queryForMap(
				"SELECT version, success, error FROM schema_migrations WHERE operation = 'UP' AND version = '2'");
		assertThat(failure.get("success")).isIn(false, 0);
		assertThat(failure.get("error")).asString().contains("disk on fire");
		DatabaseStatus status = migrator.status();
		assertThat(status.state()).isEqualTo(DatabaseState.FAILED);
		assertThat(status.migrations()).extracting(MigrationInfo::state)
			.containsExactly(MigrationState.APPLIED, MigrationState.FAILED, MigrationState.PENDING);
		assertThat(status.migrations().get(1).error()).contains("disk on fire");
	}

	@Test
	void failedMigrationRunsAgainOnceFixed() throws SQLException {
		assertThatExceptionOfType(MigrationFailedException.class)
			.isThrownBy(() -> migrator(TestMigration.failing("1", "not yet", "CREATE TABLE t1 (id int)")).migrate());
		RunResult result = migrator(TestMigration.of("1", "CREATE TABLE t1 (id int)")).migrate();
		assertThat(result.count()).isEqualTo(1);
		assertThat(tables()).contains("t1");
		assertThat(migrator(TestMigration.of("1")).status().state()).isEqualTo(DatabaseState.UP_TO_DATE);
	}

	@Test
	void duplicateVersionsNameBothAndChangeNothing() throws SQLException {
		assertThatExceptionOfType(MigrationValidationException.class)
			.isThrownBy(() -> migrator(new V1__CreateUsers(), new V1_0__CreateOrders()).migrate())
			.withMessageContaining("Versions must be unique")
			.withMessageContaining(V1__CreateUsers.class.getName())
			.withMessageContaining(V1_0__CreateOrders.class.getName())
			.withMessageContaining("Renumber one of them");
		assertThat(tables()).isEmpty();
	}

	@Test
	void malformedNameIsReportedAndChangesNothing() throws SQLException {
		assertThatExceptionOfType(MigrationValidationException.class)
			.isThrownBy(() -> migrator(new V1__CreateUsers(), new CreateOrders()).migrate())
			.withMessageContaining(CreateOrders.class.getName())
			.withMessageContaining("V<version>__<Description>");
		assertThat(tables()).isEmpty();
	}

	@Test
	void outOfOrderIsRejectedThenAllowedWithTheProperty() throws SQLException {
		migrator(TestMigration.of("1", "CREATE TABLE t1 (id int)"), TestMigration.of("3", "CREATE TABLE t3 (id int)"))
			.migrate();
		int rows = historyRows();
		List<Migration> all = List.of(TestMigration.of("1"), TestMigration.of("2", "CREATE TABLE t2 (id int)"),
				TestMigration.of("3"));
		assertThatExceptionOfType(MigrationValidationException.class).isThrownBy(() -> migrator(all).migrate())
			.withMessageContaining("Migration 2 (")
			.withMessageContaining("newer version 3 is already applied")
			.withMessageContaining("migrations.out-of-order=true");
		assertThat(tables()).doesNotContain("t2");
		assertThat(historyRows()).isEqualTo(rows);
		assertThat(migrator(all).status().migrations()).extracting(MigrationInfo::state)
			.containsExactly(MigrationState.APPLIED, MigrationState.OUT_OF_ORDER, MigrationState.APPLIED);
		RunResult result = Migrator.create(this.dataSource, all, settings().withOutOfOrder(true)).migrate();
		assertThat(result.outcomes()).extracting("version").containsExactly("2");
		assertThat(tables()).contains("t2");
	}

	@Test
	void missingAppliedMigrationIsReportedAndChangesNothing() throws SQLException {
		migrator(TestMigration.of("1", "CREATE TABLE t1 (id int)"), TestMigration.of("2", "CREATE TABLE t2 (id int)"))
			.migrate();
		int rows = historyRows();
		assertThatExceptionOfType(MigrationValidationException.class)
			.isThrownBy(
					() -> migrator(TestMigration.of("1"), TestMigration.of("3", "CREATE TABLE t3 (id int)")).migrate())
			.withMessageContaining("Version 2 was applied")
			.withMessageContaining("no migration declares it")
			.withMessageContaining("repair");
		assertThat(tables()).doesNotContain("t3");
		assertThat(historyRows()).isEqualTo(rows);
	}

	@Test
	void changedChecksumIsReportedAndChangesNothing() throws SQLException {
		migrator(TestMigration.of("1", "CREATE TABLE t1 (id int)").withChecksum("aaaa")).migrate();
		int rows = historyRows();
		assertThatExceptionOfType(MigrationValidationException.class)
			.isThrownBy(() -> migrator(TestMigration.of("1").withChecksum("bbbb"),
					TestMigration.of("2", "CREATE TABLE t2 (id int)"))
				.migrate())
			.withMessageContaining("Migration 1 (")
			.withMessageContaining("checksum aaaa")
			.withMessageContaining("now bbbb")
			.withMessageContaining("add a new migration");
		assertThat(tables()).doesNotContain("t2");
		assertThat(historyRows()).isEqualTo(rows);
	}

	@Test
	void changedChecksumIsReportedWhenNothingIsPending() {
		migrator(TestMigration.of("1").withChecksum("aaaa"), TestMigration.of("2")).migrate();
		assertThatExceptionOfType(MigrationValidationException.class)
			.isThrownBy(() -> migrator(TestMigration.of("1").withChecksum("bbbb"), TestMigration.of("2")).migrate())
			.withMessageContaining("checksum aaaa")
			.withMessageContaining("now bbbb");
	}

	@Test
	void replacedMigrationIsReportedWhenNothingIsPending() {
		migrator(TestMigration.of("1"), TestMigration.of("2")).migrate();
		assertThatExceptionOfType(MigrationValidationException.class)
			.isThrownBy(() -> migrator(TestMigration.of("1"), TestMigration.of("3")).migrate())
			.withMessageContaining("Version 2 was applied")
			.withMessageContaining("no migration declares it");
	}

	@Test
	void sqlFileDeclaredAtAnAppliedJavaVersionIsRefusedAndNeverRuns(@TempDir Path folder) throws Exception {
		migrator(new V1__CreateUsers()).migrate();
		int rows = historyRows();
		List<Migration> replaced = sqlFile(folder, "V1__bad_sql.sql", "CREATE TABLE never_run (id int);");
		assertThatExceptionOfType(MigrationValidationException.class).isThrownBy(() -> migrator(replaced).migrate())
			.withMessageContaining("Version 1 was applied as the Java migration " + V1__CreateUsers.class.getName())
			.withMessageContaining("the SQL file filesystem:")
			.withMessageContaining("V1__bad_sql.sql now declares it and has never run")
			.withMessageContaining("Restore " + V1__CreateUsers.class.getName())
			.withMessageContaining("run repair to accept");
		assertThat(tables()).doesNotContain("never_run");
		assertThat(historyRows()).isEqualTo(rows);
	}

	@Test
	void statusShowsTheMigrationThatRanWhenAnotherTookItsVersion(@TempDir Path folder) throws Exception {
		migrator(new V1__CreateUsers()).migrate();
		DatabaseStatus status = migrator(sqlFile(folder, "V1__bad_sql.sql", "CREATE TABLE never_run (id int);"))
			.status();
		assertThat(status.state()).isEqualTo(DatabaseState.FAILED);
		assertThat(status.migrations()).singleElement().satisfies((info) -> {
			assertThat(info.kind()).isEqualTo(MigrationKind.JAVA);
			assertThat(info.source()).isEqualTo(V1__CreateUsers.class.getName());
			assertThat(info.state()).isEqualTo(MigrationState.APPLIED);
		});
	}

	@Test
	void anotherJavaClassAtAnAppliedVersionIsRefused() {
		migrator(new V1__CreateUsers()).migrate();
		assertThatExceptionOfType(MigrationValidationException.class)
			.isThrownBy(() -> migrator(TestMigration.of("1")).migrate())
			.withMessageContaining("Version 1 was applied as the Java migration " + V1__CreateUsers.class.getName())
			.withMessageContaining("but the Java migration " + TestMigration.class.getName() + " now declares it");
	}

	@Test
	void checksumThatAppearsOnAnAppliedMigrationIsRefused() {
		migrator(TestMigration.of("1", "CREATE TABLE t1 (id int)")).migrate();
		assertThatExceptionOfType(MigrationValidationException.class)
			.isThrownBy(() -> migrator(TestMigration.of("1").withChecksum("bbbb")).migrate())
			.withMessageContaining("Migration 1 (")
			.withMessageContaining("was applied with no checksum, but its checksum is now bbbb");
	}

	@Test
	void checksumThatDisappearsFromAnAppliedMigrationIsRefused() {
		migrator(TestMigration.of("1", "CREATE TABLE t1 (id int)").withChecksum("aaaa")).migrate();
		assertThatExceptionOfType(MigrationValidationException.class)
			.isThrownBy(() -> migrator(TestMigration.of("1")).migrate())
			.withMessageContaining("was applied with checksum aaaa, but it declares no checksum now");
	}

	@Test
	void repairAcceptsAnotherMigrationAtAnAppliedVersion(@TempDir Path folder) throws Exception {
		migrator(new V1__CreateUsers()).migrate();
		List<Migration> replaced = sqlFile(folder, "V1__create_users.sql", "CREATE TABLE never_run (id int);");
		assertThat(migrator(replaced).repair().changesAccepted()).containsExactly("1");
		RowCountingDataSource counting = new RowCountingDataSource(this.dataSource);
		assertThat(Migrator.create(counting, replaced, settings()).migrate().count()).isZero();
		assertThat(counting.rowsRead()).isOne();
		assertThat(migrator(replaced).status().migrations()).singleElement()
			.satisfies((info) -> assertThat(info.kind()).isEqualTo(MigrationKind.SQL));
		assertThat(tables()).doesNotContain("never_run");
	}

	@Test
	void sqlFileMovedToAnotherFolderIsTheSameMigration(@TempDir Path folder) throws Exception {
		migrator(sqlFile(folder.resolve("before"), "V1__create_t1.sql", "CREATE TABLE t1 (id int);")).migrate();
		RunResult moved = migrator(
				sqlFile(folder.resolve("after/nested"), "V1__create_t1.sql", "CREATE TABLE t1 (id int);"))
			.migrate();
		assertThat(moved.count()).isZero();
	}

	private static List<Migration> sqlFile(Path folder, String name, String sql) throws IOException {
		Files.createDirectories(folder);
		Files.writeString(folder.resolve(name), sql);
		return new SqlMigrationLoader(new DefaultResourceLoader()).load("dataSource",
				List.of("filesystem:" + folder.toAbsolutePath()), Map.of());
	}

	@Test
	void upToDateCheckReadsOneHistoryRowHoweverLongTheHistory() {
		List<Migration> migrations = new ArrayList<>();
		for (int i = 1; i <= 40; i++) {
			migrations.add(TestMigration.of(String.valueOf(i)).withChecksum("c" + i));
		}
		migrator(migrations).migrate();
		RowCountingDataSource counting = new RowCountingDataSource(this.dataSource);
		RunResult result = Migrator.create(counting, migrations, settings()).migrate();
		assertThat(result.count()).isZero();
		assertThat(result.toVersion()).isEqualTo("40");
		assertThat(counting.rowsRead()).isOne();
		// A drifted checksum is not what the newest row says: the whole history is read.
		migrations.set(0, TestMigration.of("1").withChecksum("drifted"));
		counting.reset();
		assertThatExceptionOfType(MigrationValidationException.class)
			.isThrownBy(() -> Migrator.create(counting, migrations, settings()).migrate());
		assertThat(counting.rowsRead()).isGreaterThan(40);
	}

	@Test
	void upToDateCheckAtATargetVersionReadsOneHistoryRow() {
		List<Migration> migrations = List.of(TestMigration.of("1"), TestMigration.of("2"), TestMigration.of("3"));
		migrator(migrations).migrate("2");
		RowCountingDataSource counting = new RowCountingDataSource(this.dataSource);
		RunResult result = Migrator.create(counting, migrations, settings()).migrate("2");
		assertThat(result.count()).isZero();
		assertThat(result.toVersion()).isEqualTo("2");
		assertThat(counting.rowsRead()).isOne();
		assertThat(Migrator.create(counting, migrations, settings()).migrate().toVersion()).isEqualTo("3");
	}

	@Test
	void historyTableOfALaterDottedLayoutIsLeftAsItIs() throws SQLException {
		migrator(TestMigration.of("1", "CREATE TABLE t1 (id int)")).migrate();
		String later = HistoryTable.LAYOUT_VERSION + ".1";
		this.jdbc.update("UPDATE schema_migrations SET version = ? WHERE operation = 'LAYOUT'", later);
		assertThat(migrator(TestMigration.of("1", "CREATE TABLE t1 (id int)"),
				TestMigration.of("2", "CREATE TABLE t2 (id int)"))
			.migrate()
			.count()).isOne();
		assertThat(this.jdbc
			.queryForList("SELECT version FROM schema_migrations WHERE operation = 'LAYOUT' ORDER BY id", String.class))
			.containsExactly(later);
		assertThat(tables()).contains("t1", "t2");
	}

	@Test
	void historyTableOfTheFirstLayoutIsUpgradedInPlace() throws SQLException {
		migrator(TestMigration.of("1", "CREATE TABLE t1 (id int)"), TestMigration.of("2")).migrate();
		// What the first release wrote: no state column, layout 1.
		this.jdbc.execute("ALTER TABLE schema_migrations DROP COLUMN applied_state");
		this.jdbc.update("UPDATE schema_migrations SET version = '1' WHERE operation = 'LAYOUT'");
		int rows = historyRows();
		RowCountingDataSource counting = new RowCountingDataSource(this.dataSource);
		RunResult upToDate = Migrator
			.create(counting, List.of(TestMigration.of("1", "CREATE TABLE t1 (id int)"), TestMigration.of("2")),
					settings())
			.migrate();
		assertThat(upToDate.toVersion()).isEqualTo("2");
		assertThat(counting.rowsRead()).isEqualTo(rows);
		assertThat(historyRows()).isEqualTo(rows);
		List<Migration> three = List.of(TestMigration.of("1", "CREATE TABLE t1 (id int)"), TestMigration.of("2"),
				TestMigration.of("3", "CREATE TABLE t3 (id int)"));
		assertThat(migrator(three).migrate().count()).isOne();
		assertThat(this.jdbc
			.queryForList("SELECT version FROM schema_migrations WHERE operation = 'LAYOUT' ORDER BY id", String.class))
			.containsExactly("1", String.valueOf(HistoryTable.LAYOUT_VERSION));
		assertThat(tables()).contains("t1", "t3");
		counting.reset();
		assertThat(Migrator.create(counting, three, settings()).migrate().count()).isZero();
		assertThat(counting.rowsRead()).isOne();
	}

	@Test
	void validationListsEveryProblemAtOnce() {
		migrator(TestMigration.of("1").withChecksum("aaaa"), TestMigration.of("3")).migrate();
		assertThatExceptionOfType(MigrationValidationException.class)
			.isThrownBy(() -> migrator(TestMigration.of("1").withChecksum("bbbb"), TestMigration.of("2")).migrate())
			.satisfies((ex) -> assertThat(ex.problems()).hasSize(3));
	}

	@Test
	void targetVersionStopsTheRun() throws SQLException {
		Migrator migrator = migrator(TestMigration.of("1", "CREATE TABLE t1 (id int)"),
				TestMigration.of("2", "CREATE TABLE t2 (id int)"), TestMigration.of("3", "CREATE TABLE t3 (id int)"));
		assertThat(migrator.migrate("2").toVersion()).isEqualTo("2");
		assertThat(tables()).contains("t1", "t2").doesNotContain("t3");
		assertThat(migrator.status().pending()).isEqualTo(1);
	}

	@Test
	void unknownTargetVersionIsRejected() {
		assertThatExceptionOfType(dev.migrations.MigrationException.class)
			.isThrownBy(() -> migrator(TestMigration.of("1")).migrate("7"))
			.withMessageContaining("Target version 7")
			.withMessageContaining("not declared by any migration");
	}

	@Test
	void statusReportsPendingWithoutTouchingTheDatabase() throws SQLException {
		DatabaseStatus status = migrator(new V1__CreateUsers(), new V2__AddAdminFlagToUsers()).status();
		assertThat(status.state()).isEqualTo(DatabaseState.PENDING);
		assertThat(status.pending()).isEqualTo(2);
		assertThat(status.currentVersion()).isNull();
		assertThat(status.table()).isEqualTo("schema_migrations");
		assertThat(status.migrations()).extracting(MigrationInfo::description)
			.containsExactly("Create users", "Add admin flag to users");
		assertThat(tables()).isEmpty();
	}

	@Test
	void statusReportsAppliedMigrationsAndHistoryNewestFirst() {
		Migrator migrator = migrator(new V1__CreateUsers(), new V2__AddAdminFlagToUsers());
		migrator.migrate();
		DatabaseStatus status = migrator.status();
		assertThat(status.state()).isEqualTo(DatabaseState.UP_TO_DATE);
		assertThat(status.currentVersion()).isEqualTo("2");
		assertThat(status.migrations()).allSatisfy((info) -> {
			assertThat(info.state()).isEqualTo(MigrationState.APPLIED);
			assertThat(info.appliedAt()).isNotNull();
			assertThat(info.reversible()).isTrue();
		});
		assertThat(status.history()).extracting("version").containsExactly("2", "1");
	}

	@Test
	void groupAppliesAllOrNothing() throws SQLException {
		List<Migration> migrations = List.of(TestMigration.of("1", "CREATE TABLE t1 (id int)"),
				TestMigration.of("2", "CREATE TABLE t2 (id int)"),
				TestMigration.failing("3", "boom", "CREATE TABLE t3 (id int)"));
		Migrator grouped = Migrator.create(this.dataSource, migrations, settings().withGroup(true));
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(grouped::migrate)
			.withMessageContaining("whole group")
			.withMessageContaining("boom");
		assertThat(tables()).doesNotContain("t1", "t2", "t3");
		assertThat(successfulUps()).isZero();
		RunResult result = Migrator
			.create(this.dataSource, List.of(migrations.get(0), migrations.get(1), TestMigration.of("3")),
					settings().withGroup(true))
			.migrate();
		assertThat(result.count()).isEqualTo(3);
		assertThat(tables()).contains("t1", "t2");
		assertThat(successfulUps()).isEqualTo(3);
	}

	@Test
	void failedNonTransactionalMigrationBlocksUntilRepaired() throws SQLException {
		TestMigration partial = TestMigration.failing("2", "half way", "CREATE TABLE partial (id int)")
			.nonTransactional();
		assertThatExceptionOfType(MigrationFailedException.class)
			.isThrownBy(() -> migrator(TestMigration.of("1"), partial).migrate())
			.withMessageContaining("outside a transaction")
			.withMessageContaining("partial change")
			.withMessageContaining("repair");
		assertThat(tables()).contains("partial");
		assertThatExceptionOfType(MigrationValidationException.class)
			.isThrownBy(() -> migrator(TestMigration.of("1"), partial).migrate())
			.withMessageContaining("Migration 2 (")
			.withMessageContaining("not transactional and failed")
			.withMessageContaining("run repair");
	}

	@Test
	void nonTransactionalMigrationIsRecorded() {
		RunResult result = migrator(TestMigration.of("1", "CREATE TABLE t1 (id int)").nonTransactional(),
				TestMigration.of("2", "CREATE TABLE t2 (id int)"))
			.migrate();
		assertThat(result.count()).isEqualTo(2);
		assertThat(successfulUps()).isEqualTo(2);
	}

	@Test
	void eightInstancesMigratingAtOnceApplyEveryMigrationExactlyOnce() throws Exception {
		List<TestMigration> migrations = new ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			migrations.add(TestMigration.of(String.valueOf(i), "CREATE TABLE race_" + i + " (id int)"));
		}
		int instances = 8;
		CountDownLatch ready = new CountDownLatch(instances);
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService executor = Executors.newFixedThreadPool(instances);
		List<HikariDataSource> dataSources = new ArrayList<>();
		try {
			List<Future<RunResult>> results = new ArrayList<>();
			for (int i = 0; i < instances; i++) {
				HikariDataSource instance = new HikariDataSource();
				instance.setJdbcUrl(url());
				instance.setMaximumPoolSize(2);
				dataSources.add(instance);
				Migrator migrator = Migrator.create(instance, migrations, settings());
				results.add(executor.submit(() -> {
					ready.countDown();
					go.await();
					return migrator.migrate();
				}));
			}
			ready.await();
			go.countDown();
			int applied = 0;
			for (Future<RunResult> result : results) {
				applied += result.get(60, TimeUnit.SECONDS).count();
			}
			assertThat(applied).isEqualTo(5);
		}
		finally {
			executor.shutdownNow();
			dataSources.forEach(HikariDataSource::close);
		}
		assertThat(migrations).allSatisfy((migration) -> assertThat(migration.runs()).isEqualTo(1));
		assertThat(successfulUps()).isEqualTo(5);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM schema_migrations WHERE NOT success", Integer.class))
			.isZero();
	}

	@Test
	void processKilledMidMigrationLeavesNoPartialChangeAndNoLock() throws Exception {
		Process child = startSlowMigrationProcess();
		child.destroyForcibly();
		child.waitFor(30, TimeUnit.SECONDS);
		assertThat(tables()).contains("before_slow").doesNotContain("slow");
		RunResult result = Migrator
			.create(this.dataSource, SlowMigrationProcess.migrations(false),
					settings().withLockTimeout(Duration.ofSeconds(10)))
			.migrate();
		assertThat(result.outcomes()).extracting("version").containsExactly("2");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM slow", Integer.class)).isEqualTo(1);
		assertThat(successfulUps()).isEqualTo(2);
	}

	@Test
	@ExtendWith(ConsoleOutput.class)
	void waitingForTheLockSaysWhoHoldsItAndTheTimeoutAsWritten(ConsoleOutput output) throws Exception {
		Process child = startSlowMigrationProcess();
		try {
			Migrator waiting = Migrator.create(this.dataSource, SlowMigrationProcess.migrations(false),
					settings().withLockTimeout(Duration.ofSeconds(1)));
			assertThatExceptionOfType(LockTimeoutException.class).isThrownBy(waiting::migrate)
				.withMessageContaining("for longer than 1s (" + lockHolder(child))
				.withMessageContaining("raise migrations.lock-timeout");
			assertThat(output).containsOnlyOnce("Waiting up to 1s for the migration lock");
			assertThat(output.toString().lines().filter((line) -> line.contains("Waiting up to 1s")))
				.singleElement(as(InstanceOfAssertFactories.STRING))
				.contains(", held by " + lockHolder(child));
		}
		finally {
			child.destroyForcibly();
			child.waitFor(30, TimeUnit.SECONDS);
		}
	}

	/**
	 * Return how a lock held by the given process begins to be described.
	 */
	protected abstract String lockHolder(Process holder);

	/**
	 * Start {@link SlowMigrationProcess} and return once it holds the lock, in the middle
	 * of its second migration.
	 */
	private Process startSlowMigrationProcess() throws Exception {
		Path marker = Files.createTempFile("slow-migration", ".started");
		Files.delete(marker);
		Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), SlowMigrationProcess.class.getName(), url(), marker.toString())
			.inheritIO()
			.start();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (!Files.exists(marker)) {
			if (!child.isAlive() || System.nanoTime() > deadline) {
				child.destroyForcibly();
				throw new IllegalStateException("The child process did not reach its slow migration in time");
			}
			Thread.onSpinWait();
		}
		return child;
	}

	protected Migrator migrator(Migration... migrations) {
		return migrator(List.of(migrations));
	}

	protected Migrator migrator(List<Migration> migrations) {
		return Migrator.create(this.dataSource, migrations, settings());
	}

	protected MigratorSettings settings() {
		return MigratorSettings.defaults("dataSource");
	}

	protected int historyRows() {
		return this.jdbc.queryForObject("SELECT count(*) FROM schema_migrations", Integer.class);
	}

	protected int successfulUps() {
		return this.jdbc.queryForObject("SELECT count(*) FROM schema_migrations WHERE operation = 'UP' AND success",
				Integer.class);
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

	protected List<String> columns(String table) throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				ResultSet columns = connection.getMetaData().getColumns(null, null, table, "%")) {
			List<String> names = new ArrayList<>();
			while (columns.next()) {
				names.add(columns.getString("COLUMN_NAME"));
			}
			return names;
		}
	}

	private static Migration usersRow(String version) {
		return TestMigration.of(version, "INSERT INTO users (id, name) VALUES (1, 'O''Brien')");
	}

	static class V1__CreateUsers implements Migration {

		@Override
		public void up(MigrationContext context) {
			context.jdbc().execute("CREATE TABLE users (id bigint PRIMARY KEY, name varchar(100))");
		}

		@Override
		public void down(MigrationContext context) {
			context.jdbc().execute("DROP TABLE users");
		}

	}

	static class V1_0__CreateOrders implements Migration {

		@Override
		public void up(MigrationContext context) {
			context.jdbc().execute("CREATE TABLE orders (id bigint PRIMARY KEY)");
		}

	}

	static class V2__AddAdminFlagToUsers implements Migration {

		@Override
		public void up(MigrationContext context) {
			context.jdbc().execute("ALTER TABLE users ADD COLUMN is_admin boolean DEFAULT false");
		}

		@Override
		public void down(MigrationContext context) {
			context.jdbc().execute("ALTER TABLE users DROP COLUMN is_admin");
		}

	}

	static class CreateOrders implements Migration {

		@Override
		public void up(MigrationContext context) {
			context.jdbc().execute("CREATE TABLE orders (id bigint PRIMARY KEY)");
		}

	}

}
