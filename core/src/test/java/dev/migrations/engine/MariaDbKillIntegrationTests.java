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

import dev.migrations.testsupport.MariaDbTestDatabase;

/**
 * kill -9 at random moments on MariaDB, where DDL commits on its own: a kill inside a
 * migration may leave that one migration's table behind without a history row (the
 * documented caveat), which the test checks round by round instead of assuming.
 */
class MariaDbKillIntegrationTests extends AbstractKillIntegrationTests {

	private MariaDbTestDatabase database;

	@Override
	protected HikariDataSource createDataSource() {
		this.database = MariaDbTestDatabase.create(MariaDbKillIntegrationTests.class);
		return this.database.dataSource();
	}

	@Override
	protected String url() {
		return this.database.url();
	}

	@Override
	protected List<String> tables() {
		return this.jdbc.queryForList(
				"SELECT lower(table_name) FROM information_schema.tables WHERE table_schema = DATABASE()",
				String.class);
	}

	@Override
	protected boolean ddlCommitsOnItsOwn() {
		return true;
	}

}
