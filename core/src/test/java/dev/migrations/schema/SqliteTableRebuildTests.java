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

package dev.migrations.schema;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.ColumnDefinition;
import dev.migrations.DatabaseKind;
import dev.migrations.Migration;
import dev.migrations.MigrationContext;
import dev.migrations.MigrationException;
import dev.migrations.Migrator;
import dev.migrations.MigratorSettings;
import dev.migrations.testsupport.SqliteTestDatabase;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * SQLite table rebuilds with enforced foreign keys, and the toolkit as migrations use it.
 */
class SqliteTableRebuildTests {

	@TempDir
	Path directory;

	@Test
	void rebuildOfAReferencedTableIsRefusedWhileForeignKeysAreEnforcedInATransaction() throws SQLException {
		try (Connection connection = connectWithForeignKeys()) {
			JdbcTemplate jdbc = createParentAndChild(connection);
			connection.setAutoCommit(false);
			assertThatExceptionOfType(MigrationException.class)
				.isThrownBy(() -> new SchemaToolkit(connection, DatabaseKind.SQLITE, null).alterTable("parents")
					.changeType("name", "varchar(10)")
					.apply())
				.withMessageContaining("Table parents cannot be rebuilt")
				.withMessageContaining("(children)")
				.withMessageContaining("transactional() returns false");
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM children", Integer.class)).isEqualTo(1);
			assertThat(jdbc.queryForObject("SELECT type FROM pragma_table_info('parents') WHERE name = 'name'",
					String.class))
				.isEqualToIgnoringCase("text");
			connection.rollback();
		}
	}

	@Test
	void rebuildOutsideATransactionSwitchesForeignKeysOffAroundItsOwn() throws SQLException {
		try (Connection connection = connectWithForeignKeys()) {
			JdbcTemplate jdbc = createParentAndChild(connection);
			new SchemaToolkit(connection, DatabaseKind.SQLITE, null).alterTable("parents")
				.changeType("name", "varchar(10)")
				.apply();
			assertThat(connection.getAutoCommit()).isTrue();
			assertThat(jdbc.queryForObject("PRAGMA foreign_keys", Integer.class)).isEqualTo(1);
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM children", Integer.class)).isEqualTo(1);
			assertThat(jdbc.queryForObject("SELECT type FROM pragma_table_info('parents') WHERE name = 'name'",
					String.class))
				.isEqualTo("varchar(10)");
			jdbc.update("DELETE FROM parents");
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM children", Integer.class)).isZero();
		}
	}

	@Test
	void rebuildOfATableOnlyReferencingOthersWorksWithForeignKeysEnforced() throws SQLException {
		try (Connection connection = connectWithForeignKeys()) {
			JdbcTemplate jdbc = createParentAndChild(connection);
			connection.setAutoCommit(false);
			new SchemaToolkit(connection, DatabaseKind.SQLITE, null).alterTable("children")
				.addColumn(ColumnDefinition.of("note", "text").notNull().withDefault("lower('X')"))
				.apply();
			connection.commit();
			assertThat(jdbc.queryForObject("SELECT note FROM children", String.class)).isEqualTo("x");
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pragma_foreign_key_list('children')", Integer.class))
				.isEqualTo(1);
		}
	}

	@Test
	void migrationsUseTheToolkitThroughTheirContext() {
		SqliteTestDatabase database = SqliteTestDatabase.in(this.directory);
		try (HikariDataSource dataSource = database.dataSource()) {
			Migrator migrator = Migrator.create(dataSource, List.of(new V1__CreateUsers(), new V2__AlterUsers()),
					MigratorSettings.defaults("dataSource"));
			migrator.migrate();
			JdbcTemplate jdbc = new JdbcTemplate(dataSource);
			assertThat(jdbc.queryForList("SELECT name FROM pragma_table_info('people') ORDER BY cid", String.class))
				.containsExactly("id", "full_name", "active");
			assertThat(jdbc.queryForObject("SELECT full_name FROM people", String.class)).isEqualTo("ann");
		}
	}

	@Test
	void aFailingChangeFailsItsMigrationAndLeavesTheTable() {
		SqliteTestDatabase database = SqliteTestDatabase.in(this.directory);
		try (HikariDataSource dataSource = database.dataSource()) {
			Migrator migrator = Migrator.create(dataSource, List.of(new V1__CreateUsers(), new V2__BreakUsers()),
					MigratorSettings.defaults("dataSource"));
			assertThatExceptionOfType(MigrationException.class).isThrownBy(migrator::migrate)
				.withMessageContaining("Table users has no column nickname");
			JdbcTemplate jdbc = new JdbcTemplate(dataSource);
			assertThat(jdbc.queryForList("SELECT name FROM pragma_table_info('users') ORDER BY cid", String.class))
				.containsExactly("id", "name");
		}
	}

	private Connection connectWithForeignKeys() throws SQLException {
		return DriverManager.getConnection(SqliteTestDatabase.in(this.directory).url() + "?foreign_keys=true");
	}

	private JdbcTemplate createParentAndChild(Connection connection) {
		JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
		jdbc.execute("CREATE TABLE parents (id integer PRIMARY KEY, name text)");
		jdbc.execute("CREATE TABLE children (id integer PRIMARY KEY,"
				+ " parent_id integer REFERENCES parents (id) ON DELETE CASCADE)");
		jdbc.update("INSERT INTO parents VALUES (1, 'p')");
		jdbc.update("INSERT INTO children VALUES (1, 1)");
		return jdbc;
	}

	static class V1__CreateUsers implements Migration {

		@Override
		public void up(MigrationContext context) {
			context.createTable("users")
				.column(ColumnDefinition.of("id", "integer"))
				.column(ColumnDefinition.of("name", "text").notNull())
				.primaryKey("id")
				.apply();
			context.jdbc().update("INSERT INTO users VALUES (1, 'ann')");
		}

	}

	static class V2__AlterUsers implements Migration {

		@Override
		public void up(MigrationContext context) {
			assertThat(context.schema().hasColumn("users", "name")).isTrue();
			context.alterTable("users")
				.renameColumn("name", "full_name")
				.addColumn(ColumnDefinition.of("active", "boolean").notNull().withDefault("1"))
				.dropNotNull("full_name")
				.renameTo("people")
				.apply();
			assertThat(context.schema().hasTable("people")).isTrue();
		}

	}

	static class V2__BreakUsers implements Migration {

		@Override
		public void up(MigrationContext context) {
			context.alterTable("users").addColumn("email", "text").apply();
			context.alterTable("users").dropColumn("nickname").apply();
		}

	}

}
