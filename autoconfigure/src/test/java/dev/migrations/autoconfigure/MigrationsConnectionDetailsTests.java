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
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.MigrationException;
import dev.migrations.Migrator;
import dev.migrations.testsupport.SqliteTestDatabase;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactories;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactory;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.AbstractDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the migrations of the primary DataSource connect: property-based
 * {@link MigrationsConnectionDetails} by default, a user's own bean, and the factories
 * that Docker Compose and Testcontainers service connections use, on SQLite.
 */
class MigrationsConnectionDetailsTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class))
		.withUserConfiguration(MigrationConfiguration.class);

	@TempDir
	Path directory;

	@Test
	void propertiesAreTheDefaultDetails() {
		this.contextRunner.withPropertyValues(application().datasourceProperties())
			.withPropertyValues("migrations.url=jdbc:sqlite:/tmp/other.db", "migrations.user=owner",
					"migrations.password=Owner-Secret-1")
			.run((context) -> {
				assertThat(context).hasSingleBean(MigrationsConnectionDetails.class);
				MigrationsConnectionDetails details = context.getBean(MigrationsConnectionDetails.class);
				assertThat(details).isInstanceOf(PropertiesMigrationsConnectionDetails.class);
				assertThat(details.getJdbcUrl()).isEqualTo("jdbc:sqlite:/tmp/other.db");
				assertThat(details.getUsername()).isEqualTo("owner");
				assertThat(details.getPassword()).isEqualTo("Owner-Secret-1");
				assertThat(details.getDriverClassName()).isEqualTo("org.sqlite.JDBC");
				assertThat(details).asString().doesNotContain("Owner-Secret-1");
			});
	}

	@Test
	void backsOffWhenUserDefinesConnectionDetails() throws IOException {
		SqliteTestDatabase migrations = SqliteTestDatabase.in(Files.createDirectories(this.directory.resolve("own")));
		this.contextRunner.withPropertyValues(application().datasourceProperties())
			.withBean(MigrationsConnectionDetails.class, () -> new UrlDetails(migrations.url()))
			.withPropertyValues("migrations.run-on=startup")
			.run((context) -> {
				assertThat(context).hasSingleBean(MigrationsConnectionDetails.class)
					.doesNotHaveBean(PropertiesMigrationsConnectionDetails.class);
				assertThat(tables(migrations.url())).contains("users");
				assertThat(tables(application().url())).isEmpty();
			});
	}

	@Test
	void withoutUrlOrUserTheMigrationsUseThePrimaryDataSource() {
		this.contextRunner.withPropertyValues(application().datasourceProperties())
			.withPropertyValues("migrations.run-on=startup")
			.run((context) -> assertThat(tables(application().url())).contains("users", "schema_migrations"));
	}

	@Test
	void migrationsUrlAloneMigratesThatDatabase() throws IOException {
		SqliteTestDatabase migrations = SqliteTestDatabase.in(Files.createDirectories(this.directory.resolve("own")));
		this.contextRunner.withPropertyValues(application().datasourceProperties())
			.withPropertyValues("migrations.run-on=startup", "migrations.url=" + migrations.url())
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(Migrator.class).status().currentVersion()).isEqualTo("1");
				assertThat(tables(migrations.url())).contains("users", "schema_migrations");
				assertThat(tables(application().url())).isEmpty();
			});
	}

	@Test
	void passwordWithoutUserFailsTheStart() {
		this.contextRunner.withPropertyValues(application().datasourceProperties())
			.withPropertyValues("migrations.password=Lonely-Secret-2")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(MigrationException.class)
					.hasMessage("migrations.password is set, but neither migrations.user nor migrations.url, so the "
							+ "migrations of DataSource 'dataSource' would not use it. Set migrations.user to the user "
							+ "the password belongs to, or remove migrations.password.");
			});
	}

	@Test
	void userWithADataSourceWhoseUrlCannotBeReadFailsTheStart() {
		this.contextRunner.withBean("dataSource", OpaqueDataSource.class, () -> new OpaqueDataSource(application()))
			.withPropertyValues("migrations.user=owner")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(migrationException(context.getStartupFailure()))
					.hasMessage("Cannot build the DataSource the migrations of DataSource 'dataSource' connect through "
							+ "(migrations.user with the URL of " + OpaqueDataSource.class.getName() + "): Unable to "
							+ "find suitable method for url. Set migrations.url to the database's JDBC URL, and check "
							+ "that its driver is on the classpath.");
				assertThat(tables(application().url())).isEmpty();
			});
	}

	@Test
	void dockerComposeJdbcDetailsAreAdaptedForTheMigrations() {
		ConnectionDetailsFactories factories = new ConnectionDetailsFactories(getClass().getClassLoader());
		JdbcConnectionDetails jdbc = new JdbcConnectionDetails() {

			@Override
			public String getUsername() {
				return "app";
			}

			@Override
			public String getPassword() {
				return "App-Secret-3";
			}

			@Override
			public String getJdbcUrl() {
				return "jdbc:postgresql://127.0.0.1:5432/app";
			}

		};
		Map<Class<?>, ConnectionDetails> adapted = factories.getConnectionDetails(jdbc, false);
		assertThat(adapted).containsKey(MigrationsConnectionDetails.class);
		MigrationsConnectionDetails details = (MigrationsConnectionDetails) adapted
			.get(MigrationsConnectionDetails.class);
		assertThat(details.getJdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/app");
		assertThat(details.getUsername()).isEqualTo("app");
		assertThat(details.getPassword()).isEqualTo("App-Secret-3");
		assertThat(details.getDriverClassName()).isEqualTo("org.postgresql.Driver");
		assertThat(details).asString().doesNotContain("App-Secret-3");
	}

	@Test
	void testcontainersFactoryIsRegistered() {
		List<ConnectionDetailsFactory> factories = SpringFactoriesLoader
			.forDefaultResourceLocation(getClass().getClassLoader())
			.load(ConnectionDetailsFactory.class, FailureHandler.logging(LogFactory.getLog(getClass())));
		assertThat(factories).extracting((factory) -> factory.getClass().getName())
			.contains("dev.migrations.testcontainers.MigrationsContainerConnectionDetailsFactory",
					"dev.migrations.docker.compose.JdbcAdaptingMigrationsConnectionDetailsFactory");
	}

	private static Throwable migrationException(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof MigrationException) {
				return cause;
			}
		}
		throw new AssertionError("No MigrationException caused " + failure, failure);
	}

	private SqliteTestDatabase application() {
		return SqliteTestDatabase.in(this.directory);
	}

	private static List<String> tables(String url) {
		return new JdbcTemplate(new DriverManagerDataSource(url))
			.queryForList("SELECT name FROM sqlite_master WHERE type = 'table'", String.class);
	}

	/**
	 * Details of a user's own: a URL alone.
	 */
	record UrlDetails(String getJdbcUrl) implements MigrationsConnectionDetails {

		@Override
		public @Nullable String getUsername() {
			return null;
		}

		@Override
		public @Nullable String getPassword() {
			return null;
		}

	}

	/**
	 * A DataSource of a type Spring Boot cannot read a URL from, on a real database.
	 */
	static final class OpaqueDataSource extends AbstractDataSource {

		private final DriverManagerDataSource target;

		OpaqueDataSource(SqliteTestDatabase database) {
			this.target = new DriverManagerDataSource(database.url());
		}

		@Override
		public Connection getConnection() throws SQLException {
			return this.target.getConnection();
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return this.target.getConnection(username, password);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class MigrationConfiguration {

		@Bean
		MigrationsAutoConfigurationTests.V1__CreateUsers createUsers() {
			return new MigrationsAutoConfigurationTests.V1__CreateUsers();
		}

	}

}
