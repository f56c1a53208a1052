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
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.DatabaseKind;
import dev.migrations.Migration;
import dev.migrations.MigrationContext;
import dev.migrations.Migrator;
import dev.migrations.MigratorSettings;
import dev.migrations.testsupport.SqliteTestDatabase;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SqlFileMigration} on SQLite: SQL files with triggers run in order
 * together with Java migrations.
 */
class SqlFileMigrationTests {

	private static final String LOCATION = "classpath:sql-migrations/sqlite";

	@TempDir
	Path directory;

	private HikariDataSource dataSource;

	private JdbcTemplate jdbc;

	@BeforeEach
	void openDatabase() {
		this.dataSource = SqliteTestDatabase.in(this.directory).dataSource();
		this.jdbc = new JdbcTemplate(this.dataSource);
	}

	@AfterEach
	void closeDatabase() {
		this.dataSource.close();
	}

	@Test
	void appliesSqlFilesAndJavaMigrationsInVersionOrder() {
		Migrator.create(this.dataSource, migrations(), MigratorSettings.defaults("dataSource")).migrate();
		assertThat(
				this.jdbc.queryForList("SELECT id || ':' || name || ':' || note FROM users ORDER BY id", String.class))
			.containsExactly("1:O'Brien; Jr.:a;b", "2:Second from Java:a;b", "3:Third:a;b");
		assertThat(this.jdbc.queryForList("SELECT action FROM audit ORDER BY rowid", String.class))
			.containsExactly("insert;", "other");
	}

	@Test
	void recordsSqlKindSourceAndChecksumInHistory() {
		List<Migration> migrations = migrations();
		Migrator.create(this.dataSource, migrations, MigratorSettings.defaults("dataSource")).migrate();
		assertThat(this.jdbc.queryForList(
				"SELECT version || ' ' || kind || ' ' || source || ' ' || "
						+ "COALESCE(checksum, '-') FROM schema_migrations WHERE operation = 'UP' ORDER BY id",
				String.class))
			.containsExactly("1 SQL " + LOCATION + "/V1__create_users.sql " + find(migrations, "1").checksum(),
					"2 JAVA " + V2__AddSecondUser.class.getName() + " -",
					"3 SQL " + LOCATION + "/V3__add_audit_trigger.sql " + find(migrations, "3").checksum());
	}

	@Test
	void downScriptReversesUpScript() throws Exception {
		SqlFileMigration audit = (SqlFileMigration) find(migrations(), "3");
		this.jdbc.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
		try (Connection connection = this.dataSource.getConnection()) {
			MigrationContext context = new DefaultMigrationContext(connection, DatabaseKind.SQLITE, "dataSource");
			audit.up(context);
			assertThat(tables()).contains("audit");
			audit.down(context);
		}
		assertThat(tables()).doesNotContain("audit");
		assertThat(this.jdbc.queryForList("SELECT name FROM sqlite_master WHERE type = 'trigger'", String.class))
			.isEmpty();
	}

	private List<String> tables() {
		return this.jdbc.queryForList("SELECT name FROM sqlite_master WHERE type = 'table'", String.class);
	}

	private static Migration find(List<Migration> migrations, String version) {
		return migrations.stream().filter((migration) -> migration.version().equals(version)).findFirst().orElseThrow();
	}

	private static List<Migration> migrations() {
		List<Migration> migrations = new ArrayList<>(
				new SqlMigrationLoader(new DefaultResourceLoader()).load("dataSource", List.of(LOCATION), Map.of()));
		migrations.add(new V2__AddSecondUser());
		return migrations;
	}

	static class V2__AddSecondUser implements Migration {

		@Override
		public void up(MigrationContext context) {
			context.jdbc().update("INSERT INTO users (id, name) VALUES (2, 'Second from Java')");
		}

	}

}
