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
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.DatabaseStatus;
import dev.migrations.HistoryEntry;
import dev.migrations.Migrator;
import dev.migrations.MigratorSettings;
import dev.migrations.RunResult;
import dev.migrations.testsupport.ConsoleOutput;
import dev.migrations.testsupport.PostgresTestDatabase;
import dev.migrations.testsupport.SqliteTestDatabase;
import dev.migrations.testsupport.TestMigration;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clock and identity (#22): instances with skewed clocks are ordered by history id, never
 * by time, and the user and host recorded never carry a password or a URL.
 */
class ClockAndIdentityIntegrationTests {

	private static final String PASSWORD = "S3cretTestPw-22";

	@TempDir
	Path directory;

	@Test
	void historyIsOrderedByIdWhenAnInstanceClockRunsAhead() throws SQLException {
		SqliteTestDatabase database = SqliteTestDatabase.in(this.directory);
		try (HikariDataSource dataSource = database.dataSource()) {
			JdbcTemplate jdbc = new JdbcTemplate(dataSource);
			migrator(dataSource, 1).migrate();
			// The instance that applied version 1 had its clock 73 years ahead.
			jdbc.update("UPDATE schema_migrations SET started_at = '2099-01-01T00:00:00Z' WHERE version = '1'");
			migrator(dataSource, 2).migrate();
			DatabaseStatus status = migrator(dataSource, 2).status();
			assertThat(status.currentVersion()).isEqualTo("2");
			// Newest first, by id: version 2 although version 1's started_at is later.
			assertThat(status.history()).extracting(HistoryEntry::version).containsSubsequence("2", "1");
			assertThat(status.history()).extracting(HistoryEntry::id).isSortedAccordingTo(Comparator.reverseOrder());
			RunResult rollback = migrator(dataSource, 2).rollback(1);
			assertThat(rollback.outcomes()).extracting("version").containsExactly("2");
			assertThat(migrator(dataSource, 2).status().currentVersion()).isEqualTo("1");
		}
	}

	@Test
	@ExtendWith(ConsoleOutput.class)
	void installedByAndHostNeverCarryThePasswordOrTheUrl(ConsoleOutput output) throws SQLException {
		PostgresTestDatabase database = PostgresTestDatabase.create(ClockAndIdentityIntegrationTests.class);
		try (Connection admin = database.connect(); Statement statement = admin.createStatement()) {
			statement.execute("DROP ROLE IF EXISTS migrations_identity");
			statement.execute("CREATE ROLE migrations_identity LOGIN PASSWORD '" + PASSWORD + "'");
			statement.execute("GRANT ALL ON SCHEMA public TO migrations_identity");
		}
		String url = database.url().replace("user=postgres", "user=migrations_identity&password=" + PASSWORD);
		try (HikariDataSource dataSource = new HikariDataSource()) {
			dataSource.setJdbcUrl(url);
			Migrator migrator = migrator(dataSource, 2);
			migrator.migrate();
			DatabaseStatus status = migrator.status();
			assertThat(status.history()).isNotEmpty().allSatisfy((entry) -> {
				assertThat(entry.installedBy()).isEqualTo("migrations_identity");
				assertThat(entry.host()).doesNotContain(PASSWORD).doesNotContain("jdbc:").doesNotContain("://");
			});
			assertThat(status.toString()).doesNotContain(PASSWORD).doesNotContain("jdbc:");
			List<String> columns = new JdbcTemplate(dataSource).queryForList(
					"SELECT concat_ws('|', installed_by, host, error, source, description) FROM schema_migrations",
					String.class);
			assertThat(columns).isNotEmpty().allSatisfy((row) -> assertThat(row).doesNotContain(PASSWORD));
		}
		finally {
			try (Connection admin = database.connect(); Statement statement = admin.createStatement()) {
				statement.execute("DROP OWNED BY migrations_identity");
				statement.execute("DROP ROLE migrations_identity");
			}
		}
		assertThat(output.toString()).contains("applied 2 migrations").doesNotContain(PASSWORD);
	}

	private static Migrator migrator(HikariDataSource dataSource, int count) {
		List<TestMigration> migrations = (count == 1) ? List.of(table(1)) : List.of(table(1), table(2));
		return Migrator.create(dataSource, migrations, MigratorSettings.defaults("dataSource"));
	}

	private static TestMigration table(int version) {
		return TestMigration.of(String.valueOf(version), "CREATE TABLE t" + version + " (id int)")
			.withDown("DROP TABLE t" + version);
	}

}
