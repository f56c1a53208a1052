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
package dev.migrations.test.slice.datajdbc;

import org.junit.jupiter.api.Test;

import dev.migrations.test.slice.SliceDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @DataJdbcTest}: a Spring Data JDBC repository works on the migrated table.
 */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = Replace.NONE)
class DataJdbcTestMigrationsIntegrationTests {

	@Autowired
	private AccountRepository accounts;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		SliceDatabase.register(DataJdbcTestMigrationsIntegrationTests.class, registry);
	}

	@Test
	void repositoryReadsWhatTheMigrationInserted() {
		assertThat(this.accounts.findAll()).extracting(Account::name).containsExactly("root");
	}

}
