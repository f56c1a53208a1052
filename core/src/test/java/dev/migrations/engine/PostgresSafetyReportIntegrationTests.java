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

import java.util.ArrayList;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.migrations.AllowUnsafe;
import dev.migrations.Migration;
import dev.migrations.MigrationContext;
import dev.migrations.MigrationRefusedException;
import dev.migrations.Migrator;
import dev.migrations.MigratorSettings;
import dev.migrations.SafetyReport;
import dev.migrations.SafetyReport.Finding;
import dev.migrations.SafetyReport.Level;
import dev.migrations.SafetyReport.Lock;
import dev.migrations.testsupport.ConsoleOutput;
import dev.migrations.testsupport.PostgresTestDatabase;
import dev.migrations.testsupport.TestMigration;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The safety report on PostgreSQL: observed from the migration's own backend in a dry
 * run, on tables that existed before it.
 */
@ExtendWith(ConsoleOutput.class)
class PostgresSafetyReportIntegrationTests {

	private static final Migration CREATE_TABLES = TestMigration.of("1",
			"CREATE TABLE users (id int PRIMARY KEY, email text, code int)",
			"CREATE TABLE orders (id int, user_id int)");

	private HikariDataSource dataSource;

	@BeforeEach
	void createTables() {
		this.dataSource = PostgresTestDatabase.create(PostgresSafetyReportIntegrationTests.class).dataSource();
		migrator(MigratorSettings.Safety.OFF).migrate();
	}

	@AfterEach
	void close() {
		this.dataSource.close();
	}

	@Test
	void alterColumnTypeIsReportedAsARewriteUnderAnAccessExclusiveLock() {
		SafetyReport.Entry entry = single(TestMigration.of("2", "ALTER TABLE users ALTER COLUMN code TYPE bigint"));
		assertThat(entry.rewritten()).contains("table users", "index users_pkey");
		assertThat(entry.locks()).contains(new Lock("users", "AccessExclusiveLock"));
		assertThat(rules(entry, Level.ERROR)).containsOnly("rewrite");
		assertThat(rules(entry, Level.WARNING)).containsExactly("exclusive-lock");
		assertThat(entry.findings().get(0).message()).startsWith("rewrites table users");
		assertThat(entry.findings().get(0).recipe()).contains("backfill it in batches");
	}

	@Test
	void indexOnAnExistingTableWithoutConcurrentlyIsReported() {
		SafetyReport.Entry entry = single(TestMigration.of("2", "CREATE INDEX orders_user_id ON orders (user_id)"));
		assertThat(entry.locks()).containsExactly(new Lock("orders", "ShareLock"));
		assertThat(entry.rewritten()).isEmpty();
		assertThat(entry.findings()).singleElement().satisfies((finding) -> {
			assertThat(finding.rule()).isEqualTo("index-not-concurrent");
			assertThat(finding.message()).startsWith("builds index orders_user_id on orders without CONCURRENTLY");
			assertThat(finding.recipe()).contains("CREATE INDEX CONCURRENTLY in a non-transactional migration");
		});
	}

	@Test
	void validatedForeignKeyOnAnExistingTableIsReported() {
		SafetyReport.Entry entry = single(TestMigration.of("2",
				"ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id)"));
		assertThat(entry.locks()).contains(new Lock("orders", "ShareRowExclusiveLock"),
				new Lock("users", "ShareRowExclusiveLock"));
		assertThat(entry.findings()).singleElement().satisfies((finding) -> {
			assertThat(finding.rule()).isEqualTo("validated-constraint");
			assertThat(finding.message()).startsWith("adds foreign key orders_user_fk on orders validated");
			assertThat(finding.recipe()).contains("NOT VALID, then ALTER TABLE … VALIDATE CONSTRAINT");
		});
	}

	@Test
	void foreignKeyAddedNotValidIsNotReported() {
		SafetyReport.Entry entry = single(TestMigration.of("2", "ALTER TABLE orders ADD CONSTRAINT orders_user_fk "
				+ "FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID"));
		assertThat(rules(entry, Level.ERROR)).isEmpty();
	}

	@Test
	void createTableReportsNothing() {
		SafetyReport.Entry entry = single(
				TestMigration.of("2", "CREATE TABLE audit (id int PRIMARY KEY, user_id int REFERENCES audit (id))",
						"CREATE INDEX audit_user_id ON audit (user_id)"));
		assertThat(entry.locks()).isEmpty();
		assertThat(entry.rewritten()).isEmpty();
		assertThat(entry.findings()).isEmpty();
	}

	@Test
	void droppedAndRenamedColumnsAndSetNotNullAreReported() {
		SafetyReport.Entry entry = single(TestMigration.of("2", "ALTER TABLE users DROP COLUMN email",
				"ALTER TABLE orders RENAME COLUMN user_id TO customer_id", "ALTER TABLE orders ALTER id SET NOT NULL"));
		assertThat(entry.findings()).extracting(Finding::message)
			.anyMatch((message) -> message.startsWith("drops column users.email"))
			.anyMatch((message) -> message.startsWith("renames column orders.user_id to customer_id"))
			.anyMatch((message) -> message.startsWith("sets orders.id NOT NULL"));
		assertThat(rules(entry, Level.ERROR)).containsOnly("drop-or-rename", "set-not-null");
	}

	@Test
	void rewriteAcceptedByTheMigrationIsNoError() {
		SafetyReport.Entry entry = single(new V2__WidenCodes());
		assertThat(entry.findings()).filteredOn((finding) -> finding.rule().equals("rewrite"))
			.isNotEmpty()
			.allMatch(Finding::accepted);
		assertThat(migrator(MigratorSettings.Safety.OFF, new V2__WidenCodes()).safetyReport().unaccepted(Level.ERROR))
			.isEmpty();
	}

	@Test
	void safetyReportChangesNothing() {
		Migrator migrator = migrator(MigratorSettings.Safety.OFF,
				TestMigration.of("2", "ALTER TABLE users ALTER COLUMN code TYPE bigint"));
		migrator.safetyReport();
		assertThat(migrator.status().currentVersion()).isEqualTo("1");
		assertThat(codeType()).isEqualTo("integer");
	}

	@Test
	void safetyFailRefusesToApplyAnUnsafeMigrationAndAppliesNothing() {
		Migrator migrator = migrator(MigratorSettings.Safety.FAIL, TestMigration.of("2", "CREATE TABLE audit (id int)"),
				TestMigration.of("3", "ALTER TABLE users ALTER COLUMN code TYPE bigint"));
		assertThatExceptionOfType(MigrationRefusedException.class).isThrownBy(migrator::migrate)
			.withMessageContaining("Refusing to migrate DataSource 'dataSource': 2 unaccepted safety errors")
			.withMessageContaining("3 (dev.migrations.testsupport.TestMigration) rewrite: rewrites table users")
			.withMessageContaining("@AllowUnsafe(\"rewrite\")");
		assertThat(migrator.status().currentVersion()).isEqualTo("1");
		assertThat(
				new JdbcTemplate(this.dataSource).queryForObject("SELECT to_regclass('audit') IS NULL", Boolean.class))
			.isTrue();
	}

	@Test
	void safetyWarnLogsAndApplies(ConsoleOutput output) {
		Migrator migrator = migrator(MigratorSettings.Safety.WARN,
				TestMigration.of("2", "ALTER TABLE users ALTER COLUMN code TYPE bigint"));
		assertThat(migrator.migrate().count()).isEqualTo(1);
		assertThat(codeType()).isEqualTo("bigint");
		assertThat(output.toString())
			.contains("unaccepted safety errors in the pending migrations " + "(migrations.safety=warn)");
	}

	@Test
	void safetyFailAppliesAcceptedMigrations() {
		assertThat(migrator(MigratorSettings.Safety.FAIL, new V2__WidenCodes()).migrate().count()).isEqualTo(1);
		assertThat(codeType()).isEqualTo("bigint");
	}

	private SafetyReport.Entry single(Migration migration) {
		SafetyReport report = migrator(MigratorSettings.Safety.OFF, migration).safetyReport();
		System.out.println(report.describe());
		assertThat(report.notChecked()).isEmpty();
		assertThat(report.migrations()).hasSize(1);
		return report.migrations().get(0);
	}

	private static List<String> rules(SafetyReport.Entry entry, Level level) {
		return entry.findings()
			.stream()
			.filter((finding) -> finding.level() == level && !finding.accepted())
			.map(Finding::rule)
			.toList();
	}

	private String codeType() {
		return new JdbcTemplate(this.dataSource).queryForObject(
				"SELECT data_type FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'code'",
				String.class);
	}

	private Migrator migrator(MigratorSettings.Safety safety, Migration... migrations) {
		List<Migration> all = new ArrayList<>(List.of(CREATE_TABLES));
		all.addAll(List.of(migrations));
		return Migrator.create(this.dataSource, all, MigratorSettings.defaults("dataSource").withSafety(safety));
	}

	@AllowUnsafe("rewrite")
	static class V2__WidenCodes implements Migration {

		@Override
		public void up(MigrationContext context) {
			context.jdbc().execute("ALTER TABLE users ALTER COLUMN code TYPE bigint");
		}

	}

}
