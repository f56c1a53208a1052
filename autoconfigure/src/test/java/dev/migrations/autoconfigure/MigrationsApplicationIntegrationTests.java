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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.DatabaseState;
import dev.migrations.Migration;
import dev.migrations.MigrationContext;
import dev.migrations.MigrationFailedException;
import dev.migrations.Migrator;
import dev.migrations.testsupport.PostgresTestDatabase;
import dev.migrations.testsupport.SqliteTestDatabase;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Whole applications started with {@code SpringApplication}, on PostgreSQL.
 */
class MigrationsApplicationIntegrationTests {

	private static final List<ReadinessState> readinessDuringMigration = new CopyOnWriteArrayList<>();

	private PostgresTestDatabase database;

	@TempDir
	Path directory;

	@BeforeEach
	void createDatabase() {
		this.database = PostgresTestDatabase.create(MigrationsApplicationIntegrationTests.class);
		readinessDuringMigration.clear();
	}

	@Test
	void readyApplicationIsMigratedAndSecondStartAppliesNothing() {
		try (ConfigurableApplicationContext context = start(GoodMigrations.class)) {
			assertThat(context.getBean(Migrator.class).status().state()).isEqualTo(DatabaseState.UP_TO_DATE);
			assertThat(historyRows(context)).isEqualTo(3);
		}
		try (ConfigurableApplicationContext context = start(GoodMigrations.class)) {
			assertThat(historyRows(context)).isEqualTo(3);
		}
	}

	@Test
	void readinessRefusesTrafficUntilTheRunEnds() {
		try (ConfigurableApplicationContext context = start(GoodMigrations.class)) {
			assertThat(readinessDuringMigration).containsExactly(ReadinessState.REFUSING_TRAFFIC);
			assertThat(context.getBean(ApplicationAvailability.class).getReadinessState())
				.isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
		}
	}

	@Test
	void failingMigrationStopsTheStart() {
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> start(FailingMigrations.class))
			.withMessageContaining("Migration 2 (" + V2__Explode.class.getName() + ")")
			.withMessageContaining("no room");
	}

	@Test
	void failingMigrationWithContinueKeepsTheApplicationRunning() {
		try (ConfigurableApplicationContext context = start(FailingMigrations.class,
				"migrations.on-failure=continue")) {
			assertThat(context.isRunning()).isTrue();
			assertThat(context.getBean(Migrator.class).status().state()).isEqualTo(DatabaseState.FAILED);
		}
	}

	@Test
	void manualRunOnAppliesNothing() {
		try (ConfigurableApplicationContext context = start(GoodMigrations.class, "migrations.run-on=manual")) {
			assertThat(context.getBean(Migrator.class).status().pending()).isEqualTo(2);
		}
	}

	@Test
	void failedStartExitsWithANonZeroCode() throws Exception {
		assertThat(startFailingChild()).contains("APPLICATION FAILED TO START")
			.contains("Fix the failing migration and start again");
	}

	@Test
	void failedJavaMigrationLogsItsStackTraceOnce() throws Exception {
		String log = startFailingChild();
		String frame = "at " + V2__Explode.class.getName() + ".up(";
		assertThat(log).contains("ERROR").contains("java.lang.IllegalStateException: no room");
		assertThat(log.split(Pattern.quote(frame), -1)).hasSize(2);
	}

	/**
	 * Start {@link FailingApplication} in a child JVM, expect a non-zero exit, and return
	 * what it printed.
	 */
	private String startFailingChild() throws Exception {
		SqliteTestDatabase sqlite = SqliteTestDatabase.in(this.directory);
		Path log = this.directory.resolve("child.log");
		Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), FailingApplication.class.getName(),
				"--spring.datasource.url=" + sqlite.url())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(child.exitValue()).isNotZero();
		return Files.readString(log);
	}

	private ConfigurableApplicationContext start(Class<?> migrations, String... properties) {
		return new SpringApplicationBuilder(TestApplication.class, migrations).web(WebApplicationType.NONE)
			.properties(this.database.datasourceProperties())
			.properties(properties)
			.run();
	}

	private static int historyRows(ConfigurableApplicationContext context) {
		return context.getBean(JdbcTemplate.class)
			.queryForObject("SELECT count(*) FROM schema_migrations", Integer.class);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

	static class V1__CreateUsers implements Migration {

		private final ApplicationAvailability availability;

		V1__CreateUsers(ApplicationAvailability availability) {
			this.availability = availability;
		}

		@Override
		public void up(MigrationContext context) {
			readinessDuringMigration.add(this.availability.getReadinessState());
			context.jdbc().execute("CREATE TABLE users (id bigint PRIMARY KEY)");
		}

	}

	static class V2__Explode implements Migration {

		@Override
		public void up(MigrationContext context) {
			context.jdbc().execute("CREATE TABLE debris (id int)");
			throw new IllegalStateException("no room");
		}

	}

	static class V2__AddNames implements Migration {

		@Override
		public void up(MigrationContext context) {
			context.jdbc().execute("ALTER TABLE users ADD COLUMN name varchar(100)");
		}

	}

	static class GoodMigrations {

		@Bean
		V1__CreateUsers createUsers(ApplicationAvailability availability) {
			return new V1__CreateUsers(availability);
		}

		@Bean
		V2__AddNames addNames() {
			return new V2__AddNames();
		}

	}

	@Import(V2__Explode.class)
	static class FailingMigrations {

		@Bean
		V1__CreateUsers createUsers(ApplicationAvailability availability) {
			return new V1__CreateUsers(availability);
		}

	}

	/**
	 * An application whose migration fails, started as a child process to see its exit
	 * code.
	 */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(V2__Explode.class)
	static class FailingApplication {

		public static void main(String[] args) {
			new SpringApplicationBuilder(FailingApplication.class).web(WebApplicationType.NONE).run(args);
		}

	}

}
