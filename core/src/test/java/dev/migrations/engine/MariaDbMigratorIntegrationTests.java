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

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import dev.migrations.DatabaseKind;
import dev.migrations.DatabaseState;
import dev.migrations.DatabaseStatus;
import dev.migrations.Migration;
import dev.migrations.MigrationContext;
import dev.migrations.MigrationException;
import dev.migrations.MigrationFailedException;
import dev.migrations.MigrationInfo;
import dev.migrations.MigrationState;
import dev.migrations.MigrationValidationException;
import dev.migrations.Migrator;
import dev.migrations.RepairResult;
import dev.migrations.RunResult;
import dev.migrations.testsupport.MariaDbTestDatabase;
import dev.migrations.testsupport.TestMigration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The engine on MariaDB, where DDL commits on its own: the behaviours that hold on every
 * database, and in place of those that need transactional DDL, what MariaDB does instead.
 */
class MariaDbMigratorIntegrationTests extends AbstractMigratorTests {

	private MariaDbTestDatabase database;

	@Override
	protected HikariDataSource createDataSource() {
		this.database = MariaDbTestDatabase.create(MariaDbMigratorIntegrationTests.class);
		return this.database.dataSource();
	}

	@Override
	protected String lockHolder(Process holder) {
		return "connection ";
	}

	@Override
	protected String url() {
		return this.database.url();
	}

	@Test
	@Override
	void failingMigrationLeavesNoTraceAndStopsTheRun() throws SQLException {
		TestMigration third = TestMigration.of("3", "CREATE TABLE third (id int)");
		Migrator migrator = migrator(new V1__CreateUsers(), TestMigration.failing("2", "disk on fire",
				"CREATE TABLE half_done (id int)", "INSERT INTO users (id, name) VALUES (7, 'x')"), third);
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(migrator::migrate)
			.withMessageContaining("Migration 2 (" + TestMigration.class.getName() + ")")
			.withMessageContaining("disk on fire")
			.withMessageContaining("may have left a partial change")
			.withMessageContaining("MariaDB")
			.withMessageContaining("1. CREATE TABLE half_done (id int); 2. INSERT INTO users")
			.withMessageContaining("undo them by hand")
			.withMessageContaining("run repair")
			.withMessageContaining("Nothing after it ran");
		assertThat(tables()).contains("users", "half_done").doesNotContain("third");
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
	}

	@Test
	@Override
	void failedMigrationRunsAgainOnceFixed() throws SQLException {
		assertThatExceptionOfType(MigrationFailedException.class)
			.isThrownBy(() -> migrator(TestMigration.failing("1", "not yet", "CREATE TABLE t1 (id int)")).migrate());
		Migrator fixed = migrator(TestMigration.of("1", "CREATE TABLE t1 (id int)"));
		assertThatExceptionOfType(MigrationValidationException.class).isThrownBy(fixed::migrate)
			.withMessageContaining("Migration 1 (")
			.withMessageContaining("DDL commits on its own")
			.withMessageContaining("run repair");
		this.jdbc.execute("DROP TABLE t1");
		assertThat(fixed.repair().failuresCleared()).containsExactly("1");
		assertThat(fixed.migrate().count()).isEqualTo(1);
		assertThat(fixed.status().state()).isEqualTo(DatabaseState.UP_TO_DATE);
	}

	@Test
	void partialChangeIsNamedStatementByStatementThenRepaired() throws SQLException {
		Migration broken = migration("2", "CREATE TABLE orders (id bigint PRIMARY KEY)",
				"ALTER TABLE orders ADD COLUMN total decimal(10,2)", "ALTER TABLE orders ADD COLUMN total int");
		assertThatExceptionOfType(MigrationFailedException.class)
			.isThrownBy(() -> migrator(new V1__CreateUsers(), broken).migrate())
			.withMessageContaining("failed at statement [ALTER TABLE orders ADD COLUMN total int]")
			.withMessageContaining("Duplicate column name")
			.withMessageContaining("Statements that ran before the failure: 1. CREATE TABLE orders (id bigint "
					+ "PRIMARY KEY); 2. ALTER TABLE orders ADD COLUMN total decimal(10,2).")
			.withMessageContaining("check those changes in the database")
			.withMessageContaining("then run repair");
		assertThat(columns("orders")).containsExactly("id", "total");
		Migration fixed = migration("2", "CREATE TABLE orders (id bigint PRIMARY KEY)",
				"ALTER TABLE orders ADD COLUMN total decimal(10,2)", "ALTER TABLE orders ADD COLUMN paid boolean");
		assertThatExceptionOfType(MigrationValidationException.class)
			.isThrownBy(() -> migrator(new V1__CreateUsers(), fixed).migrate())
			.withMessageContaining("Migration 2 (")
			.withMessageContaining("may have left a partial change")
			.withMessageContaining("run repair");
		assertThat(migrator(new V1__CreateUsers(), fixed).status().state()).isEqualTo(DatabaseState.FAILED);
		this.jdbc.execute("DROP TABLE orders");
		RepairResult repair = migrator(new V1__CreateUsers(), fixed).repair();
		assertThat(repair.failuresCleared()).containsExactly("2");
		RunResult result = migrator(new V1__CreateUsers(), fixed).migrate();
		assertThat(result.outcomes()).extracting("version").containsExactly("2");
		assertThat(columns("orders")).containsExactly("id", "total", "paid");
		assertThat(migrator(new V1__CreateUsers(), fixed).status().state()).isEqualTo(DatabaseState.UP_TO_DATE);
	}

	@Test
	void dataOnlyMigrationRollsBackAndCommitsTogetherWithItsHistoryRow() throws SQLException {
		migrator(new V1__CreateUsers()).migrate();
		TestMigration failing = TestMigration.of("2", "INSERT INTO users (id, name) VALUES (1, 'ann')",
				"INSERT INTO users (id, name) VALUES (1, 'bob')");
		assertThatExceptionOfType(MigrationFailedException.class)
			.isThrownBy(() -> migrator(new V1__CreateUsers(), failing).migrate())
			.withMessageContaining("failed at statement [INSERT INTO users (id, name) VALUES (1, 'bob')]")
			.withMessageContaining("Duplicate entry");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM users", Integer.class)).isZero();
		TestMigration fixed = TestMigration.of("2", "INSERT INTO users (id, name) VALUES (1, 'ann')",
				"INSERT INTO users (id, name) VALUES (2, 'bob')");
		migrator(new V1__CreateUsers(), fixed).repair();
		assertThat(migrator(new V1__CreateUsers(), fixed).migrate().count()).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM users", Integer.class)).isEqualTo(2);
		assertThat(successfulUps()).isEqualTo(2);
	}

	@Test
	@Override
	void groupAppliesAllOrNothing() throws SQLException {
		Migrator grouped = Migrator.create(this.dataSource, List.of(TestMigration.of("1", "CREATE TABLE t1 (id int)")),
				settings().withGroup(true));
		assertThatExceptionOfType(MigrationException.class).isThrownBy(grouped::migrate)
			.withMessageContaining("Cannot apply the migrations of DataSource 'dataSource' as one group")
			.withMessageContaining("commits each DDL statement on its own")
			.withMessageContaining("Set migrations.group=false");
		assertThat(tables()).isEmpty();
	}

	@Test
	@Override
	void processKilledMidMigrationLeavesNoPartialChangeAndNoLock() throws Exception {
		Path marker = Files.createTempFile("slow-migration", ".started");
		Files.delete(marker);
		Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), SlowMigrationProcess.class.getName(), url(), marker.toString())
			.inheritIO()
			.start();
		try {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
			while (!Files.exists(marker)) {
				assertThat(child.isAlive()).as("child process alive").isTrue();
				assertThat(System.nanoTime()).as("child reached the slow migration in time").isLessThan(deadline);
				Thread.onSpinWait();
			}
		}
		finally {
			child.destroyForcibly();
			child.waitFor(30, TimeUnit.SECONDS);
		}
		// DDL committed on its own: the table stays, its uncommitted row does not.
		assertThat(tables()).contains("before_slow", "slow");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM slow", Integer.class)).isZero();
		Migrator migrator = Migrator.create(this.dataSource, SlowMigrationProcess.migrations(false),
				settings().withLockTimeout(Duration.ofSeconds(10)));
		// The lock died with the process: the next run takes it and meets the partial
		// change.
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(migrator::migrate)
			.withMessageContaining("failed at statement [CREATE TABLE slow (id int)]")
			.withMessageContaining("already exists");
		this.jdbc.execute("DROP TABLE slow");
		migrator.repair();
		assertThat(migrator.migrate().outcomes()).extracting("version").containsExactly("2");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM slow", Integer.class)).isEqualTo(1);
		assertThat(successfulUps()).isEqualTo(2);
	}

	@Test
	void historyTableLivesInTheCurrentDatabase() {
		migrator(new V1__CreateUsers()).migrate();
		assertThat(
				this.jdbc.queryForObject(
						"SELECT count(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? "
								+ "AND TABLE_NAME IN ('users', 'schema_migrations')",
						Integer.class, this.database.name()))
			.isEqualTo(2);
		DatabaseStatus status = migrator(new V1__CreateUsers()).status();
		assertThat(status.database()).startsWith("MariaDB ");
		assertThat(status.table()).isEqualTo("schema_migrations");
	}

	@Test
	void schemaIsADatabaseThatHoldsTheHistoryAndTheMigrationsTables() {
		String app = this.database.name() + "_app";
		try {
			Migrator migrator = Migrator.create(this.dataSource,
					List.of(TestMigration.of("1", "CREATE TABLE t1 (id int)")), settings().withSchema(app));
			migrator.migrate();
			assertThat(this.jdbc.queryForObject("SELECT count(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?"
					+ " AND TABLE_NAME IN ('t1', 'schema_migrations')", Integer.class, app))
				.isEqualTo(2);
			assertThat(migrator.status().table()).isEqualTo(app + ".schema_migrations");
			assertThat(migrator.migrate().count()).isZero();
			assertThat(this.jdbc.queryForObject("SELECT DATABASE()", String.class)).isEqualTo(this.database.name());
		}
		finally {
			this.jdbc.execute("DROP DATABASE IF EXISTS " + app);
		}
	}

	@Test
	void migrationsSeeTheDatabaseKind() {
		V1__RecordKind probe = new V1__RecordKind();
		migrator(probe).migrate();
		assertThat(probe.seen).containsExactly(DatabaseKind.MARIADB);
	}

	@Override
	protected List<String> tables() {
		return this.jdbc.queryForList(
				"SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()", String.class);
	}

	@Override
	protected List<String> columns(String table) {
		return this.jdbc.queryForList("SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = "
				+ "DATABASE() AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION", String.class, table);
	}

	private static Migration migration(String version, String... statements) {
		return TestMigration.of(version, statements);
	}

	static class V1__RecordKind implements Migration {

		final List<DatabaseKind> seen = new ArrayList<>();

		@Override
		public void up(MigrationContext context) {
			this.seen.add(context.database());
		}

	}

}
