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
package dev.migrations.test.slice.jdbc;

import org.junit.jupiter.api.Test;

import dev.migrations.DatabaseState;
import dev.migrations.Migrator;
import dev.migrations.test.slice.SliceDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @JdbcTest} applies the application's Java migrations, which its component scan
 * would leave out, before the test runs.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = Replace.NONE)
class JdbcTestMigrationsIntegrationTests {

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private Migrator migrator;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		SliceDatabase.register(JdbcTestMigrationsIntegrationTests.class, registry);
	}

	@Test
	void migrationComponentOfTheApplicationRanBeforeTheTest() {
		assertThat(this.jdbc.queryForObject("SELECT name FROM accounts WHERE id = 1", String.class)).isEqualTo("root");
		assertThat(this.migrator.status().state()).isEqualTo(DatabaseState.UP_TO_DATE);
		assertThat(this.jdbc.queryForObject("SELECT source FROM schema_migrations WHERE version = '1'", String.class))
			.isEqualTo(V1__CreateAccounts.class.getName());
	}

}
