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

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
import dev.migrations.testsupport.MariaDbTestDatabase;
import dev.migrations.testsupport.TestMigration;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * MariaDB connections killed mid-run with {@code KILL} (#22). DDL commits on its own
 * there, so a killed migration may leave its DDL behind: the tests check what is left
 * rather than assume it, and that the message says so.
 */
class MariaDbConnectionLossIntegrationTests {

	private MariaDbTestDatabase database;

	private HikariDataSource dataSource;

	private HikariDataSource observer;

	private JdbcTemplate jdbc;

	@BeforeEach
	void createDatabase() {
		this.database = MariaDbTestDatabase.create(MariaDbConnectionLossIntegrationTests.class);
		this.dataSource = this.database.dataSource();
		this.observer = this.database.dataSource();
		this.jdbc = new JdbcTemplate(this.observer);
	}

	@AfterEach
	void closeDatabase() {
		this.dataSource.close();
		this.observer.close();
	}

	@Test
	void killedMigrationFailsClearlyAndSaysItMayHaveLeftItsDdl() throws Exception {
		Migrator migrator = migrator(TestMigration.of("1", "CREATE TABLE one (id int)"),
				ConnectionLossMigrations.sleeping("2", "two", "SELECT SLEEP(60)"));
		CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(migrator::migrate);
		long id = ConnectionLossMigrations.awaitSession(this.jdbc,
				"SELECT ID FROM information_schema.PROCESSLIST WHERE DB = DATABASE() "
						+ "AND INFO = 'SELECT SLEEP(60)' AND ID <> CONNECTION_ID()");
		this.jdbc.execute("KILL " + id);
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> run.get(30, TimeUnit.SECONDS))
			.havingCause()
			.isInstanceOf(MigrationFailedException.class)
			.withMessageContaining("Migration 2 (")
			.withMessageContaining("so the history does not show it")
			.withMessageContaining("It may have left a partial change, which the history does not show")
			.withMessageContaining("CREATE TABLE two (id int)");
		// The caveat, checked: CREATE TABLE committed on its own, its INSERT did not.
		assertThat(tables()).contains("one", "two");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM two", Integer.class)).isZero();
		assertThat(this.jdbc.queryForList("SELECT version FROM schema_migrations WHERE operation = 'UP'", String.class))
			.containsExactly("1");
		assertThat(lockHolder()).isNull();
		this.jdbc.execute("DROP TABLE two");
		RunResult next = migrator(TestMigration.of("1", "CREATE TABLE one (id int)"),
				TestMigration.of("2", "CREATE TABLE two (id int)"))
			.migrate();
		assertThat(next.outcomes()).extracting("version").containsExactly("2");
	}

	@Test
	void lockConnectionKilledBetweenMigrationsStopsBeforeTheNextOne() {
		MigrationListener killAfterFirst = new MigrationListener() {

			@Override
			public void migrationSucceeded(String dataSourceName, MigrationOutcome outcome) {
				Long holder = lockHolder();
				assertThat(holder).isNotNull();
				MariaDbConnectionLossIntegrationTests.this.jdbc.execute("KILL " + holder);
			}

		};
		Migrator migrator = new DefaultMigrator(this.dataSource,
				List.of(TestMigration.of("1", "CREATE TABLE one (id int)"),
						TestMigration.of("2", "CREATE TABLE two (id int)")),
				MigratorSettings.defaults("dataSource"), killAfterFirst);
		assertThatExceptionOfType(MigrationException.class).isThrownBy(migrator::migrate)
			.withMessageStartingWith("The connection holding the migration lock on schema_migrations")
			.withMessageContaining("was lost")
			.withMessageContaining("Nothing more is applied without the lock");
		assertThat(tables()).contains("one").doesNotContain("two");
		assertThat(lockHolder()).isNull();
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
				"SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY 1",
				String.class);
	}

	private Long lockHolder() {
		return this.jdbc.queryForObject("SELECT IS_USED_LOCK(?)", Long.class, lockName());
	}

	/**
	 * The lock's name as MariaDbNamedLock writes it: readable up to 64 characters, else
	 * hashed.
	 */
	private String lockName() {
		String qualified = this.database.name() + ".schema_migrations";
		if (("migrations:" + qualified).length() <= 64) {
			return "migrations:" + qualified;
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(qualified.getBytes(StandardCharsets.UTF_8));
			return "migrations:" + HexFormat.of().formatHex(digest, 0, 20);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
