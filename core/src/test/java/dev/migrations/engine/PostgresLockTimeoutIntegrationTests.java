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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.migrations.Migration;
import dev.migrations.MigrationContext;
import dev.migrations.MigrationFailedException;
import dev.migrations.Migrator;
import dev.migrations.MigratorSettings;
import dev.migrations.MigratorSettings.StatementLimits;
import dev.migrations.RunResult;
import dev.migrations.testsupport.ConsoleOutput;
import dev.migrations.testsupport.PostgresTestDatabase;
import dev.migrations.testsupport.TestMigration;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Lock timeouts on PostgreSQL: a session holding a lock on a table makes a migration that
 * needs a stronger lock time out, roll back and try again, and the blocker is named.
 */
@ExtendWith(ConsoleOutput.class)
class PostgresLockTimeoutIntegrationTests {

	private static final Migration CREATE_TABLE = TestMigration.of("1", "CREATE TABLE t1 (id int)");

	private PostgresTestDatabase database;

	private HikariDataSource dataSource;

	private Connection blocker;

	private int blockerPid;

	@BeforeEach
	void createDatabaseAndBlocker() throws SQLException {
		this.database = PostgresTestDatabase.create(PostgresLockTimeoutIntegrationTests.class);
		this.dataSource = this.database.dataSource();
		Migrator.create(this.dataSource, List.of(CREATE_TABLE), settings(StatementLimits.defaults())).migrate();
		this.blocker = this.database.connect();
		try (Statement statement = this.blocker.createStatement()) {
			statement.execute("SET application_name = 'report-job'");
			this.blockerPid = queryInt(statement, "SELECT pg_backend_pid()");
			this.blocker.setAutoCommit(false);
			queryInt(statement, "SELECT count(*) FROM t1");
		}
	}

	@AfterEach
	void close() throws SQLException {
		this.blocker.close();
		this.dataSource.close();
	}

	@Test
	void migrationBlockedByAnOpenTransactionIsTriedAgainAndSucceedsOnceItEnds(ConsoleOutput output) throws Exception {
		CountDownLatch secondTry = new CountDownLatch(1);
		AtomicInteger tries = new AtomicInteger();
		Migration addColumn = new JavaMigration("2", null, (context) -> {
			if (tries.incrementAndGet() == 2) {
				secondTry.countDown();
			}
			context.jdbc().execute("ALTER TABLE t1 ADD COLUMN name text");
		});
		CompletableFuture<RunResult> run = CompletableFuture
			.supplyAsync(() -> migrator(new StatementLimits(Duration.ofMillis(300), null, 20), addColumn).migrate());
		assertThat(secondTry.await(30, TimeUnit.SECONDS)).isTrue();
		this.blocker.rollback();
		RunResult result = run.get(30, TimeUnit.SECONDS);
		assertThat(result.count()).isEqualTo(1);
		assertThat(tries.get()).isGreaterThanOrEqualTo(2);
		assertThat(columnCount()).isEqualTo(2);
		assertThat(output.toString()).contains("migration 2 (")
			.contains("waited longer than the lock timeout of 300ms for a lock")
			.contains("waiting for AccessExclusiveLock on t1, blocked by PostgreSQL backend pid " + this.blockerPid)
			.contains("application 'report-job'")
			.contains("state 'idle in transaction'")
			.contains("query: SELECT count(*) FROM t1")
			.contains("rolled back (try 1 of 21), trying again in ");
	}

	@Test
	void migrationStillBlockedAfterTheLastTryFailsNamingTheBlocker() throws SQLException {
		Migration addColumn = TestMigration.of("2", "ALTER TABLE t1 ADD COLUMN name text");
		Migrator migrator = migrator(new StatementLimits(Duration.ofMillis(200), null, 1), addColumn);
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(migrator::migrate)
			.withMessageContaining("Migration 2 (")
			.withMessageContaining("was rolled back: it waited longer than the lock timeout of 200ms for a lock "
					+ "on each of 2 tries, waiting for AccessExclusiveLock on t1, blocked by PostgreSQL backend pid "
					+ this.blockerPid + " (application 'report-job', state 'idle in transaction', query started ")
			.withMessageContaining("query: SELECT count(*) FROM t1)")
			.withMessageContaining("[SQL state 55P03]")
			.withMessageContaining("Let the blocking session finish (or end it), or give the migration a longer "
					+ "lock timeout (migrations.postgresql.lock-timeout");
		this.blocker.rollback();
		assertThat(columnCount()).isEqualTo(1);
		assertThat(new JdbcTemplate(this.dataSource).queryForObject(
				"SELECT count(*) FROM schema_migrations WHERE version = '2' AND NOT success", Integer.class))
			.isEqualTo(1);
	}

	@Test
	void migrationsOwnLockTimeoutOverridesTheSetting() {
		Migration addColumn = new JavaMigration("2", Duration.ofMillis(100),
				(context) -> context.jdbc().execute("ALTER TABLE t1 ADD COLUMN name text"));
		Migrator migrator = migrator(new StatementLimits(Duration.ZERO, null, 0), addColumn);
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(migrator::migrate)
			.withMessageContaining("waited longer than the lock timeout of 100ms for a lock, waiting for "
					+ "AccessExclusiveLock on t1, blocked by PostgreSQL backend pid " + this.blockerPid);
	}

	@Test
	void transactionalMigrationRunsWithLockAndStatementTimeoutOfItsTransactionOnly() throws SQLException {
		this.blocker.rollback();
		AtomicReference<String> seen = new AtomicReference<>();
		Migration show = new JavaMigration("2", null, (context) -> seen.set(context.jdbc()
			.queryForObject("SELECT current_setting('lock_timeout') || ' ' || current_setting('statement_timeout')",
					String.class)));
		migrator(new StatementLimits(Duration.ofMillis(1500), Duration.ofSeconds(30), 3), show).migrate();
		assertThat(seen.get()).isEqualTo("1500ms 30s");
		assertSessionsHaveNoTimeouts();
	}

	@Test
	void nonTransactionalMigrationSetsTheLockTimeoutForItsSessionAndPutsItBack() throws SQLException {
		this.blocker.rollback();
		AtomicReference<String> seen = new AtomicReference<>();
		Migration concurrently = new JavaMigration("2", null, (context) -> {
			seen.set(context.jdbc().queryForObject("SHOW lock_timeout", String.class));
			context.jdbc().execute("CREATE INDEX CONCURRENTLY t1_id ON t1 (id)");
		}) {

			@Override
			public boolean transactional() {
				return false;
			}

		};
		migrator(new StatementLimits(Duration.ofSeconds(2), null, 3), concurrently).migrate();
		assertThat(seen.get()).isEqualTo("2s");
		assertSessionsHaveNoTimeouts();
	}

	private void assertSessionsHaveNoTimeouts() throws SQLException {
		// Both of the pool's connections, the migration's among them.
		try (Connection first = this.dataSource.getConnection(); Connection second = this.dataSource.getConnection()) {
			for (Connection connection : List.of(first, second)) {
				try (Statement statement = connection.createStatement();
						ResultSet result = statement.executeQuery(
								"SELECT current_setting('lock_timeout') || ' ' || current_setting('statement_timeout')")) {
					result.next();
					assertThat(result.getString(1)).isEqualTo("0 0");
				}
			}
		}
	}

	private Migrator migrator(StatementLimits limits, Migration... migrations) {
		List<Migration> all = new java.util.ArrayList<>(List.of(CREATE_TABLE));
		all.addAll(List.of(migrations));
		this.dataSource.setMaximumPoolSize(2);
		return Migrator.create(this.dataSource, all, settings(limits));
	}

	private static MigratorSettings settings(StatementLimits limits) {
		return MigratorSettings.defaults("dataSource").withStatementLimits(limits);
	}

	private int columnCount() {
		return new JdbcTemplate(this.dataSource)
			.queryForObject("SELECT count(*) FROM information_schema.columns WHERE table_name = 't1'", Integer.class);
	}

	private static int queryInt(Statement statement, String sql) throws SQLException {
		try (ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getInt(1);
		}
	}

	private static class JavaMigration implements Migration {

		private final String version;

		private final @Nullable Duration lockTimeout;

		private final Body body;

		JavaMigration(String version, @Nullable Duration lockTimeout, Body body) {
			this.version = version;
			this.lockTimeout = lockTimeout;
			this.body = body;
		}

		@Override
		public String version() {
			return this.version;
		}

		@Override
		public String description() {
			return "Java migration " + this.version;
		}

		@Override
		public @Nullable Duration lockTimeout() {
			return this.lockTimeout;
		}

		@Override
		public void up(MigrationContext context) throws Exception {
			this.body.run(context);
		}

	}

	@FunctionalInterface
	interface Body {

		void run(MigrationContext context) throws Exception;

	}

}
