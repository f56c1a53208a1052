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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.DatabaseState;
import dev.migrations.MigrationValidationException;
import dev.migrations.Migrator;
import dev.migrations.testsupport.PostgresTestDatabase;
import dev.migrations.testsupport.SqliteTestDatabase;
import dev.migrations.testsupport.TestMigration;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code migrations.repair-on-start}: a start that validation stopped succeeds once with
 * it, on PostgreSQL and on a real SQLite file.
 */
@ExtendWith(OutputCaptureExtension.class)
class MigrationsRepairOnStartIntegrationTests {

	@TempDir
	Path directory;

	@Test
	void repairOnStartAcceptsAChangedChecksumOnPostgres(CapturedOutput output) {
		repairOnStartAcceptsAChangedChecksum(
				PostgresTestDatabase.create(MigrationsRepairOnStartIntegrationTests.class).datasourceProperties(),
				output);
	}

	@Test
	void repairOnStartAcceptsAChangedChecksumOnSqlite(CapturedOutput output) {
		repairOnStartAcceptsAChangedChecksum(SqliteTestDatabase.in(this.directory).datasourceProperties(), output);
	}

	private void repairOnStartAcceptsAChangedChecksum(String[] database, CapturedOutput output) {
		start(ChecksumA.class, database).close();
		assertThatExceptionOfType(MigrationValidationException.class).isThrownBy(() -> start(ChecksumB.class, database))
			.withMessageContaining("checksum is now b");
		try (ConfigurableApplicationContext context = start(ChecksumB.class, database,
				"migrations.repair-on-start=true")) {
			assertThat(context.getBean(Migrator.class).status().state()).isEqualTo(DatabaseState.UP_TO_DATE);
			assertThat(context.getBean(JdbcTemplate.class)
				.queryForObject("SELECT count(*) FROM schema_migrations WHERE operation = 'REPAIR'", Integer.class))
				.isOne();
		}
		assertThat(output).contains("dataSource: repaired the history before migrating, because "
				+ "migrations.repair-on-start=true: failed attempts cleared [], changed migrations accepted [1]");
		start(ChecksumB.class, database).close();
	}

	@Test
	void repairOnStartWithNothingToRepairChangesNothing(CapturedOutput output) {
		String[] database = SqliteTestDatabase.in(this.directory).datasourceProperties();
		try (ConfigurableApplicationContext context = start(ChecksumA.class, database,
				"migrations.repair-on-start=true")) {
			assertThat(context.getBean(JdbcTemplate.class)
				.queryForObject("SELECT count(*) FROM schema_migrations WHERE operation = 'REPAIR'", Integer.class))
				.isZero();
		}
		assertThat(output).contains("dataSource: nothing to repair (migrations.repair-on-start=true)");
	}

	private ConfigurableApplicationContext start(Class<?> migrations, String[] database, String... properties) {
		return new SpringApplicationBuilder(TestApplication.class, migrations).web(WebApplicationType.NONE)
			.properties(database)
			.properties(properties)
			.run();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

	static class ChecksumA {

		@Bean
		TestMigration first() {
			return TestMigration.of("1", "CREATE TABLE first (id integer)").withChecksum("a");
		}

	}

	static class ChecksumB {

		@Bean
		TestMigration first() {
			return TestMigration.of("1", "CREATE TABLE first (id integer)").withChecksum("b");
		}

	}

}
