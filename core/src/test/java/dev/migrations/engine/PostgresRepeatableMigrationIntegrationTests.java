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

import java.io.IOException;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import dev.migrations.MigrationOutcome;
import dev.migrations.Migrator;
import dev.migrations.RunResult;
import dev.migrations.testsupport.PostgresTestDatabase;
import dev.migrations.testsupport.RowCountingDataSource;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresRepeatableMigrationIntegrationTests extends AbstractRepeatableMigrationTests {

	@Override
	protected HikariDataSource createDataSource(String name) {
		return PostgresTestDatabase.create("repeatable_" + name).dataSource();
	}

	@Test
	void viewAndFunctionAreRecreatedWhenTheirFilesChangeAndOnlyThen() throws IOException {
		write("V1__create_users.sql", "CREATE TABLE users (id int, name text, active boolean);\n"
				+ "INSERT INTO users VALUES (1, 'ann', true), (2, 'bob', false);");
		write("R__active_users.sql", "CREATE OR REPLACE VIEW active_users AS SELECT id, name FROM users WHERE active;");
		write("R__user_count.sql", "CREATE OR REPLACE FUNCTION user_count() RETURNS bigint AS $$\n"
				+ "  SELECT count(*) FROM users;\n$$ LANGUAGE sql;");
		assertThat(migrator().migrate().count()).isEqualTo(3);
		assertThat(this.jdbc.queryForList("SELECT name FROM active_users", String.class)).containsExactly("ann");
		assertThat(this.jdbc.queryForObject("SELECT user_count()", Long.class)).isEqualTo(2);

		int rows = historyRows();
		RowCountingDataSource counting = new RowCountingDataSource(this.dataSource);
		assertThat(migrator(counting).migrate().count()).isZero();
		assertThat(counting.rowsRead()).isOne();
		assertThat(historyRows()).isEqualTo(rows);

		write("R__active_users.sql",
				"CREATE OR REPLACE VIEW active_users AS SELECT id, upper(name) AS name FROM users WHERE active;");
		write("R__user_count.sql", "CREATE OR REPLACE FUNCTION user_count() RETURNS bigint AS $$\n"
				+ "  SELECT count(*) FROM users WHERE active;\n$$ LANGUAGE sql;");
		RunResult rerun = migrator().migrate();
		assertThat(rerun.outcomes()).extracting(MigrationOutcome::description)
			.containsExactly("active users", "user count");
		assertThat(this.jdbc.queryForList("SELECT name FROM active_users", String.class)).containsExactly("ANN");
		assertThat(this.jdbc.queryForObject("SELECT user_count()", Long.class)).isEqualTo(1);
		assertThat(historyRows()).isEqualTo(rows + 2);

		counting.reset();
		assertThat(migrator(counting).migrate().count()).isZero();
		assertThat(counting.rowsRead()).isOne();
		assertThat(historyRows()).isEqualTo(rows + 2);
	}

	private Migrator migrator(RowCountingDataSource counting) {
		return Migrator.create(counting, migrations(), settings());
	}

}
