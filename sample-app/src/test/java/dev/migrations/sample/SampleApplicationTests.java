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

package dev.migrations.sample;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.DatabaseState;
import dev.migrations.MigrationInfo;
import dev.migrations.MigrationState;
import dev.migrations.Migrator;
import dev.migrations.testsupport.PostgresTestDatabase;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

class SampleApplicationTests {

	@TempDir
	Path directory;

	@Test
	void startsOnSqliteWithEveryMigrationApplied() {
		try (ConfigurableApplicationContext context = SpringApplication.run(SampleApplication.class, "--server.port=0",
				"--sample.database=" + this.directory.resolve("sample.db"))) {
			assertEveryMigrationApplied(context);
		}
	}

	@Test
	void startsOnPostgresWithEveryMigrationApplied() {
		PostgresTestDatabase database = PostgresTestDatabase.create(SampleApplicationTests.class);
		try (ConfigurableApplicationContext context = SpringApplication.run(SampleApplication.class, "--server.port=0",
				"--spring.profiles.active=postgres", "--spring.datasource.url=" + database.url())) {
			assertEveryMigrationApplied(context);
		}
	}

	private static void assertEveryMigrationApplied(ConfigurableApplicationContext context) {
		Migrator migrator = context.getBean(Migrator.class);
		assertThat(migrator.status().state()).isEqualTo(DatabaseState.UP_TO_DATE);
		assertThat(migrator.status().currentVersion()).isEqualTo("8");
		assertThat(migrator.status().migrations()).hasSize(8)
			.extracting(MigrationInfo::state)
			.containsOnly(MigrationState.APPLIED);
		assertThat(migrator.status().migrations()).filteredOn((info) -> !info.reversible())
			.extracting(MigrationInfo::version)
			.containsExactly("6");
		List<Map<String, Object>> users = context.getBean(UsersController.class).users();
		assertThat(users).extracting((user) -> user.get("email"))
			.containsExactly("ada@example.org", "grace@example.org");
		assertThat(users).extracting((user) -> String.valueOf(user.get("is_admin")))
			.containsExactly(admin(users.get(0)), notAdmin(users.get(1)));
		assertThat(context.getBean(UsersController.class).notes(((Number) users.get(0).get("id")).longValue()))
			.singleElement()
			.satisfies((note) -> assertThat(note.get("body")).asString().contains("semicolons; and 'quotes'"));
	}

	/** SQLite reports booleans as 1 and 0, PostgreSQL as true and false. */
	private static String admin(Map<String, Object> user) {
		return (user.get("is_admin") instanceof Boolean) ? "true" : "1";
	}

	private static String notAdmin(Map<String, Object> user) {
		return (user.get("is_admin") instanceof Boolean) ? "false" : "0";
	}

}
