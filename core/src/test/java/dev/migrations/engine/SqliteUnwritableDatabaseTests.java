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

import java.nio.file.Path;
import java.util.List;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Migration;
import dev.migrations.MigrationException;
import dev.migrations.Migrator;
import dev.migrations.MigratorSettings;
import dev.migrations.testsupport.SqliteTestDatabase;
import dev.migrations.testsupport.TestMigration;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An SQLite database that cannot be written (#22): opened read-only, or full. The error
 * names the file and what to do, and the history records nothing as applied that is not.
 * Tests run as root in CI, where a chmod does not stop writes, so read-only comes from
 * the driver's {@code open_mode=1} (SQLITE_OPEN_READONLY) and a full disk from a small
 * {@code max_page_count}: both make SQLite itself refuse the write, as a read-only mount
 * or a full disk would.
 */
class SqliteUnwritableDatabaseTests {

	@TempDir
	Path directory;

	private SqliteTestDatabase database;

	private HikariDataSource writable;

	private JdbcTemplate jdbc;

	@BeforeEach
	void createDatabase() {
		this.database = SqliteTestDatabase.in(this.directory);
		this.writable = this.database.dataSource();
		this.jdbc = new JdbcTemplate(this.writable);
		migrator(this.writable, one()).migrate();
	}

	@AfterEach
	void closeDatabase() {
		this.writable.close();
	}

	@Test
	void readOnlyDatabaseFailsNamingItsFileAndRecordsNothing() {
		int rows = historyRows();
		try (HikariDataSource readOnly = dataSource("?open_mode=1", true)) {
			Migrator migrator = migrator(readOnly, one(), TestMigration.of("2", "CREATE TABLE two (id int)"));
			assertThatExceptionOfType(MigrationException.class).isThrownBy(migrator::migrate)
				.withMessageContaining("Migration 2 (")
				.withMessageContaining("SQLITE_READONLY")
				.withMessageContaining("The SQLite database " + this.database.file() + " cannot be written")
				.withMessageContaining("opened read-only (open_mode=1 or mode=ro in the JDBC URL")
				.withMessageContaining("Open it read-write, then start again.");
		}
		assertThat(historyRows()).isEqualTo(rows);
		assertThat(appliedVersions()).containsExactly("1");
		assertThat(tables()).doesNotContain("two");
		assertThat(
				migrator(this.writable, one(), TestMigration.of("2", "CREATE TABLE two (id int)")).migrate().outcomes())
			.extracting("version")
			.containsExactly("2");
	}

	@Test
	void fullDatabaseFailsNamingItsFileAndRecordsNothingAsApplied() {
		int pages = this.jdbc.queryForObject("PRAGMA page_count", Integer.class);
		Migration big = TestMigration.of("2", "CREATE TABLE big (b blob)",
				"INSERT INTO big VALUES (randomblob(200000))");
		try (HikariDataSource full = dataSource("?max_page_count=" + (pages + 2), false)) {
			Migrator migrator = migrator(full, one(), big);
			assertThatExceptionOfType(MigrationException.class).isThrownBy(migrator::migrate)
				.withMessageContaining("SQLITE_FULL")
				.withMessageContaining("The SQLite database " + this.database.file() + " is full")
				.withMessageContaining("Free disk space (or raise max_page_count), then start again.");
		}
		assertThat(appliedVersions()).containsExactly("1");
		assertThat(tables()).doesNotContain("big");
		assertThat(migrator(this.writable, one(), big).migrate().outcomes()).extracting("version").containsExactly("2");
		assertThat(this.jdbc.queryForObject("SELECT length(b) FROM big", Integer.class)).isEqualTo(200000);
	}

	/**
	 * Open a pool with the given URL parameters; a read-only one must say so, or the pool
	 * tries to switch the flag, which the driver refuses.
	 */
	private HikariDataSource dataSource(String parameters, boolean readOnly) {
		HikariConfig config = new HikariConfig();
		config.setReadOnly(readOnly);
		config.setJdbcUrl(this.database.url() + parameters);
		config.setMaximumPoolSize(2);
		config.setMinimumIdle(0);
		return new HikariDataSource(config);
	}

	private static Migration one() {
		return TestMigration.of("1", "CREATE TABLE one (id int)");
	}

	private static Migrator migrator(HikariDataSource dataSource, Migration... migrations) {
		return Migrator.create(dataSource, List.of(migrations), MigratorSettings.defaults("dataSource"));
	}

	private int historyRows() {
		return this.jdbc.queryForObject("SELECT count(*) FROM schema_migrations", Integer.class);
	}

	private List<String> appliedVersions() {
		return this.jdbc.queryForList(
				"SELECT version FROM schema_migrations WHERE operation = 'UP' AND success ORDER BY id", String.class);
	}

	private List<String> tables() {
		return this.jdbc.queryForList("SELECT name FROM sqlite_master WHERE type = 'table'", String.class);
	}

}
