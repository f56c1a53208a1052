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

import java.util.List;

import com.zaxxer.hikari.HikariDataSource;

import dev.migrations.testsupport.PostgresTestDatabase;

/**
 * kill -9 at random moments on PostgreSQL: transactional DDL, so the schema matches the
 * history exactly after every kill, and the session advisory lock dies with the session.
 */
class PostgresKillIntegrationTests extends AbstractKillIntegrationTests {

	private PostgresTestDatabase database;

	@Override
	protected HikariDataSource createDataSource() {
		this.database = PostgresTestDatabase.create(PostgresKillIntegrationTests.class);
		return this.database.dataSource();
	}

	@Override
	protected String url() {
		return this.database.url();
	}

	@Override
	protected List<String> tables() {
		return this.jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
				String.class);
	}

}
