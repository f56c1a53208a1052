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

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import dev.migrations.DatabaseState;
import dev.migrations.DatabaseStatus;
import dev.migrations.MigrationException;
import dev.migrations.MigrationFailedException;
import dev.migrations.MigrationInfo;
import dev.migrations.MigrationState;
import dev.migrations.Migrator;
import dev.migrations.testsupport.MariaDbTestDatabase;
import dev.migrations.testsupport.TestMigration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Rollback, baseline, repair and dry run on MariaDB. DDL commits on its own there, so a
 * failing {@code down} may leave a partial change and a dry run is refused: these tests
 * replace the ones that need transactional DDL.
 */
class MariaDbLifecycleIntegrationTests extends AbstractLifecycleTests {

	@Override
	protected HikariDataSource createDataSource() {
		return MariaDbTestDatabase.create(MariaDbLifecycleIntegrationTests.class).dataSource();
	}

	@Test
	@Override
	void failingDownRollsBackRecordsTheFailureAndStops() throws SQLException {
		TestMigration first = table("1");
		Migrator migrator = migrator(first,
				TestMigration.of("2", "CREATE TABLE t2 (id int)").withFailingDown("cannot drop", "DROP TABLE t2"),
				table("3"));
		migrator.migrate();
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator.rollbackTo("0"))
			.withMessageContaining("Migration 2 (" + TestMigration.class.getName() + ")")
			.withMessageContaining("failed going down and may have left a partial change")
			.withMessageContaining("cannot drop")
			.withMessageContaining("Statements that ran before the failure: 1. DROP TABLE t2")
			.withMessageContaining("stays applied")
			.satisfies((ex) -> assertThat(ex.version()).isEqualTo("2"));
		assertThat(tables()).contains("t1").doesNotContain("t2", "t3");
		assertThat(first.downRuns()).isZero();
		Map<String, Object> failure = this.jdbc
			.queryForMap("SELECT success, error FROM schema_migrations WHERE operation = 'DOWN' AND version = '2'");
		assertThat(failure.get("success")).isIn(false, 0);
		DatabaseStatus status = migrator.status();
		assertThat(status.currentVersion()).isEqualTo("2");
		assertThat(status.migrations()).extracting(MigrationInfo::state)
			.containsExactly(MigrationState.APPLIED, MigrationState.APPLIED, MigrationState.PENDING);
	}

	@Test
	@Override
	void dryRunReportsWhatWouldSucceedAndChangesNothing() throws SQLException {
		migrator(indexedTable("1")).migrate();
		assertDryRunRefused(migrator(indexedTable("1"), indexedTable("2")));
	}

	@Test
	@Override
	void dryRunFindsAFailingMigrationAndChangesNothing() throws SQLException {
		migrator(indexedTable("1")).migrate();
		assertDryRunRefused(
				migrator(indexedTable("1"), TestMigration.of("2", "INSERT INTO no_such_table (id) VALUES (1)")));
		assertThat(migrator(indexedTable("1"), TestMigration.of("2")).status().state())
			.isEqualTo(DatabaseState.PENDING);
	}

	@Test
	@Override
	void dryRunOfAFreshDatabaseLeavesNoHistoryTable() throws SQLException {
		assertDryRunRefused(migrator(indexedTable("1"), indexedTable("2")));
		assertThat(tables()).isEmpty();
	}

	@Test
	@Override
	void dryRunReportsNonTransactionalMigrationsAsNotChecked() throws SQLException {
		TestMigration nonTransactional = TestMigration.of("2", "CREATE TABLE t2 (id int)").nonTransactional();
		assertDryRunRefused(migrator(indexedTable("1"), nonTransactional, table("3")));
		assertThat(nonTransactional.runs()).isZero();
	}

	@Test
	@Override
	void dryRunRefusesWhatValidationRefuses() throws SQLException {
		migrator(table("1").withChecksum("aaaa")).migrate();
		assertDryRunRefused(migrator(table("1").withChecksum("bbbb"), table("2")));
	}

	private void assertDryRunRefused(Migrator migrator) throws SQLException {
		Map<String, Object> before = snapshot();
		assertThatExceptionOfType(MigrationException.class).isThrownBy(migrator::dryRun)
			.withMessageContaining("Cannot dry-run the migrations of DataSource 'dataSource'")
			.withMessageContaining("MariaDB")
			.withMessageContaining("cannot roll back DDL")
			.withMessageContaining("Try the migrations on a copy of the database");
		assertThat(snapshot()).isEqualTo(before);
	}

	@Override
	protected List<String> tables() {
		return this.jdbc.queryForList(
				"SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME",
				String.class);
	}

	@Override
	protected Map<String, Object> snapshot() {
		Map<String, Object> snapshot = new TreeMap<>();
		for (String table : tables()) {
			snapshot.put(table + " columns",
					this.jdbc
						.queryForList("SELECT COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE FROM information_schema.COLUMNS"
								+ " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION",
								table)
						.toString());
			snapshot.put(table + " indexes", this.jdbc.queryForList(
					"SELECT INDEX_NAME, COLUMN_NAME, NON_UNIQUE FROM information_schema.STATISTICS"
							+ " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY INDEX_NAME, SEQ_IN_INDEX",
					table)
				.toString());
			snapshot.put(table + " rows", this.jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class));
		}
		if (tables().contains("schema_migrations")) {
			snapshot.put("history", this.jdbc.queryForList("SELECT * FROM schema_migrations ORDER BY id").toString());
		}
		return snapshot;
	}

}
