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
import java.net.ServerSocket;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Migration;
import dev.migrations.MigrationContext;
import dev.migrations.MigrationException;
import dev.migrations.testsupport.SqliteTestDatabase;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migrations.connect-retries}, {@code migrations.connect-retries-interval} and
 * {@code migrations.init-sqls}, globally and per DataSource, as the auto-configuration
 * binds them: against a port where nothing listens, and on SQLite.
 */
class MigrationsConnectionSettingsTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class))
		.withUserConfiguration(MigrationConfiguration.class)
		.withPropertyValues("migrations.run-on=startup");

	@TempDir
	Path directory;

	@Test
	void connectRetriesGiveUpAfterTheLastAttempt() throws IOException {
		nowhere().withPropertyValues("migrations.connect-retries=2", "migrations.connect-retries-interval=5ms")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(migrationException(context.getStartupFailure()))
					.hasMessageStartingWith("Cannot connect to DataSource 'dataSource' after 3 attempts 5ms apart: ")
					.hasMessageContaining("refused")
					.hasMessageEndingWith("Check that the database is up and reachable, or give it more time with "
							+ "migrations.connect-retries and migrations.connect-retries-interval.");
			});
	}

	@Test
	void connectRetriesOfTheDataSourceOverrideTheGlobalOnes() throws IOException {
		nowhere()
			.withPropertyValues("migrations.connect-retries=5", "migrations.connect-retries-interval=1s",
					"migrations.data-sources.dataSource.connect-retries=1",
					"migrations.data-sources.dataSource.connect-retries-interval=1ms")
			.run((context) -> assertThat(migrationException(context.getStartupFailure()))
				.hasMessageStartingWith("Cannot connect to DataSource 'dataSource' after 2 attempts 1ms apart: "));
	}

	@Test
	void negativeConnectRetriesNameTheProperty() {
		sqlite().withPropertyValues("migrations.data-sources.dataSource.connect-retries=-1")
			.run((context) -> assertThat(migrationException(context.getStartupFailure()))
				.hasMessage("migrations.data-sources.dataSource.connect-retries is -1 for DataSource 'dataSource', but "
						+ "must not be negative. Set 0 to fail at the first failed connection, or more to retry."));
	}

	@Test
	void initSqlsRunOnTheMigrationsConnections() {
		sqlite().withPropertyValues("migrations.init-sqls=PRAGMA foreign_keys = ON").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(foreignKeysSeen(context)).isEqualTo(1);
		});
	}

	@Test
	void initSqlsOfTheDataSourceOverrideTheGlobalOnes() {
		sqlite()
			.withPropertyValues("migrations.init-sqls=SET ROLE owner",
					"migrations.data-sources.dataSource.init-sqls=PRAGMA foreign_keys = ON")
			.run((context) -> assertThat(foreignKeysSeen(context)).isEqualTo(1));
	}

	@Test
	void failingInitSqlNamesTheStatementAndTheProperty() {
		sqlite().withPropertyValues("migrations.init-sqls=SET ROLE owner").run((context) -> {
			assertThat(migrationException(context.getStartupFailure()))
				.hasMessageStartingWith("Init SQL 'SET ROLE owner' of DataSource 'dataSource' failed: ")
				.hasMessageEndingWith(
						"Correct migrations.init-sqls (or migrations.data-sources.dataSource.init-sqls).");
			assertThat(new JdbcTemplate(new DriverManagerDataSource(SqliteTestDatabase.in(this.directory).url()))
				.queryForObject("SELECT count(*) FROM sqlite_master WHERE name = 'seen'", Integer.class)).isZero();
		});
	}

	private static Integer foreignKeysSeen(ApplicationContext context) {
		return new JdbcTemplate(context.getBean(DataSource.class)).queryForObject("SELECT foreign_keys FROM seen",
				Integer.class);
	}

	private ApplicationContextRunner sqlite() {
		return this.contextRunner.withPropertyValues(SqliteTestDatabase.in(this.directory).datasourceProperties());
	}

	private ApplicationContextRunner nowhere() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		return this.contextRunner.withPropertyValues(
				"spring.datasource.url=jdbc:postgresql://127.0.0.1:" + port + "/app", "spring.datasource.username=app",
				"spring.datasource.password=Nowhere-Secret-4");
	}

	private static Throwable migrationException(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof MigrationException) {
				return cause;
			}
		}
		throw new AssertionError("No MigrationException caused " + failure, failure);
	}

	@Configuration(proxyBeanMethods = false)
	static class MigrationConfiguration {

		@Bean
		V1__RecordForeignKeys recordForeignKeys() {
			return new V1__RecordForeignKeys();
		}

	}

	static class V1__RecordForeignKeys implements Migration {

		@Override
		public void up(MigrationContext context) {
			context.jdbc().execute("CREATE TABLE seen AS SELECT foreign_keys FROM pragma_foreign_keys");
		}

	}

}
