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
package dev.migrations.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.DatabaseState;
import dev.migrations.DatabaseStatus;
import dev.migrations.Migration;
import dev.migrations.MigrationContext;
import dev.migrations.MigrationFailedException;
import dev.migrations.MigrationInfo;
import dev.migrations.MigrationState;
import dev.migrations.Migrator;
import dev.migrations.RepeatableMigration;
import dev.migrations.testsupport.SqliteTestDatabase;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Repeatable migrations in whole applications on SQLite: beans and {@code R__} files are
 * collected, run after the versioned ones at start-up, and a failing one follows
 * {@code migrations.on-failure}.
 */
class RepeatableMigrationsApplicationTests {

	@TempDir
	Path directory;

	@Test
	void repeatableBeansAndFilesRunAfterTheVersionedOnesAndOnlyWhenChanged() throws IOException {
		write("R__user_names.sql", "DROP VIEW IF EXISTS user_names;\nCREATE VIEW user_names AS SELECT id FROM users;");
		try (ConfigurableApplicationContext context = start(GoodMigrations.class)) {
			DatabaseStatus status = context.getBean(Migrator.class).status();
			assertThat(status.state()).isEqualTo(DatabaseState.UP_TO_DATE);
			assertThat(status.migrations()).extracting(MigrationInfo::description)
				.containsExactly("Create users", "Count users", "user names");
			assertThat(status.migrations()).extracting(MigrationInfo::state).containsOnly(MigrationState.APPLIED);
			assertThat(historyRows(context)).isEqualTo(3);
		}
		try (ConfigurableApplicationContext context = start(GoodMigrations.class)) {
			assertThat(historyRows(context)).isEqualTo(3);
		}
		write("R__user_names.sql",
				"DROP VIEW IF EXISTS user_names;\nCREATE VIEW user_names AS SELECT id, id * 2 AS twice FROM users;");
		try (ConfigurableApplicationContext context = start(GoodMigrations.class)) {
			assertThat(historyRows(context)).isEqualTo(4);
			assertThat(context.getBean(JdbcTemplate.class)
				.queryForObject("SELECT count(*) FROM schema_migrations WHERE version IS NULL", Integer.class))
				.isEqualTo(3);
		}
	}

	@Test
	void failingRepeatableStopsTheStart() {
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> start(FailingMigrations.class))
			.withMessageContaining("Migration 'Broken view' (" + R__BrokenView.class.getName() + ")")
			.withMessageContaining("no such table: missing");
	}

	@Test
	void failingRepeatableWithContinueKeepsTheApplicationRunning() {
		try (ConfigurableApplicationContext context = start(FailingMigrations.class,
				"migrations.on-failure=continue")) {
			assertThat(context.isRunning()).isTrue();
			DatabaseStatus status = context.getBean(Migrator.class).status();
			assertThat(status.state()).isEqualTo(DatabaseState.FAILED);
			assertThat(status.currentVersion()).isEqualTo("1");
			assertThat(status.migrations()).extracting(MigrationInfo::state)
				.containsExactly(MigrationState.APPLIED, MigrationState.FAILED);
		}
	}

	private void write(String name, String content) throws IOException {
		Files.writeString(this.directory.resolve(name), content);
	}

	private ConfigurableApplicationContext start(Class<?> migrations, String... properties) {
		return new SpringApplicationBuilder(TestApplication.class, migrations).web(WebApplicationType.NONE)
			.properties(SqliteTestDatabase.in(this.directory).datasourceProperties())
			.properties("migrations.locations=filesystem:" + this.directory)
			.properties(properties)
			.run();
	}

	private static int historyRows(ConfigurableApplicationContext context) {
		return context.getBean(JdbcTemplate.class)
			.queryForObject("SELECT count(*) FROM schema_migrations WHERE operation <> 'LAYOUT'", Integer.class);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

	static class V1__CreateUsers implements Migration {

		@Override
		public void up(MigrationContext context) {
			context.jdbc().execute("CREATE TABLE users (id bigint PRIMARY KEY)");
		}

	}

	static class R__CountUsers implements RepeatableMigration {

		@Override
		public void up(MigrationContext context) {
			context.jdbc().execute("DROP VIEW IF EXISTS user_count");
			context.jdbc().execute("CREATE VIEW user_count AS SELECT count(*) AS n FROM users");
		}

		@Override
		public String checksum() {
			return "1";
		}

	}

	static class R__BrokenView implements RepeatableMigration {

		@Override
		public void up(MigrationContext context) {
			context.jdbc().execute("CREATE TABLE half_done (id int)");
			context.jdbc().execute("INSERT INTO missing VALUES (1)");
		}

		@Override
		public String checksum() {
			return "1";
		}

	}

	static class GoodMigrations {

		@Bean
		R__CountUsers countUsers() {
			return new R__CountUsers();
		}

		@Bean
		V1__CreateUsers createUsers() {
			return new V1__CreateUsers();
		}

	}

	static class FailingMigrations {

		@Bean
		V1__CreateUsers createUsers() {
			return new V1__CreateUsers();
		}

		@Bean
		R__BrokenView brokenView() {
			return new R__BrokenView();
		}

	}

}
