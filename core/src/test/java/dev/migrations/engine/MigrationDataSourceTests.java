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
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.MigrationException;
import dev.migrations.Migrator;
import dev.migrations.MigratorSettings;
import dev.migrations.testsupport.ConsoleOutput;
import dev.migrations.testsupport.SqliteTestDatabase;
import dev.migrations.testsupport.TestMigration;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Connect retries and init SQL on SQLite, and against a port where nothing listens.
 */
@ExtendWith(ConsoleOutput.class)
class MigrationDataSourceTests {

	@TempDir
	Path directory;

	private HikariDataSource sqlite;

	@BeforeEach
	void openDatabase() {
		this.sqlite = SqliteTestDatabase.in(this.directory).dataSource();
	}

	@AfterEach
	void closeDatabase() {
		this.sqlite.close();
	}

	@Test
	void firstConnectionIsRetriedUntilTheDatabaseAnswers(ConsoleOutput output) {
		RefusingDataSource refusing = new RefusingDataSource(this.sqlite, 2);
		Migrator migrator = Migrator.create(refusing, List.of(TestMigration.of("1", "CREATE TABLE t1 (id INTEGER)")),
				settings().withConnectRetries(2, Duration.ZERO));
		assertThat(migrator.migrate().count()).isEqualTo(1);
		assertThat(refusing.calls()).isGreaterThan(3);
		assertThat(output.toString())
			.containsOnlyOnce(
					"dataSource: cannot connect to the database (attempt 1/3): database starting [SQL state 08001]; "
							+ "trying again in 0s")
			.containsOnlyOnce("(attempt 2/3)")
			.doesNotContain("(attempt 3/3)");
	}

	@Test
	void failureAfterTheLastRetryNamesTheDataSourceAndTheAttempts() {
		RefusingDataSource refusing = new RefusingDataSource(this.sqlite, 3);
		Migrator migrator = Migrator.create(refusing, List.of(TestMigration.of("1", "CREATE TABLE t1 (id INTEGER)")),
				settings().withConnectRetries(2, Duration.ofMillis(1)));
		assertThatExceptionOfType(MigrationException.class).isThrownBy(migrator::migrate)
			.withMessage("Cannot connect to DataSource 'dataSource' after 3 attempts 1ms apart: database starting "
					+ "[SQL state 08001]. Check that the database is up and reachable, or give it more time with "
					+ "migrations.connect-retries and migrations.connect-retries-interval.");
		assertThat(refusing.calls()).isEqualTo(3);
		assertThat(tables()).isEmpty();
	}

	@Test
	void portWhereNothingListensFailsAfterEveryAttempt(ConsoleOutput output) throws IOException {
		DriverManagerDataSource nothing = new DriverManagerDataSource(
				"jdbc:postgresql://127.0.0.1:" + freePort() + "/app?connectTimeout=2", "owner", "s3cret-pw");
		Migrator migrator = Migrator.create(nothing, List.of(TestMigration.of("1", "CREATE TABLE t1 (id INTEGER)")),
				settings().withConnectRetries(2, Duration.ofMillis(5)));
		assertThatExceptionOfType(MigrationException.class).isThrownBy(migrator::migrate)
			.withMessageStartingWith("Cannot connect to DataSource 'dataSource' after 3 attempts 5ms apart: ")
			.withMessageContaining("refused")
			.withMessageContaining("[SQL state 08001]");
		assertThat(output.toString()).containsOnlyOnce("(attempt 1/3)")
			.containsOnlyOnce("(attempt 2/3)")
			.doesNotContain("s3cret-pw");
	}

	@Test
	void withoutRetriesTheFirstFailureStops() {
		RefusingDataSource refusing = new RefusingDataSource(this.sqlite, 1);
		Migrator migrator = Migrator.create(refusing, List.of(TestMigration.of("1", "CREATE TABLE t1 (id INTEGER)")),
				settings());
		assertThatExceptionOfType(MigrationException.class).isThrownBy(migrator::migrate)
			.withMessageStartingWith("Migrating DataSource 'dataSource' failed: database starting");
		assertThat(refusing.calls()).isEqualTo(1);
	}

	@Test
	void connectionsAreNotRetriedOnceTheDatabaseAnswered() {
		RefusingDataSource refusing = new RefusingDataSource(this.sqlite, 0);
		Migrator migrator = Migrator.create(refusing, List.of(TestMigration.of("1", "CREATE TABLE t1 (id INTEGER)")),
				settings().withConnectRetries(5, Duration.ZERO));
		migrator.status();
		refusing.refuseAgain(1);
		assertThatExceptionOfType(MigrationException.class).isThrownBy(migrator::status)
			.withMessageStartingWith("Reading the history of DataSource 'dataSource' failed: database starting");
	}

	@Test
	void initSqlRunsOnEveryConnectionTheMigrationsUse() {
		TestMigration migration = TestMigration.of("1",
				"CREATE TABLE seen AS SELECT foreign_keys FROM pragma_foreign_keys");
		Migrator migrator = Migrator.create(this.sqlite, List.of(migration),
				settings().withInitSqls(List.of("PRAGMA foreign_keys = ON")));
		migrator.migrate();
		assertThat(new JdbcTemplate(this.sqlite).queryForObject("SELECT foreign_keys FROM seen", Integer.class))
			.isEqualTo(1);
	}

	@Test
	void failingInitSqlNamesTheStatementAndTheProperty() {
		Migrator migrator = Migrator.create(this.sqlite, List.of(TestMigration.of("1", "CREATE TABLE t1 (id INTEGER)")),
				settings().withInitSqls(List.of("PRAGMA foreign_keys = ON", "SET ROLE owner")));
		assertThatExceptionOfType(MigrationException.class).isThrownBy(migrator::migrate)
			.withMessageStartingWith("Init SQL 'SET ROLE owner' of DataSource 'dataSource' failed: ")
			.withMessageContaining("syntax error")
			.withMessageEndingWith(". Correct migrations.init-sqls (or migrations.data-sources.dataSource.init-sqls).");
		assertThat(tables()).isEmpty();
	}

	@Test
	void emptyInitSqlIsRefused() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> settings().withInitSqls(List.of(" ")))
			.withMessage("'initSqls' must not contain empty statements");
	}

	@Test
	void negativeConnectRetriesAreRefused() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> settings().withConnectRetries(-1, Duration.ZERO))
			.withMessage("'connectRetries' must not be negative");
	}

	private MigratorSettings settings() {
		return MigratorSettings.defaults("dataSource");
	}

	private List<String> tables() {
		return new JdbcTemplate(this.sqlite).queryForList("SELECT name FROM sqlite_master WHERE type = 'table'",
				String.class);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/**
	 * A real database that refuses the first connections, as one that is still starting.
	 */
	static final class RefusingDataSource extends DelegatingDataSource {

		private final AtomicInteger calls = new AtomicInteger();

		private final AtomicInteger refusals;

		RefusingDataSource(DataSource dataSource, int refusals) {
			super(dataSource);
			this.refusals = new AtomicInteger(refusals);
		}

		@Override
		public Connection getConnection() throws SQLException {
			this.calls.incrementAndGet();
			if (this.refusals.getAndDecrement() > 0) {
				throw new SQLTransientConnectionException("database starting", "08001");
			}
			return super.getConnection();
		}

		int calls() {
			return this.calls.get();
		}

		void refuseAgain(int refusals) {
			this.refusals.set(refusals);
		}

	}

}
