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

package dev.migrations.test;

import java.nio.file.Path;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.testsupport.SqliteTestDatabase;
import dev.migrations.testsupport.TestMigration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SqliteMigrationTesterTests extends AbstractMigrationTesterTests {

	@TempDir
	Path directory;

	@Override
	protected HikariDataSource createDataSource() {
		return SqliteTestDatabase.in(this.directory).dataSource();
	}

	@Test
	void downThatForgetsAViewFailsNamingTheView() {
		assertLeak(TestMigration.of("2", "CREATE VIEW active_users AS SELECT id FROM users"),
				"view active_users: only in actual (CREATE VIEW active_users AS SELECT id FROM users)");
	}

	@Test
	void downThatRestoresAnotherViewDefinitionFailsNamingTheView() {
		assertLeak(
				TestMigration.of("2", "DROP VIEW user_names", "CREATE VIEW user_names AS SELECT name FROM users")
					.withDown("DROP VIEW user_names", "CREATE VIEW user_names AS SELECT id FROM users"),
				"view user_names: definition differs (expected CREATE VIEW user_names AS SELECT id, name FROM users,"
						+ " actual CREATE VIEW user_names AS SELECT id FROM users)");
	}

	@Test
	void downThatForgetsATriggerFailsNamingTheTrigger() {
		assertLeak(TestMigration.of("2", "CREATE TRIGGER users_audit AFTER INSERT ON users BEGIN SELECT 1; END"),
				"trigger users_audit: only in actual");
	}

	@Test
	void downThatRestoresViewsAndTriggersPasses() {
		TestMigration both = TestMigration
			.of("2", "DROP VIEW user_names", "CREATE VIEW user_names AS SELECT name FROM users",
					"CREATE TRIGGER users_audit AFTER INSERT ON users BEGIN SELECT 1; END")
			.withDown("DROP TRIGGER users_audit", "DROP VIEW user_names",
					"CREATE VIEW   user_names AS\n  SELECT id, name FROM users");
		assertThat(MigrationTester.of(this.dataSource, List.of(createUsersAndView(), both)).checkRoundTrips().checked())
			.containsExactly("1", "2");
	}

	private void assertLeak(TestMigration leaky, String difference) {
		TestMigration migration = leaky.reversible() ? leaky : leaky.withDown("SELECT 1");
		MigrationTester tester = MigrationTester.of(this.dataSource, List.of(createUsersAndView(), migration));
		assertThatExceptionOfType(AssertionError.class).isThrownBy(tester::checkRoundTrips)
			.withMessageStartingWith("Migration 2: its down left the schema different from before its up.")
			.withMessageContaining(difference);
	}

	private static TestMigration createUsersAndView() {
		return TestMigration
			.of("1", "CREATE TABLE users (id int PRIMARY KEY, name text)",
					"CREATE VIEW user_names AS SELECT id, name FROM users")
			.withDown("DROP VIEW user_names", "DROP TABLE users");
	}

}
