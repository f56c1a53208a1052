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

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import dev.migrations.Migrator;
import dev.migrations.RunResult;
import dev.migrations.testsupport.PostgresTestDatabase;
import dev.migrations.testsupport.TestMigration;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresMigratorIntegrationTests extends AbstractMigratorTests {

	private PostgresTestDatabase database;

	@Override
	protected HikariDataSource createDataSource() {
		this.database = PostgresTestDatabase.create(PostgresMigratorIntegrationTests.class);
		return this.database.dataSource();
	}

	@Override
	protected String lockHolder(Process holder) {
		return "PostgreSQL backend pid ";
	}

	@Override
	protected String url() {
		return this.database.url();
	}

	@Test
	void nonTransactionalMigrationCanCreateIndexConcurrently() {
		RunResult result = migrator(TestMigration.of("1", "CREATE TABLE t1 (id int)"),
				TestMigration.of("2", "CREATE INDEX CONCURRENTLY t1_id ON t1 (id)").nonTransactional())
			.migrate();
		assertThat(result.count()).isEqualTo(2);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM pg_indexes WHERE indexname = 't1_id'", Integer.class))
			.isEqualTo(1);
	}

	@Test
	void schemaHoldsTheHistoryAndTheMigrationsTables() throws SQLException {
		Migrator migrator = Migrator.create(this.dataSource, List.of(TestMigration.of("1", "CREATE TABLE t1 (id int)")),
				settings().withSchema("app"));
		migrator.migrate();
		assertThat(this.jdbc.queryForObject(
				"SELECT count(*) FROM information_schema.tables WHERE table_schema = 'app' AND table_name IN ('t1', 'schema_migrations')",
				Integer.class))
			.isEqualTo(2);
		assertThat(migrator.status().table()).isEqualTo("app.schema_migrations");
		assertThat(migrator.migrate().count()).isZero();
		assertThat(this.jdbc.queryForObject("SHOW search_path", String.class)).doesNotContain("app");
	}

}
