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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.DatabaseState;
import dev.migrations.DatabaseStatus;
import dev.migrations.Migration;
import dev.migrations.MigrationContext;
import dev.migrations.MigrationException;
import dev.migrations.MigrationFailedException;
import dev.migrations.MigrationListener;
import dev.migrations.Migrator;
import dev.migrations.MigratorRegistry;
import dev.migrations.actuate.MigrationsEndpoint;
import dev.migrations.actuate.MigrationsHealthIndicator;
import dev.migrations.testsupport.PostgresTestDatabase;
import dev.migrations.testsupport.SqliteTestDatabase;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An application with a primary catalog DataSource and a monitoring one, set up the usual
 * Spring Boot way: each built from its own properties.
 */
class MultipleDataSourcesIntegrationTests {

	private static final List<String> runsStarted = new CopyOnWriteArrayList<>();

	@TempDir
	Path directory;

	private PostgresTestDatabase catalog;

	@BeforeEach
	void createDatabases() {
		this.catalog = PostgresTestDatabase.create(MultipleDataSourcesIntegrationTests.class);
		runsStarted.clear();
	}

	@Test
	void postgresAndSqliteEachGetExactlyTheirOwnMigrations() {
		try (ConfigurableApplicationContext context = start(SqliteMonitoring.class, GoodMigrations.class)) {
			assertThat(tables(context, "dataSource")).contains("products", "schema_migrations")
				.doesNotContain("samples");
			assertThat(tables(context, "monitoring")).contains("samples", "schema_migrations")
				.doesNotContain("products");
			assertThat(appliedVersions(context, "dataSource")).containsExactly("1", "2");
			assertThat(appliedVersions(context, "monitoring")).containsExactly("1");
			MigratorRegistry registry = context.getBean(MigratorRegistry.class);
			assertThat(registry.all()).extracting(Migrator::dataSourceName).containsExactly("dataSource", "monitoring");
			assertThat(context.getBean(Migrator.class).dataSourceName()).isEqualTo("dataSource");
		}
	}

	@Test
	void twoPostgresDatabasesEachGetExactlyTheirOwnMigrations() {
		PostgresTestDatabase monitoring = PostgresTestDatabase.create("MultipleDataSourcesMonitoring");
		try (ConfigurableApplicationContext context = start(SqliteMonitoring.class, GoodMigrations.class,
				"app.monitoring.datasource.jdbc-url=" + monitoring.url())) {
			assertThat(context.getBean("monitoring", HikariDataSource.class).getJdbcUrl()).isEqualTo(monitoring.url());
			assertThat(tables(context, "monitoring")).contains("samples").doesNotContain("products");
			assertThat(tables(context, "dataSource")).contains("products").doesNotContain("samples");
			assertThat(appliedVersions(context, "monitoring")).containsExactly("1");
		}
	}

	@Test
	void perDataSourceSettingsOverrideTheGlobalOnes() {
		try (ConfigurableApplicationContext context = start(SqliteMonitoring.class, GoodMigrations.class,
				"migrations.table=global_history", "migrations.data-sources.monitoring.table=monitoring_history")) {
			assertThat(tables(context, "dataSource")).contains("global_history").doesNotContain("monitoring_history");
			assertThat(tables(context, "monitoring")).contains("monitoring_history").doesNotContain("global_history");
		}
	}

	@Test
	void disabledDataSourceIsNotMigrated() {
		try (ConfigurableApplicationContext context = start(SqliteMonitoring.class, GoodMigrations.class,
				"migrations.data-sources.monitoring.enabled=false")) {
			assertThat(tables(context, "monitoring")).doesNotContain("samples", "schema_migrations");
			assertThat(context.getBean(MigratorRegistry.class).find("monitoring")).isNull();
		}
	}

	@Test
	void orderIsPrimaryFirstThenByNameUnlessConfigured() throws IOException {
		try (ConfigurableApplicationContext context = start(SqliteMonitoring.class, GoodMigrations.class)) {
			assertThat(runsStarted).containsExactly("dataSource", "monitoring");
		}
		runsStarted.clear();
		Files.createDirectories(this.directory.resolve("second"));
		try (ConfigurableApplicationContext context = start(SqliteMonitoring.class, GoodMigrations.class,
				"migrations.data-source-order=monitoring",
				"app.catalog.datasource.jdbc-url=" + PostgresTestDatabase.create("MultipleDataSourcesOrder").url(),
				"app.monitoring.datasource.jdbc-url="
						+ SqliteTestDatabase.in(this.directory.resolve("second")).url())) {
			assertThat(runsStarted).containsExactly("monitoring", "dataSource");
		}
	}

	@Test
	void migrationNamingAMissingDataSourceStopsTheStart() {
		assertThatExceptionOfType(BeanCreationException.class)
			.isThrownBy(() -> start(SqliteMonitoring.class, MisdirectedMigrations.class))
			.havingRootCause()
			.isInstanceOf(MigrationException.class)
			.withMessageContaining(V3__ForArchive.class.getName())
			.withMessageContaining("'archive'")
			.withMessageContaining("no DataSource bean of that name")
			.withMessageContaining("[dataSource, monitoring]");
	}

	@Test
	void migrationNamingABeanThatIsNotADataSourceStopsTheStart() {
		assertThatExceptionOfType(BeanCreationException.class)
			.isThrownBy(() -> start(SqliteMonitoring.class, NotADataSourceMigrations.class))
			.havingRootCause()
			.isInstanceOf(MigrationException.class)
			.withMessageContaining(V4__ForGreeting.class.getName())
			.withMessageContaining("bean 'greeting' is a java.lang.String, not a DataSource");
	}

	@Test
	void failureInTheSecondLeavesTheFirstMigratedAndBothReported() {
		try (ConfigurableApplicationContext context = start(SqliteMonitoring.class, FailingMonitoringMigrations.class,
				"migrations.on-failure=continue")) {
			MigratorRegistry registry = context.getBean(MigratorRegistry.class);
			assertThat(registry.get("dataSource").status().state()).isEqualTo(DatabaseState.UP_TO_DATE);
			assertThat(registry.get("monitoring").status().state()).isEqualTo(DatabaseState.FAILED);
			assertThat(tables(context, "dataSource")).contains("products");
			assertThat(tables(context, "monitoring")).doesNotContain("samples");
			Map<String, DatabaseStatus> report = new MigrationsEndpoint(registry, 10).migrations().dataSources();
			assertThat(report).containsOnlyKeys("dataSource", "monitoring");
			assertThat(report.get("dataSource").state()).isEqualTo(DatabaseState.UP_TO_DATE);
			assertThat(report.get("monitoring").state()).isEqualTo(DatabaseState.FAILED);
			Health health = new MigrationsHealthIndicator(registry).health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsOnlyKeys("dataSource", "monitoring");
		}
	}

	@Test
	void failureInTheSecondStopsTheStartWithTheFirstMigrated() {
		assertThatExceptionOfType(MigrationFailedException.class)
			.isThrownBy(() -> start(SqliteMonitoring.class, FailingMonitoringMigrations.class))
			.withMessageContaining("DataSource 'monitoring'");
		assertThat(new JdbcTemplate(this.catalog.dataSource())
			.queryForObject("SELECT count(*) FROM schema_migrations WHERE operation = 'UP' AND success", Integer.class))
			.isEqualTo(2);
	}

	private ConfigurableApplicationContext start(Class<?> dataSources, Class<?> migrations, String... properties) {
		return new SpringApplicationBuilder(TestApplication.class, dataSources, migrations).web(WebApplicationType.NONE)
			.properties("app.catalog.datasource.jdbc-url=" + this.catalog.url(),
					"app.monitoring.datasource.jdbc-url=" + SqliteTestDatabase.in(this.directory).url())
			.properties(properties)
			.run();
	}

	private static List<String> tables(ConfigurableApplicationContext context, String dataSource) {
		JdbcTemplate jdbc = new JdbcTemplate(context.getBean(dataSource, DataSource.class));
		return jdbc.execute((java.sql.Connection connection) -> {
			List<String> names = new java.util.ArrayList<>();
			try (java.sql.ResultSet tables = connection.getMetaData()
				.getTables(null, null, "%", new String[] { "TABLE" })) {
				while (tables.next()) {
					names.add(tables.getString("TABLE_NAME"));
				}
			}
			return names;
		});
	}

	private static List<String> appliedVersions(ConfigurableApplicationContext context, String dataSource) {
		return context.getBean(MigratorRegistry.class)
			.get(dataSource)
			.status()
			.migrations()
			.stream()
			.map((info) -> info.version())
			.toList();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

		@Bean
		MigrationListener runRecorder() {
			return new MigrationListener() {

				@Override
				public void runStarted(String dataSourceName, int count) {
					runsStarted.add(dataSourceName);
				}

			};
		}

	}

	static class SqliteMonitoring {

		@Bean
		@Primary
		@ConfigurationProperties("app.catalog.datasource")
		HikariDataSource dataSource() {
			return DataSourceBuilder.create().type(HikariDataSource.class).build();
		}

		@Bean
		@ConfigurationProperties("app.monitoring.datasource")
		HikariDataSource monitoring() {
			return DataSourceBuilder.create().type(HikariDataSource.class).build();
		}

		@Bean
		String greeting() {
			return "hello";
		}

	}

	static class V1__CreateProducts implements Migration {

		@Override
		public void up(MigrationContext context) {
			context.jdbc().execute("CREATE TABLE products (id bigint PRIMARY KEY)");
		}

	}

	static class V2__AddProductNames implements Migration {

		@Override
		public void up(MigrationContext context) {
			context.jdbc().execute("ALTER TABLE products ADD COLUMN name varchar(100)");
		}

	}

	static class V1__CreateSamples implements Migration {

		@Override
		public void up(MigrationContext context) {
			context.jdbc().execute("CREATE TABLE samples (id bigint PRIMARY KEY, value double precision)");
		}

		@Override
		public String dataSource() {
			return "monitoring";
		}

	}

	static class V1__CreateSamplesBadly implements Migration {

		@Override
		public void up(MigrationContext context) {
			context.jdbc().execute("CREATE TABLE samples (id bigint PRIMARY KEY)");
			throw new IllegalStateException("sensor offline");
		}

		@Override
		public String dataSource() {
			return "monitoring";
		}

	}

	static class V3__ForArchive implements Migration {

		@Override
		public void up(MigrationContext context) {
		}

		@Override
		public String dataSource() {
			return "archive";
		}

	}

	static class V4__ForGreeting implements Migration {

		@Override
		public void up(MigrationContext context) {
		}

		@Override
		public String dataSource() {
			return "greeting";
		}

	}

	@Import({ V1__CreateProducts.class, V2__AddProductNames.class, V1__CreateSamples.class })
	static class GoodMigrations {

	}

	@Import({ V1__CreateProducts.class, V2__AddProductNames.class, V1__CreateSamplesBadly.class })
	static class FailingMonitoringMigrations {

	}

	@Import({ V1__CreateProducts.class, V3__ForArchive.class })
	static class MisdirectedMigrations {

	}

	@Import({ V1__CreateProducts.class, V4__ForGreeting.class })
	static class NotADataSourceMigrations {

	}

}
