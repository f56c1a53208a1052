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

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.migrations.Migration;
import dev.migrations.MigrationContext;
import dev.migrations.Migrator;
import dev.migrations.MigratorSettings;
import dev.migrations.MigratorSettings.StatementLimits;
import dev.migrations.testsupport.MariaDbTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lock timeout on MariaDB: the session's lock_wait_timeout and
 * innodb_lock_wait_timeout while a migration runs, the previous values after it.
 */
class MariaDbLockTimeoutIntegrationTests {

	private static final String TIMEOUTS = "SELECT CONCAT(@@SESSION.lock_wait_timeout, ' ', "
			+ "@@SESSION.innodb_lock_wait_timeout)";

	private HikariDataSource dataSource;

	@BeforeEach
	void createDatabase() {
		this.dataSource = MariaDbTestDatabase.create(MariaDbLockTimeoutIntegrationTests.class).dataSource();
		this.dataSource.setMaximumPoolSize(2);
	}

	@AfterEach
	void close() {
		this.dataSource.close();
	}

	@Test
	void migrationRunsWithTheLockTimeoutInWholeSecondsAndTheSessionGetsItsOwnBack() throws SQLException {
		List<String> before = sessionTimeouts();
		AtomicReference<String> seen = new AtomicReference<>();
		Migration read = new Migration() {

			@Override
			public String version() {
				return "1";
			}

			@Override
			public String description() {
				return "Read the timeouts";
			}

			@Override
			public void up(MigrationContext context) {
				seen.set(context.jdbc().queryForObject(TIMEOUTS, String.class));
			}

		};
		MigratorSettings settings = MigratorSettings.defaults("dataSource")
			.withStatementLimits(new StatementLimits(Duration.ofMillis(1500), null, 3));
		Migrator.create(this.dataSource, List.of(read), settings).migrate();
		assertThat(seen.get()).isEqualTo("2 2");
		assertThat(sessionTimeouts()).isEqualTo(before).doesNotContain("2 2");
	}

	private List<String> sessionTimeouts() throws SQLException {
		try (Connection first = this.dataSource.getConnection(); Connection second = this.dataSource.getConnection()) {
			return List.of(timeouts(first), timeouts(second));
		}
	}

	private static String timeouts(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(TIMEOUTS)) {
			result.next();
			return result.getString(1);
		}
	}

}
