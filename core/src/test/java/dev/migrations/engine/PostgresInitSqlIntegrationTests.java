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

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.migrations.MigrationException;
import dev.migrations.Migrator;
import dev.migrations.MigratorSettings;
import dev.migrations.testsupport.PostgresRoles;
import dev.migrations.testsupport.PostgresTestDatabase;
import dev.migrations.testsupport.TestMigration;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Init SQL on PostgreSQL: a deployer that inherits nothing migrates after
 * {@code SET ROLE} to the schema owner, and {@code SET search_path} moves where the
 * migrations and the history land.
 */
class PostgresInitSqlIntegrationTests {

	private PostgresTestDatabase database;

	private PostgresRoles roles;

	private JdbcTemplate admin;

	@BeforeEach
	void createRoles() {
		this.database = PostgresTestDatabase.create(PostgresInitSqlIntegrationTests.class);
		this.roles = PostgresRoles.create(this.database);
		this.admin = new JdbcTemplate(new DriverManagerDataSource(this.database.url()));
	}

	@AfterEach
	void dropRoles() {
		this.roles.close();
	}

	@Test
	void setRoleMakesTheOwnerRunTheMigrations() {
		TestMigration whoAmI = TestMigration.of("2", "CREATE TABLE who AS SELECT current_user AS name");
		Migrator migrator = Migrator.create(this.roles.dataSource(this.roles.deployer()), List.of(users(), whoAmI),
				settings().withInitSqls(List.of("SET ROLE " + this.roles.owner())));
		migrator.migrate();
		assertThat(this.admin.queryForObject("SELECT name FROM who", String.class)).isEqualTo(this.roles.owner());
		assertThat(
				this.admin.queryForList("SELECT tableowner FROM pg_tables WHERE schemaname = 'public'", String.class))
			.hasSize(3)
			.containsOnly(this.roles.owner());
		assertThat(this.admin.queryForList("SELECT DISTINCT installed_by FROM schema_migrations", String.class))
			.as("the login user, who did it")
			.containsExactly(this.roles.deployer());
	}

	@Test
	void withoutSetRoleTheDeployerMayNotCreateTables() {
		Migrator migrator = Migrator.create(this.roles.dataSource(this.roles.deployer()), List.of(users()), settings());
		assertThatExceptionOfType(MigrationException.class).isThrownBy(migrator::migrate)
			.withMessageContaining("permission denied for schema public")
			.withMessageContaining("[SQL state 42501]")
			.withMessageEndingWith("The database user lacks a privilege the migrations need: grant it, or let the "
					+ "migrations connect as a user that owns the schema (migrations.user and migrations.password).");
		assertThat(
				this.admin.queryForObject("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", Integer.class))
			.isZero();
	}

	@Test
	void searchPathChoosesTheSchemaOfMigrationsAndHistory() {
		this.admin.execute("CREATE SCHEMA app AUTHORIZATION " + this.roles.owner());
		Migrator migrator = Migrator.create(this.roles.dataSource(this.roles.owner()), List.of(users()),
				settings().withInitSqls(List.of("SET search_path = app", "SET lock_timeout = '5s'")));
		migrator.migrate();
		assertThat(this.admin.queryForList("SELECT tablename FROM pg_tables WHERE schemaname = 'app' ORDER BY 1",
				String.class))
			.containsExactly("schema_migrations", "users");
	}

	@Test
	void unknownRoleNamesTheStatement() {
		Migrator migrator = Migrator.create(this.roles.dataSource(this.roles.deployer()), List.of(users()),
				settings().withInitSqls(List.of("SET ROLE nobody_here")));
		assertThatExceptionOfType(MigrationException.class).isThrownBy(migrator::migrate)
			.withMessageStartingWith("Init SQL 'SET ROLE nobody_here' of DataSource 'dataSource' failed: ")
			.withMessageContaining("nobody_here")
			.withMessageContaining("Correct migrations.init-sqls");
	}

	private static MigratorSettings settings() {
		return MigratorSettings.defaults("dataSource");
	}

	private static TestMigration users() {
		return TestMigration.of("1", "CREATE TABLE users (id INTEGER PRIMARY KEY)");
	}

}
