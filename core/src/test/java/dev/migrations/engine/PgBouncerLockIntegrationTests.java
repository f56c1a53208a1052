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
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.migrations.Migration;
import dev.migrations.MigrationException;
import dev.migrations.MigrationRefusedException;
import dev.migrations.Migrator;
import dev.migrations.MigratorSettings;
import dev.migrations.MigratorSettings.PostgresLock;
import dev.migrations.RunResult;
import dev.migrations.dialect.Dialect;
import dev.migrations.dialect.MigrationLock;
import dev.migrations.testsupport.PgBouncerTestDatabase;
import dev.migrations.testsupport.TestMigration;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The migration lock behind PgBouncer in transaction pooling mode (#22): a session lock
 * is detected as not held once its server connection goes to another client, and the
 * transaction lock lets racing instances apply every migration exactly once.
 */
class PgBouncerLockIntegrationTests {

	private static final String THIS_DATABASE = "database = (SELECT oid FROM pg_database WHERE datname = current_database())";

	private static final int ROUNDS = 5;

	private static final int INSTANCES = 6;

	private static final int MIGRATIONS = 10;

	private PgBouncerTestDatabase database;

	private JdbcTemplate direct;

	private HikariDataSource directDataSource;

	private final List<Connection> occupying = new ArrayList<>();

	@BeforeEach
	void createDatabase() {
		this.database = PgBouncerTestDatabase.create(PgBouncerLockIntegrationTests.class);
		this.directDataSource = this.database.direct().dataSource();
		this.direct = new JdbcTemplate(this.directDataSource);
	}

	@AfterEach
	void closeDatabase() throws SQLException {
		for (Connection connection : this.occupying) {
			connection.close();
		}
		this.directDataSource.close();
	}

	@Test
	void oneClientConnectionReachesAnotherServerConnectionOnceItsOwnIsTaken() throws SQLException {
		try (HikariDataSource pooled = this.database.dataSource(1); Connection client = pooled.getConnection()) {
			int first = backendPid(client);
			occupy(first);
			assertThat(backendPid(client)).isNotEqualTo(first);
		}
	}

	@Test
	void sessionLockWhoseServerConnectionWentToAnotherClientIsNotTakenAsHeld() throws SQLException {
		try (HikariDataSource pooled = this.database.dataSource(2); Connection connection = pooled.getConnection()) {
			Dialect dialect = Dialect.of(connection);
			MigrationLock.Held held = dialect.lock(pooled, "schema_migrations", PostgresLock.SESSION)
				.acquire(Duration.ofSeconds(5));
			try {
				occupy(this.direct.queryForObject(
						"SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 2 AND "
								+ THIS_DATABASE,
						Integer.class));
				assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> held.guard(connection))
					.withMessageContaining("The migration lock on schema_migrations is not held by the session")
					.withMessageContaining("PgBouncer with pool_mode=transaction")
					.withMessageContaining("set migrations.postgresql.lock=transaction");
			}
			finally {
				releaseOccupied();
				held.close();
			}
		}
	}

	@Test
	void racingInstancesWithTheTransactionLockApplyEveryMigrationExactlyOnce() throws Exception {
		this.direct.execute("CREATE TABLE applied (round int, version int)");
		int applied = 0;
		for (int round = 1; round <= ROUNDS; round++) {
			applied += race(round);
			assertThat(this.direct.queryForObject("SELECT count(*) FROM applied WHERE round = ?", Integer.class, round))
				.isEqualTo(MIGRATIONS);
			assertThat(this.direct.queryForObject("SELECT count(DISTINCT version) FROM applied WHERE round = ?",
					Integer.class, round))
				.isEqualTo(MIGRATIONS);
			assertThat(this.direct.queryForObject(
					"SELECT count(*) FROM history_" + round + " WHERE operation = 'UP' AND success", Integer.class))
				.isEqualTo(MIGRATIONS);
			assertThat(this.direct.queryForObject("SELECT count(*) FROM history_" + round + " WHERE NOT success",
					Integer.class))
				.isZero();
		}
		assertThat(applied).isEqualTo(ROUNDS * MIGRATIONS);
		assertThat(this.direct.queryForObject(
				"SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND " + THIS_DATABASE, Integer.class))
			.isZero();
	}

	@Test
	void transactionLockRefusesANonTransactionalMigration() {
		try (HikariDataSource pooled = this.database.dataSource(2)) {
			Migrator migrator = Migrator.create(pooled,
					List.of(TestMigration.of("1", "CREATE TABLE t1 (id int)"),
							TestMigration.of("2", "CREATE INDEX CONCURRENTLY t1_id ON t1 (id)").nonTransactional()),
					settings("schema_migrations"));
			assertThatExceptionOfType(MigrationRefusedException.class).isThrownBy(migrator::migrate)
				.withMessageContaining("Cannot apply migration 2 (")
				.withMessageContaining("it is not transactional")
				.withMessageContaining("Nothing was applied")
				.withMessageContaining("migrations.postgresql.lock=session");
		}
		assertThat(this.direct.queryForObject("SELECT count(*) FROM schema_migrations WHERE operation = 'UP'",
				Integer.class))
			.isZero();
		assertThat(
				this.direct.queryForObject("SELECT count(*) FROM pg_indexes WHERE indexname = 't1_id'", Integer.class))
			.isZero();
	}

	/**
	 * Start the instances at once, each with its own pool through PgBouncer.
	 * @return how many migrations they applied together
	 */
	private int race(int round) throws Exception {
		List<HikariDataSource> dataSources = new ArrayList<>();
		ExecutorService executor = Executors.newFixedThreadPool(INSTANCES);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<RunResult>> results = new ArrayList<>();
			for (int i = 0; i < INSTANCES; i++) {
				HikariDataSource pooled = this.database.dataSource(2);
				dataSources.add(pooled);
				Migrator migrator = Migrator.create(pooled, migrations(round), settings("history_" + round));
				results.add(executor.submit(() -> {
					start.await();
					return migrator.migrate();
				}));
			}
			start.countDown();
			int applied = 0;
			for (Future<RunResult> result : results) {
				applied += result.get(120, TimeUnit.SECONDS).count();
			}
			return applied;
		}
		finally {
			executor.shutdownNow();
			dataSources.forEach(HikariDataSource::close);
		}
	}

	private static List<Migration> migrations(int round) {
		List<Migration> migrations = new ArrayList<>();
		for (int version = 1; version <= MIGRATIONS; version++) {
			migrations
				.add(TestMigration.of(String.valueOf(version), "CREATE TABLE r" + round + "_t" + version + " (id int)",
						"SELECT pg_sleep(0.005)", "INSERT INTO applied VALUES (" + round + ", " + version + ")"));
		}
		return migrations;
	}

	private static MigratorSettings settings(String table) {
		return MigratorSettings.defaults("dataSource")
			.withTable(table)
			.withLockTimeout(Duration.ofSeconds(60))
			.withPostgresLock(PostgresLock.TRANSACTION);
	}

	/**
	 * Keep the given server connection busy: open client connections through PgBouncer,
	 * each in a transaction, until one of them was given it.
	 */
	private void occupy(int pid) throws SQLException {
		for (int i = 0; i < 19; i++) {
			Connection connection = DriverManager.getConnection(this.database.url());
			this.occupying.add(connection);
			connection.setAutoCommit(false);
			if (backendPid(connection) == pid) {
				return;
			}
		}
		throw new IllegalStateException("No client connection through PgBouncer was given backend " + pid);
	}

	private void releaseOccupied() throws SQLException {
		for (Connection connection : this.occupying) {
			connection.close();
		}
		this.occupying.clear();
	}

	private static int backendPid(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT pg_backend_pid()")) {
			result.next();
			return result.getInt(1);
		}
	}

}
