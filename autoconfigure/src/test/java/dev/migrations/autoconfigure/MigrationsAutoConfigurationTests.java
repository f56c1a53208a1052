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
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.DatabaseStatus;
import dev.migrations.DryRunResult;
import dev.migrations.Migration;
import dev.migrations.MigrationContext;
import dev.migrations.MigrationException;
import dev.migrations.MigrationInfo;
import dev.migrations.MigrationKind;
import dev.migrations.MigrationValidationException;
import dev.migrations.Migrator;
import dev.migrations.MigratorSettings.PostgresLock;
import dev.migrations.MigratorRegistry;
import dev.migrations.MigratorSettings;
import dev.migrations.RepairResult;
import dev.migrations.RunResult;
import dev.migrations.autoconfigure.MigrationsProperties.OnFailure;
import dev.migrations.autoconfigure.MigrationsProperties.RunOn;
import dev.migrations.testsupport.SqliteTestDatabase;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class));

	@TempDir
	Path directory;

	private ApplicationContextRunner withDatabase() {
		return this.contextRunner.withPropertyValues(SqliteTestDatabase.in(this.directory).datasourceProperties());
	}

	@Test
	void createsMigratorRegistryAndRunnerWithADataSource() {
		withDatabase().withUserConfiguration(MigrationConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(MigratorRegistry.class)
				.hasSingleBean(Migrator.class)
				.hasSingleBean(MigrationsRunner.class);
			assertThat(context.getBean(Migrator.class).dataSourceName()).isEqualTo("dataSource");
			assertThat(context.getBean(Migrator.class).status().pending()).isEqualTo(1);
		});
	}

	@Test
	void tellsHibernateThatTheMigratedDataSourceIsManaged() {
		withDatabase().withUserConfiguration(MigrationConfiguration.class).run((context) -> {
			SchemaManagementProvider provider = context.getBean(SchemaManagementProvider.class);
			assertThat(provider.getSchemaManagement(context.getBean(DataSource.class)))
				.isEqualTo(SchemaManagement.MANAGED);
			assertThat(provider.getSchemaManagement(new DriverManagerDataSource("jdbc:sqlite::memory:")))
				.isEqualTo(SchemaManagement.UNMANAGED);
		});
	}

	@Test
	void schemaIsUnmanagedWhenMigrationsAreDisabled() {
		withDatabase().withUserConfiguration(MigrationConfiguration.class)
			.withPropertyValues("migrations.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SchemaManagementProvider.class));
	}

	@Test
	void backsOffWithoutADataSource() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.sqlite", "org.postgresql", "com.zaxxer"))
			.run((context) -> assertThat(context).doesNotHaveBean(MigratorRegistry.class)
				.doesNotHaveBean(MigrationsRunner.class));
	}

	@Test
	void backsOffWithoutSpringJdbc() {
		withDatabase().withClassLoader(new FilteredClassLoader(JdbcTemplate.class))
			.run((context) -> assertThat(context).doesNotHaveBean(MigratorRegistry.class));
	}

	@Test
	void backsOffWhenDisabled() {
		withDatabase().withPropertyValues("migrations.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MigratorRegistry.class)
				.doesNotHaveBean(MigrationsRunner.class));
	}

	@Test
	void lockTimeoutWithoutAUnitIsInSeconds() {
		withDatabase().withUserConfiguration(MigrationConfiguration.class)
			.withPropertyValues("migrations.run-on=manual", "migrations.lock-timeout=5",
					"migrations.data-sources.dataSource.lock-timeout=7")
			.run((context) -> {
				MigrationsProperties properties = context.getBean(MigrationsProperties.class);
				assertThat(properties.getLockTimeout()).isEqualTo(Duration.ofSeconds(5));
				assertThat(properties.getDataSources().get("dataSource").getLockTimeout())
					.isEqualTo(Duration.ofSeconds(7));
			});
	}

	@Test
	void bindsEveryProperty() {
		withDatabase().withUserConfiguration(MigrationConfiguration.class)
			.withPropertyValues("migrations.run-on=manual", "migrations.on-failure=continue",
					"migrations.table=history", "migrations.schema=main", "migrations.target-version=1",
					"migrations.out-of-order=true", "migrations.baseline-on-migrate=true",
					"migrations.baseline-version=2", "migrations.lock-timeout=5s", "migrations.group=true",
					"migrations.fresh-schema=classpath:db/schema.sql",
					"migrations.locations=classpath:db/migrations,filesystem:" + this.directory,
					"migrations.placeholders.owner=app", "migrations.history-limit=10",
					"migrations.data-sources.dataSource.table=other")
			.run((context) -> {
				MigrationsProperties properties = context.getBean(MigrationsProperties.class);
				assertThat(properties.getRunOn()).isEqualTo(RunOn.MANUAL);
				assertThat(properties.getOnFailure()).isEqualTo(OnFailure.CONTINUE);
				assertThat(properties.getTable()).isEqualTo("history");
				assertThat(properties.getSchema()).isEqualTo("main");
				assertThat(properties.getTargetVersion()).isEqualTo("1");
				assertThat(properties.isOutOfOrder()).isTrue();
				assertThat(properties.isBaselineOnMigrate()).isTrue();
				assertThat(properties.getBaselineVersion()).isEqualTo("2");
				assertThat(properties.getLockTimeout()).isEqualTo(Duration.ofSeconds(5));
				assertThat(properties.isGroup()).isTrue();
				assertThat(properties.getFreshSchema()).isEqualTo("classpath:db/schema.sql");
				assertThat(properties.getLocations()).containsExactly("classpath:db/migrations",
						"filesystem:" + this.directory);
				assertThat(properties.getPlaceholders()).containsEntry("owner", "app");
				assertThat(properties.getHistoryLimit()).isEqualTo(10);
				assertThat(properties.getDataSources().get("dataSource").getTable()).isEqualTo("other");
			});
	}

	@Test
	void statementLimitsDefaultToATenSecondLockTimeoutAndThreeRetries() {
		withDatabase().withUserConfiguration(MigrationConfiguration.class)
			.withPropertyValues("migrations.run-on=manual")
			.run((context) -> {
				MigrationsProperties.Postgresql postgresql = context.getBean(MigrationsProperties.class)
					.getPostgresql();
				assertThat(postgresql.getLockTimeout()).isEqualTo(Duration.ofSeconds(10));
				assertThat(postgresql.getStatementTimeout()).isNull();
				assertThat(postgresql.getLockRetries()).isEqualTo(3);
			});
	}

	@Test
	void lockTimeoutReachesTheMigrationsConnection() {
		withDatabase().withUserConfiguration(BusyTimeoutConfiguration.class)
			.withPropertyValues("migrations.run-on=manual", "migrations.postgresql.lock-timeout=2500ms",
					"migrations.postgresql.statement-timeout=1m", "migrations.postgresql.lock-retries=0")
			.run((context) -> {
				MigrationsProperties.Postgresql postgresql = context.getBean(MigrationsProperties.class)
					.getPostgresql();
				assertThat(postgresql.getStatementTimeout()).isEqualTo(Duration.ofMinutes(1));
				assertThat(postgresql.getLockRetries()).isZero();
				context.getBean(Migrator.class).migrate();
				assertThat(context.getBean(BusyTimeoutMigration.class).seen).isEqualTo(2500);
			});
	}

	@Test
	void safetyIsOffByDefaultAndBindsItsValues() {
		withDatabase().withUserConfiguration(MigrationConfiguration.class)
			.withPropertyValues("migrations.run-on=manual")
			.run((context) -> assertThat(context.getBean(MigrationsProperties.class).getSafety())
				.isEqualTo(MigratorSettings.Safety.OFF));
		withDatabase().withUserConfiguration(MigrationConfiguration.class)
			.withPropertyValues("migrations.run-on=manual", "migrations.safety=fail")
			.run((context) -> assertThat(context.getBean(MigrationsProperties.class).getSafety())
				.isEqualTo(MigratorSettings.Safety.FAIL));
	}

	@Test
	void negativeLockRetriesFailTheStartNamingTheProperty() {
		withDatabase().withUserConfiguration(MigrationConfiguration.class)
			.withPropertyValues("migrations.postgresql.lock-retries=-1")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(MigrationException.class)
					.hasMessageContaining("migrations.postgresql.lock-retries is -1")
					.hasMessageContaining("0 or more");
			});
	}

	@Test
	void postgresqlLockBindsGloballyAndPerDataSource() {
		withDatabase().withUserConfiguration(MigrationConfiguration.class)
			.withPropertyValues("migrations.run-on=manual", "migrations.postgresql.lock=transaction",
					"migrations.data-sources.dataSource.postgresql.lock=session")
			.run((context) -> {
				MigrationsProperties properties = context.getBean(MigrationsProperties.class);
				assertThat(properties.getPostgresql().getLock()).isEqualTo(PostgresLock.TRANSACTION);
				assertThat(properties.getDataSources().get("dataSource").getPostgresql().getLock())
					.isEqualTo(PostgresLock.SESSION);
			});
	}

	@Test
	void postgresqlLockDefaultsToSession() {
		withDatabase().withUserConfiguration(MigrationConfiguration.class)
			.withPropertyValues("migrations.run-on=manual")
			.run((context) -> assertThat(context.getBean(MigrationsProperties.class).getPostgresql().getLock())
				.isEqualTo(PostgresLock.SESSION));
	}

	@Test
	void unknownPostgresqlLockFailsNamingTheProperty() {
		withDatabase().withUserConfiguration(MigrationConfiguration.class)
			.withPropertyValues("migrations.postgresql.lock=advisory")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("advisory"));
	}

	@Test
	void perDataSourceSettingsOverrideGlobalOnes() {
		withDatabase().withUserConfiguration(MigrationConfiguration.class)
			.withPropertyValues("migrations.run-on=manual", "migrations.table=global_history",
					"migrations.data-sources.dataSource.table=own_history")
			.run((context) -> {
				DatabaseStatus status = context.getBean(Migrator.class).status();
				assertThat(status.table()).isEqualTo("own_history");
			});
	}

	@Test
	void invalidMigrationsFailTheStartBeforeTouchingTheDatabase() {
		withDatabase().withUserConfiguration(MigrationConfiguration.class, DuplicateConfiguration.class)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(MigrationValidationException.class)
					.hasMessageContaining("Versions must be unique")
					.hasMessageContaining(V1__CreateUsers.class.getName());
			});
	}

	@Test
	void freshSchemaThatDoesNotExistFailsTheStartNamingTheProperty() {
		withDatabase().withUserConfiguration(MigrationConfiguration.class)
			.withPropertyValues("migrations.fresh-schema=classpath:db/missing.sql")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(MigrationException.class)
					.hasMessageStartingWith("migrations.fresh-schema names classpath:db/missing.sql for DataSource "
							+ "'dataSource', which does not exist.")
					.hasMessageContaining("or remove migrations.fresh-schema to replay every migration");
			});
	}

	@Test
	void freshSchemaCreatesAnEmptyDatabaseAndStampsIt() {
		withDatabase().withUserConfiguration(MigrationConfiguration.class)
			.withPropertyValues("migrations.run-on=manual", "migrations.fresh-schema=classpath:db/schema.sql")
			.run((context) -> {
				RunResult result = context.getBean(Migrator.class).migrate();
				assertThat(result.toVersion()).isEqualTo("1");
				JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
				assertThat(jdbc.queryForObject("SELECT source FROM schema_migrations WHERE operation = 'BASELINE'",
						String.class))
					.isEqualTo("classpath:db/schema.sql");
				assertThat(jdbc.queryForObject("SELECT count(*) FROM schema_migrations WHERE operation = 'UP'",
						Integer.class))
					.isZero();
			});
	}

	@Test
	void emptyFreshSchemaOfADataSourceTurnsTheGlobalOneOff() {
		withDatabase().withUserConfiguration(MigrationConfiguration.class)
			.withPropertyValues("migrations.run-on=manual", "migrations.fresh-schema=classpath:db/missing.sql",
					"migrations.data-sources.dataSource.fresh-schema=")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(Migrator.class).migrate().count()).isOne();
			});
	}

	@Test
	void migrationNamingAnUnknownDataSourceFailsTheStart() {
		withDatabase().withUserConfiguration(UnknownDataSourceConfiguration.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(MigrationException.class)
				.hasMessageContaining(V2__ForMonitoring.class.getName())
				.hasMessageContaining("'monitoring'")
				.hasMessageContaining("[dataSource]");
		});
	}

	@Test
	void backsOffWhenUserDefinesMigratorRegistry() {
		withDatabase().withUserConfiguration(UserRegistryConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(MigratorRegistry.class);
			assertThat(context.getBean(MigratorRegistry.class))
				.isSameAs(context.getBean(UserRegistryConfiguration.class).registry);
		});
	}

	@Test
	void backsOffWhenUserDefinesMigrator() {
		withDatabase().withUserConfiguration(UserMigratorConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(Migrator.class);
			assertThat(context.getBean(Migrator.class)).isInstanceOf(NamedMigrator.class);
		});
	}

	@Test
	void backsOffWhenUserDefinesRunner() {
		withDatabase().withUserConfiguration(UserRunnerConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(MigrationsRunner.class);
			assertThat(context.getBean(MigrationsRunner.class))
				.isSameAs(context.getBean(UserRunnerConfiguration.class).runner);
		});
	}

	@Test
	void runOnStartupMigratesWhileTheContextStarts() {
		withDatabase().withUserConfiguration(MigrationConfiguration.class)
			.withPropertyValues("migrations.run-on=startup")
			.run((context) -> assertThat(context.getBean(Migrator.class).status().currentVersion()).isEqualTo("1"));
	}

	@Test
	void sqlFilesFromTheConfiguredLocationsJoinTheBeans() throws IOException {
		Path sql = Files.createDirectories(this.directory.resolve("sql"));
		Files.writeString(sql.resolve("V2__add_${column}.sql"), "ALTER TABLE users ADD COLUMN ${column} varchar(10);");
		withDatabase().withUserConfiguration(MigrationConfiguration.class)
			.withPropertyValues("migrations.run-on=startup", "migrations.locations=filesystem:" + sql,
					"migrations.placeholders.column=nickname")
			.run((context) -> {
				DatabaseStatus status = context.getBean(Migrator.class).status();
				assertThat(status.currentVersion()).isEqualTo("2");
				assertThat(status.migrations()).extracting(MigrationInfo::kind)
					.containsExactly(MigrationKind.JAVA, MigrationKind.SQL);
				assertThat(status.migrations().get(1).source()).endsWith("V2__add_${column}.sql");
			});
	}

	@Test
	void missingConfiguredLocationFailsTheStart() {
		withDatabase().withPropertyValues("migrations.locations=filesystem:" + this.directory.resolve("nowhere"))
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(MigrationValidationException.class)
					.hasMessageContaining("nowhere");
			});
	}

	@Test
	void runOnReadyDoesNothingWithoutAnApplicationReadyEvent() {
		withDatabase().withUserConfiguration(MigrationConfiguration.class)
			.run((context) -> assertThat(context.getBean(Migrator.class).status().pending()).isEqualTo(1));
	}

	static class V1__CreateUsers implements Migration {

		@Override
		public void up(MigrationContext context) {
			context.jdbc().execute("CREATE TABLE users (id bigint PRIMARY KEY)");
		}

	}

	static class V2__ForMonitoring implements Migration {

		@Override
		public void up(MigrationContext context) {
		}

		@Override
		public String dataSource() {
			return "monitoring";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class MigrationConfiguration {

		@Bean
		V1__CreateUsers createUsers() {
			return new V1__CreateUsers();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BusyTimeoutConfiguration {

		@Bean
		BusyTimeoutMigration busyTimeoutMigration() {
			return new BusyTimeoutMigration();
		}

	}

	static class BusyTimeoutMigration implements Migration {

		volatile int seen;

		@Override
		public String version() {
			return "1";
		}

		@Override
		public String description() {
			return "Read the busy timeout";
		}

		@Override
		public void up(MigrationContext context) {
			this.seen = context.jdbc().queryForObject("PRAGMA busy_timeout", Integer.class);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class DuplicateConfiguration {

		@Bean
		Migration duplicate() {
			return new V1__CreateUsers();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UnknownDataSourceConfiguration {

		@Bean
		V2__ForMonitoring forMonitoring() {
			return new V2__ForMonitoring();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserRegistryConfiguration {

		final MigratorRegistry registry = new MigratorRegistry(List.of(new NamedMigrator()), null);

		@Bean
		MigratorRegistry userRegistry() {
			return this.registry;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserMigratorConfiguration {

		@Bean
		Migrator userMigrator(DataSource dataSource) {
			return new NamedMigrator();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserRunnerConfiguration {

		final MigrationsRunner runner = new MigrationsRunner(new MigratorRegistry(List.of(), null), RunOn.MANUAL,
				OnFailure.STOP);

		@Bean
		MigrationsRunner userRunner() {
			return this.runner;
		}

	}

	/**
	 * A user's own Migrator; only its identity matters here.
	 */
	static class NamedMigrator implements Migrator {

		@Override
		public String dataSourceName() {
			return "dataSource";
		}

		@Override
		public DatabaseStatus status() {
			throw new UnsupportedOperationException();
		}

		@Override
		public RunResult migrate() {
			throw new UnsupportedOperationException();
		}

		@Override
		public RunResult migrate(String targetVersion) {
			throw new UnsupportedOperationException();
		}

		@Override
		public RunResult rollback(int steps) {
			throw new UnsupportedOperationException();
		}

		@Override
		public RunResult rollbackTo(String version) {
			throw new UnsupportedOperationException();
		}

		@Override
		public RunResult baseline(String version) {
			throw new UnsupportedOperationException();
		}

		@Override
		public RepairResult repair() {
			throw new UnsupportedOperationException();
		}

		@Override
		public DryRunResult dryRun() {
			throw new UnsupportedOperationException();
		}

		@Override
		public String dumpSchema() {
			throw new UnsupportedOperationException();
		}

	}

}
