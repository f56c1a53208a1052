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

package dev.migrations.test.generator;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.migrations.testsupport.PostgresTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresMigrationGeneratorIntegrationTests extends AbstractMigrationGeneratorTests {

	@Override
	protected String emptyDatabase(String name) {
		return PostgresTestDatabase
			.create(PostgresMigrationGeneratorIntegrationTests.class.getSimpleName() + "_" + name)
			.url();
	}

	@Test
	void sqlMigrationMakesTheEntitiesMatch() throws Exception {
		assertSqlMigrationMakesTheEntitiesMatch();
	}

	@Test
	void everyStatementRunsAsHibernateWroteIt() throws Exception {
		Path source = generator(dev.migrations.test.generator.grown.EntitiesApplication.class, "generate")
			.writeTo(this.directory.resolve("src"))
			.get(0);
		assertThat(source).content()
			.contains("ctx.jdbc().execute(\"alter table if exists accounts add column score integer not null\");")
			.contains("ctx.jdbc().execute(\"create index notes_account_id on notes (account_id)\");")
			.contains("foreign key (account_id) references accounts")
			.doesNotContain("Hibernate writes no foreign keys");
	}

}
