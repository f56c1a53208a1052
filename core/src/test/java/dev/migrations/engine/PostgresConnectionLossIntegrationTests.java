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

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.migrations.Migration;
import dev.migrations.MigrationException;
import dev.migrations.MigrationFailedException;
import dev.migrations.MigrationListener;
import dev.migrations.MigrationOutcome;
import dev.migrations.Migrator;
import dev.migrations.MigratorSettings;
import dev.migrations.RunResult;
import dev.migrations.testsupport.PostgresTestDatabase;
import dev.migrations.testsupport.TestMigration;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * PostgreSQL connections killed mid-run (#22): the migration's own, with
 * {@code pg_terminate_backend} while it sleeps, and the lock's. Nothing is half-applied,
 * the lock is gone, the next run completes.
 */
class PostgresConnectionLossIntegrationTests {

	private static final String THIS_DATABASE = "database = (SELECT oid FROM pg_database WHERE datname = current_database())";

	private static final String KILL_LOCK_HOLDER = "SELECT pg_terminate_backend(pid, 5000) FROM pg_locks "
			+ "WHERE locktype = 'advisory' AND objsubid = 2 AND " + THIS_DATABASE;

	private HikariDataSource dataSource;

	private HikariDataSource observer;

	private JdbcTemplate jdbc;

	@BeforeEach
	void createDatabase() {
		PostgresTestDatabase database = PostgresTestDatabase.create(PostgresConnectionLossIntegrationTests.class);
		this.dataSource = database.dataSource();
		this.observer = database.dataSource();
		this.jdbc = new JdbcTemplate(this.observer);
	}

	@AfterEach
	void closeDatabase() {
		this.dataSource.close();
		this.observer.close();
	}

	@Test
	void migrationWhoseConnectionIsTerminatedFailsClearlyAndLeavesNothingHalfApplied() throws Exception {
		Migrator migrator = migrator(TestMigration.of("1", "CREATE TABLE one (id int)"),
				ConnectionLossMigrations.sleeping("2", "two", "SELECT pg_sleep(60)"));
		CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(migrator::migrate);
		long pid = ConnectionLossMigrations.awaitSession(this.jdbc,
				"SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
						+ "AND query = 'SELECT pg_sleep(60)' AND pid <> pg_backend_pid()");
		assertThat(this.jdbc.queryForObject("SELECT pg_terminate_backend(?::int, 5000)", Boolean.class, pid)).isTrue();
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> run.get(30, TimeUnit.SECONDS))
			.havingCause()
			.isInstanceOf(MigrationFailedException.class)
			.withMessageContaining("Migration 2 (")
			.withMessageContaining("terminating connection due to administrator command")
			.withMessageContaining("so the history does not show it")
			.withMessageContaining(
					"Its transaction did not commit, so nothing of it is applied and the history is unchanged");
		assertThat(tables()).contains("one").doesNotContain("two");
		assertThat(this.jdbc.queryForList("SELECT version FROM schema_migrations WHERE operation = 'UP'", String.class))
			.containsExactly("1");
		assertThat(advisoryLocks()).isZero();
		RunResult next = migrator(TestMigration.of("1", "CREATE TABLE one (id int)"),
				TestMigration.of("2", "CREATE TABLE two (id int)"))
			.migrate();
		assertThat(next.outcomes()).extracting("version").containsExactly("2");
	}

	@Test
	void lockConnectionTerminatedWhileAMigrationRunsRollsItBackAndStopsTheRun() throws SQLException {
		Migrator migrator = migrator(TestMigration.of("1", "CREATE TABLE one (id int)", KILL_LOCK_HOLDER),
				TestMigration.of("2", "CREATE TABLE two (id int)"));
		assertThatExceptionOfType(MigrationException.class).isThrownBy(migrator::migrate)
			.withMessageContaining("Migration 1 (")
			.withMessageContaining("ran, but is rolled back, not committed")
			.withMessageContaining("The connection holding the migration lock on schema_migrations was lost")
			.withMessageContaining("Nothing more is applied without the lock");
		assertThat(tables()).doesNotContain("one", "two");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM schema_migrations WHERE operation = 'UP'",
				Integer.class))
			.isZero();
		assertThat(advisoryLocks()).isZero();
		RunResult next = migrator(TestMigration.of("1", "CREATE TABLE one (id int)"),
				TestMigration.of("2", "CREATE TABLE two (id int)"))
			.migrate();
		assertThat(next.outcomes()).extracting("version").containsExactly("1", "2");
	}

	@Test
	void lockConnectionTerminatedBetweenMigrationsStopsBeforeTheNextOne() throws SQLException {
		MigrationListener killAfterFirst = new MigrationListener() {

			@Override
			public void migrationSucceeded(String dataSourceName, MigrationOutcome outcome) {
				PostgresConnectionLossIntegrationTests.this.jdbc.queryForList(KILL_LOCK_HOLDER, Boolean.class);
			}

		};
		Migrator migrator = new DefaultMigrator(this.dataSource,
				List.of(TestMigration.of("1", "CREATE TABLE one (id int)"),
						TestMigration.of("2", "CREATE TABLE two (id int)")),
				MigratorSettings.defaults("dataSource"), killAfterFirst);
		assertThatExceptionOfType(MigrationException.class).isThrownBy(migrator::migrate)
			.withMessageStartingWith("The connection holding the migration lock on schema_migrations was lost")
			.withMessageContaining("Nothing more is applied without the lock");
		assertThat(tables()).contains("one").doesNotContain("two");
		assertThat(this.jdbc.queryForList("SELECT version FROM schema_migrations WHERE operation = 'UP'", String.class))
			.containsExactly("1");
		assertThat(advisoryLocks()).isZero();
		assertThat(migrator(TestMigration.of("1", "CREATE TABLE one (id int)"),
				TestMigration.of("2", "CREATE TABLE two (id int)"))
			.migrate()
			.outcomes()).extracting("version").containsExactly("2");
	}

	private Migrator migrator(Migration... migrations) {
		return Migrator.create(this.dataSource, List.of(migrations), MigratorSettings.defaults("dataSource"));
	}

	private List<String> tables() {
		return this.jdbc.queryForList(
				"SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
				String.class);
	}

	private int advisoryLocks() {
		return this.jdbc.queryForObject(
				"SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND " + THIS_DATABASE, Integer.class);
	}

}
