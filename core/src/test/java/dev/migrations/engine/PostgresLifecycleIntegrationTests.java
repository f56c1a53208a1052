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

class PostgresLifecycleIntegrationTests extends AbstractLifecycleTests {

	@Override
	protected HikariDataSource createDataSource() {
		return PostgresTestDatabase.create(PostgresLifecycleIntegrationTests.class).dataSource();
	}

	@Test
	void baselineOnMigrateLooksOnlyAtTheConfiguredSchema() throws SQLException {
		this.jdbc.execute("CREATE TABLE legacy (id int)");
		Migrator migrator = Migrator.create(this.dataSource, List.of(table("1")),
				baselineOnMigrate("1").withSchema("app"));
		RunResult result = migrator.migrate();
		assertThat(result.outcomes()).hasSize(1);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM app.t1", Integer.class)).isZero();
	}

	@Test
	void nonTransactionalDownRunsOutsideATransaction() throws SQLException {
		Migrator migrator = migrator(table("1"),
				TestMigration.of("2", "CREATE INDEX CONCURRENTLY t1_id ON t1 (id)")
					.withDown("DROP INDEX CONCURRENTLY t1_id")
					.nonTransactional());
		migrator.migrate();
		RunResult result = migrator.rollback(1);
		assertThat(result.count()).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM pg_indexes WHERE indexname = 't1_id'", Integer.class))
			.isZero();
	}

}
