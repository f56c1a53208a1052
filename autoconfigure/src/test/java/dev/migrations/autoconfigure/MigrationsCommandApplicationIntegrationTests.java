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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.testsupport.PostgresTestDatabase;
import dev.migrations.testsupport.SqliteTestDatabase;
import dev.migrations.testsupport.TestMigration;

import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command mode as users meet it: a web application (Spring MVC is on the classpath)
 * started as a child process with {@code --migrations.command=…}, on a real SQLite file
 * and on PostgreSQL. It runs the command, prints the result, exits with its code, starts
 * no web server and never calls the application's runners.
 */
class MigrationsCommandApplicationIntegrationTests {

	@TempDir
	Path directory;

	@Test
	void statusPrintsTheTableWithoutAWebServerOrTheApplicationsRunners() throws Exception {
		Result result = start(SqliteTestDatabase.in(this.directory).url(), "--migrations.command=status");
		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).contains("web application context: false")
			.containsPattern("1 +Test migration 1 +PENDING")
			.containsPattern("2 +Test migration 2 +PENDING")
			.doesNotContain("application runner ran")
			.doesNotContain("Tomcat");
	}

	@Test
	void migrateOnPostgresAppliesThenExitsZero() throws Exception {
		PostgresTestDatabase database = PostgresTestDatabase.create(MigrationsCommandApplicationIntegrationTests.class);
		Result migrate = start(database.url(), "--migrations.command=migrate");
		assertThat(migrate.exitCode()).isZero();
		assertThat(migrate.out()).contains("dataSource: applied 2 migrations in")
			.contains("now at version 2 (was 0)")
			.doesNotContain("application runner ran");
		Result status = start(database.url(), "--migrations.command=status");
		assertThat(status.out()).contains("dataSource: PostgreSQL").contains("State: UP_TO_DATE, current version 2");
	}

	@Test
	void failingMigrateExitsNonZero() throws Exception {
		Result result = start(SqliteTestDatabase.in(this.directory).url(), "--migrations.command=migrate",
				"--test.failing=true");
		assertThat(result.exitCode()).isOne();
		assertThat(result.out()).contains("migrations.command=migrate failed: ")
			.contains("no room")
			.doesNotContain("application runner ran");
	}

	@Test
	void unknownCommandExitsNonZeroListingTheCommands() throws Exception {
		Result result = start(SqliteTestDatabase.in(this.directory).url(), "--migrations.command=upgrade");
		assertThat(result.exitCode()).isNotZero();
		assertThat(result.out()).contains("APPLICATION FAILED TO START")
			.contains("migrations.command is 'upgrade', which is not a command. Use one of status, migrate, "
					+ "rollback, baseline, repair, dry-run, dump")
			.doesNotContain("application runner ran");
	}

	private Result start(String url, String... arguments) throws IOException, InterruptedException {
		Path log = Files.createTempFile(this.directory, "child", ".log");
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						System.getProperty("java.class.path"), CommandApplication.class.getName(),
						"--spring.datasource.url=" + url));
		command.addAll(List.of(arguments));
		Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("child exited").isTrue();
		return new Result(child.exitValue(), Files.readString(log));
	}

	private record Result(int exitCode, String out) {

	}

	/**
	 * A web application with two migrations (a third, failing one with
	 * {@code test.failing=true}) and a runner of its own.
	 */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class CommandApplication {

		public static void main(String[] args) {
			SpringApplication.run(CommandApplication.class, args);
		}

		@Bean
		TestMigration first() {
			return TestMigration.of("1", "CREATE TABLE first (id integer)");
		}

		@Bean
		TestMigration second() {
			return TestMigration.of("2", "CREATE TABLE second (id integer)");
		}

		@Bean
		@ConditionalOnBooleanProperty("test.failing")
		TestMigration third() {
			return TestMigration.failing("3", "no room");
		}

		@Bean
		CommandLineRunner applicationRunner() {
			return (args) -> System.out.println("application runner ran");
		}

		@Bean
		@Order(Ordered.HIGHEST_PRECEDENCE)
		ApplicationListener<ApplicationStartedEvent> contextType() {
			return (event) -> System.out.println(
					"web application context: " + (event.getApplicationContext() instanceof WebApplicationContext));
		}

	}

}
