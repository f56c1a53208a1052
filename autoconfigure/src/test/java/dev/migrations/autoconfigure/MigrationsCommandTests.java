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

import java.nio.file.Path;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.MigratorRegistry;
import dev.migrations.testsupport.SqliteTestDatabase;
import dev.migrations.testsupport.TestMigration;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command mode's runner, as auto-configured, run against a real SQLite file: what
 * each command prints and its exit code.
 */
@ExtendWith(OutputCaptureExtension.class)
class MigrationsCommandTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class,
				MigrationsCommandAutoConfiguration.class));

	@TempDir
	Path directory;

	private ApplicationContextRunner withDatabase(Class<?> migrations) {
		return this.contextRunner.withPropertyValues(SqliteTestDatabase.in(this.directory).datasourceProperties())
			.withUserConfiguration(migrations);
	}

	@Test
	void noRunnerWithoutACommand() {
		withDatabase(TwoMigrations.class).run((context) -> assertThat(context).hasSingleBean(MigratorRegistry.class)
			.doesNotHaveBean(MigrationsCommandRunner.class));
	}

	@Test
	void statusPrintsATableOfEveryMigration(CapturedOutput output) {
		withDatabase(TwoMigrations.class).withPropertyValues("migrations.command=status").run((context) -> {
			context.getBean(MigratorRegistry.class).primary().migrate("1");
			assertThat(run(context)).isZero();
			assertThat(output.getOut()).contains("dataSource: SQLite")
				.contains("State: PENDING, current version 1, 1 pending")
				.containsPattern("VERSION +DESCRIPTION +STATE +APPLIED AT")
				.containsPattern("1 +Test migration 1 +APPLIED +20\\d\\d-")
				.containsPattern("2 +Test migration 2 +PENDING")
				.doesNotContain("Problems");
		});
	}

	@Test
	void statusListsTheValidationProblemsAndRepairClearsThem(CapturedOutput output) {
		SqliteTestDatabase database = SqliteTestDatabase.in(this.directory);
		this.contextRunner.withPropertyValues(database.datasourceProperties())
			.withUserConfiguration(ChecksumA.class)
			.run((context) -> context.getBean(MigratorRegistry.class).primary().migrate());
		ApplicationContextRunner changed = this.contextRunner.withPropertyValues(database.datasourceProperties())
			.withUserConfiguration(ChecksumB.class);
		changed.withPropertyValues("migrations.command=status").run((context) -> {
			assertThat(run(context)).isZero();
			assertThat(output.getOut()).contains("State: FAILED")
				.contains("Problems (migrate refuses to run until they are fixed):")
				.contains(
						" - Migration 1 (dev.migrations.testsupport.TestMigration) was applied with checksum a, but its checksum is now b");
		});
		changed.withPropertyValues("migrations.command=repair").run((context) -> {
			assertThat(run(context)).isZero();
			assertThat(output.getOut()).contains("dataSource: repaired the history")
				.contains("changed migrations accepted: [1]");
			assertThat(new JdbcTemplate(context.getBean(DataSource.class))
				.queryForObject("SELECT count(*) FROM schema_migrations WHERE operation = 'REPAIR'", Integer.class))
				.isOne();
		});
	}

	@Test
	void migrateAppliesWhatIsPendingAndPrintsASummary(CapturedOutput output) {
		withDatabase(TwoMigrations.class).withPropertyValues("migrations.command=migrate").run((context) -> {
			assertThat(run(context)).isZero();
			assertThat(output.getOut())
				.containsPattern("dataSource: applied 2 migrations in \\d+ ms, now at " + "version 2 \\(was 0\\)")
				.contains("  UP 1 Test migration 1 (")
				.contains("  UP 2 Test migration 2 (");
			assertThat(run(context)).isZero();
			assertThat(output.getOut()).contains("dataSource: up to date at version 2, nothing applied");
		});
	}

	@Test
	void migrateStopsAtTheCommandVersion(CapturedOutput output) {
		withDatabase(TwoMigrations.class)
			.withPropertyValues("migrations.command=migrate", "migrations.command-version=1")
			.run((context) -> {
				assertThat(run(context)).isZero();
				assertThat(output.getOut()).contains("applied 1 migration in").contains("now at version 1");
			});
	}

	@Test
	void failingMigrateExitsNonZeroAndSaysWhy(CapturedOutput output) {
		withDatabase(FailingMigration.class).withPropertyValues("migrations.command=migrate").run((context) -> {
			assertThat(run(context)).isOne();
			assertThat(output.getErr()).contains("migrations.command=migrate failed: ")
				.contains("no room")
				.contains("Fix the failing migration");
		});
	}

	@Test
	void migrateRefusedByValidationNamesTheWaysToRepair(CapturedOutput output) {
		SqliteTestDatabase database = SqliteTestDatabase.in(this.directory);
		this.contextRunner.withPropertyValues(database.datasourceProperties())
			.withUserConfiguration(ChecksumA.class)
			.run((context) -> context.getBean(MigratorRegistry.class).primary().migrate());
		this.contextRunner.withPropertyValues(database.datasourceProperties())
			.withUserConfiguration(ChecksumB.class)
			.withPropertyValues("migrations.command=migrate")
			.run((context) -> {
				assertThat(run(context)).isOne();
				assertThat(output.getErr()).contains("failed validation")
					.contains("--migrations.repair-on-start=true")
					.contains("java -jar app.jar --migrations.command=repair");
			});
	}

	@Test
	void rollbackReversesTheCommandSteps(CapturedOutput output) {
		withDatabase(TwoMigrations.class).withPropertyValues("migrations.command=rollback").run((context) -> {
			context.getBean(MigratorRegistry.class).primary().migrate();
			assertThat(run(context)).isZero();
			assertThat(output.getOut()).contains("dataSource: reversed 1 migration in")
				.contains("now at version 1 (was 2)")
				.contains("  DOWN 2 Test migration 2 (");
		});
	}

	@Test
	void rollbackReturnsToTheCommandVersion(CapturedOutput output) {
		withDatabase(TwoMigrations.class)
			.withPropertyValues("migrations.command=rollback", "migrations.command-version=0")
			.run((context) -> {
				context.getBean(MigratorRegistry.class).primary().migrate();
				assertThat(run(context)).isZero();
				assertThat(output.getOut()).contains("reversed 2 migrations").contains("now at version 0 (was 2)");
			});
	}

	@Test
	void baselineStampsTheCommandVersion(CapturedOutput output) {
		withDatabase(TwoMigrations.class)
			.withPropertyValues("migrations.command=baseline", "migrations.command-version=1")
			.run((context) -> {
				assertThat(run(context)).isZero();
				assertThat(output.getOut()).contains("dataSource: stamped at baseline version 1");
				assertThat(context.getBean(MigratorRegistry.class).primary().status().pending()).isOne();
			});
	}

	@Test
	void dryRunThatWouldFailExitsNonZeroAndChangesNothing(CapturedOutput output) {
		withDatabase(FailingMigration.class).withPropertyValues("migrations.command=dry-run").run((context) -> {
			assertThat(run(context)).isOne();
			assertThat(output.getOut())
				.contains("dataSource: 1 of 2 pending migrations would fail; nothing was " + "changed")
				.contains("  ok    1 Test migration 1")
				.contains("  FAIL  2 Test migration 2: ")
				.contains("no room");
			assertThat(context.getBean(MigratorRegistry.class).primary().status().pending()).isEqualTo(2);
		});
	}

	@Test
	void dumpPrintsTheSchema(CapturedOutput output) {
		withDatabase(TwoMigrations.class).withPropertyValues("migrations.command=dump").run((context) -> {
			context.getBean(MigratorRegistry.class).primary().migrate();
			assertThat(run(context)).isZero();
			assertThat(output.getOut()).contains("CREATE TABLE").contains("first").doesNotContain("schema_migrations");
		});
	}

	@Test
	void unknownCommandFailsTheStartListingTheCommands() {
		withDatabase(TwoMigrations.class).withPropertyValues("migrations.command=upgrade")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessage("migrations.command is 'upgrade', which is not a command. Use one of status, migrate, "
						+ "rollback, baseline, repair, dry-run, dump, for example --migrations.command=status."));
	}

	@Test
	void baselineWithoutAVersionFailsTheStart() {
		withDatabase(TwoMigrations.class).withPropertyValues("migrations.command=baseline")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("--migrations.command-version=<version>"));
	}

	@Test
	void stepsOfAnotherCommandThanRollbackFailTheStart() {
		withDatabase(TwoMigrations.class).withPropertyValues("migrations.command=migrate", "migrations.command-steps=2")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("migrations.command-steps applies to the rollback command only"));
	}

	@Test
	void commandWithoutADataSourceFailsTheStart() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(MigrationsAutoConfiguration.class, MigrationsCommandAutoConfiguration.class))
			.withPropertyValues("migrations.command=status")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("migrations.command=status has nothing to run on"));
	}

	@Test
	void unknownCommandDataSourceExitsNonZero(CapturedOutput output) {
		withDatabase(TwoMigrations.class)
			.withPropertyValues("migrations.command=status", "migrations.command-data-source=reports")
			.run((context) -> {
				assertThat(run(context)).isOne();
				assertThat(output.getErr()).contains("No migrations are configured for DataSource 'reports'");
			});
	}

	private static int run(AssertableApplicationContext context) {
		return context.getBean(MigrationsCommandRunner.class).run();
	}

	@Configuration(proxyBeanMethods = false)
	static class TwoMigrations {

		@Bean
		TestMigration first() {
			return TestMigration.of("1", "CREATE TABLE first (id integer)").withDown("DROP TABLE first");
		}

		@Bean
		TestMigration second() {
			return TestMigration.of("2", "CREATE TABLE second (id integer)").withDown("DROP TABLE second");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FailingMigration {

		@Bean
		TestMigration first() {
			return TestMigration.of("1", "CREATE TABLE first (id integer)");
		}

		@Bean
		TestMigration second() {
			return TestMigration.failing("2", "no room", "CREATE TABLE debris (id integer)");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ChecksumA {

		@Bean
		TestMigration first() {
			return TestMigration.of("1", "CREATE TABLE first (id integer)").withChecksum("a");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ChecksumB {

		@Bean
		TestMigration first() {
			return TestMigration.of("1", "CREATE TABLE first (id integer)").withChecksum("b");
		}

	}

}
