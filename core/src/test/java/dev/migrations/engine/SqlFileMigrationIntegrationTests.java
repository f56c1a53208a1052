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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Migration;
import dev.migrations.MigrationContext;
import dev.migrations.MigrationFailedException;
import dev.migrations.MigrationValidationException;
import dev.migrations.Migrator;
import dev.migrations.MigratorSettings;
import dev.migrations.testsupport.PostgresTestDatabase;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Integration tests for SQL file migrations on PostgreSQL: order with Java migrations,
 * edited files, failing statements and the non-transactional directive.
 */
class SqlFileMigrationIntegrationTests {

	private final SqlMigrationLoader loader = new SqlMigrationLoader(new DefaultResourceLoader());

	@TempDir
	Path directory;

	private HikariDataSource dataSource;

	private JdbcTemplate jdbc;

	@BeforeEach
	void createDatabase(TestInfo test) {
		String method = test.getTestMethod().orElseThrow().getName();
		this.dataSource = PostgresTestDatabase.create("sqlfile_" + method).dataSource();
		this.jdbc = new JdbcTemplate(this.dataSource);
	}

	@AfterEach
	void closeDatabase() {
		this.dataSource.close();
	}

	@Test
	void appliesSqlFilesAndJavaMigrationsInVersionOrder() {
		List<Migration> migrations = new ArrayList<>(load(Map.of(), "classpath:sql-migrations/postgres"));
		migrations.add(new V2__AddSecondUser());
		migrator(migrations).migrate();
		assertThat(
				this.jdbc.queryForList("SELECT id || ':' || name || ':' || note FROM users ORDER BY id", String.class))
			.containsExactly("1:O'Brien; Jr.:line's end;", "2:Second from Java:a;b", "3:Third:a;b");
		assertThat(this.jdbc.queryForList("SELECT action FROM audit", String.class)).containsExactly("insert;quoted");
		assertThat(this.jdbc.queryForList("SELECT version FROM schema_migrations WHERE operation = 'UP' ORDER BY id",
				String.class))
			.containsExactly("1", "2", "3", "4");
	}

	@Test
	void nonTransactionalDirectiveRunsCreateIndexConcurrently() {
		migrator(load(Map.of(), "classpath:sql-migrations/postgres")).migrate();
		assertThat(this.jdbc.queryForObject(
				"SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = 'users_name'",
				Boolean.class))
			.isTrue();
	}

	@Test
	void createIndexConcurrentlyFailsWithoutDirective() throws IOException {
		write("V1__create_users.sql", "CREATE TABLE users (id int, name text);");
		write("V2__index_users.sql", "CREATE INDEX CONCURRENTLY users_name ON users (name);");
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator(loadDirectory()).migrate())
			.withMessageContaining("Migration 2 (filesystem:" + this.directory + "/V2__index_users.sql)")
			.withMessageContaining("The statement at line 1 of V2__index_users.sql failed")
			.withMessageContaining("CREATE INDEX CONCURRENTLY cannot run inside a transaction block")
			.withMessageContaining("[SQL state 25001]");
	}

	@Test
	void failingStatementIsReportedWithFileLineAndSqlState() throws IOException {
		write("V1__broken.sql", "CREATE TABLE first (id int);\n\n-- the next one fails\nINSERT INTO missing_table\n"
				+ "VALUES (1);\nCREATE TABLE never (id int);");
		write("V2__after.sql", "CREATE TABLE after_broken (id int);");
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator(loadDirectory()).migrate())
			.withMessageContaining("Migration 1 (filesystem:" + this.directory + "/V1__broken.sql)")
			.withMessageContaining("The statement at line 4 of V1__broken.sql failed")
			.withMessageContaining("relation \"missing_table\" does not exist")
			.withMessageContaining("[SQL state 42P01]")
			.withMessageContaining("Nothing after it ran.");
		assertThat(this.jdbc.queryForList(
				"SELECT table_name FROM information_schema.tables "
						+ "WHERE table_schema = 'public' AND table_name IN ('first', 'never', 'after_broken')",
				String.class))
			.isEmpty();
	}

	@Test
	void editedAppliedFileIsDetected() throws IOException {
		write("V1__create_users.sql", "CREATE TABLE users (id int);\n");
		migrator(loadDirectory()).migrate();
		write("V1__create_users.sql", "CREATE TABLE users (id bigint);\n");
		assertThatExceptionOfType(MigrationValidationException.class)
			.isThrownBy(() -> migrator(loadDirectory()).migrate())
			.withMessageContaining("Migration 1 (filesystem:" + this.directory + "/V1__create_users.sql) was applied "
					+ "with checksum")
			.withMessageContaining("Revert the change and add a new migration instead, or run repair to accept it.");
	}

	@Test
	void changedLineEndingsAreNotAnEdit() throws IOException {
		write("V1__create_users.sql", "CREATE TABLE users (id int);\nINSERT INTO users VALUES (1);\n");
		migrator(loadDirectory()).migrate();
		write("V1__create_users.sql", "CREATE TABLE users (id int);\r\nINSERT INTO users VALUES (1);\r\n");
		assertThat(migrator(loadDirectory()).migrate().count()).isZero();
	}

	@Test
	void replacesConfiguredPlaceholders() throws IOException {
		write("V1__create_table.sql", "CREATE TABLE ${table} (id int);\nINSERT INTO ${table} VALUES (${value});");
		migrator(load(Map.of("table", "things", "value", "42"), "filesystem:" + this.directory)).migrate();
		assertThat(this.jdbc.queryForObject("SELECT id FROM things", Integer.class)).isEqualTo(42);
	}

	private void write(String name, String content) throws IOException {
		Files.writeString(this.directory.resolve(name), content);
	}

	private List<Migration> loadDirectory() {
		return load(Map.of(), "filesystem:" + this.directory);
	}

	private List<Migration> load(Map<String, String> placeholders, String... locations) {
		return this.loader.load("dataSource", List.of(locations), placeholders);
	}

	private Migrator migrator(List<Migration> migrations) {
		return Migrator.create(this.dataSource, migrations, MigratorSettings.defaults("dataSource"));
	}

	static class V2__AddSecondUser implements Migration {

		@Override
		public void up(MigrationContext context) {
			context.jdbc().update("INSERT INTO users (id, name) VALUES (2, 'Second from Java')");
		}

	}

}
