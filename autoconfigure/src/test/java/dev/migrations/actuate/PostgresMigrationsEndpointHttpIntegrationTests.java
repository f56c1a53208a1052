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

package dev.migrations.actuate;

import java.util.List;

import dev.migrations.testsupport.PostgresTestDatabase;

/**
 * The endpoint, health and meters over HTTP on PostgreSQL. The URL carries a password
 * (the test server ignores it) that no answer may reveal.
 */
class PostgresMigrationsEndpointHttpIntegrationTests extends AbstractMigrationsEndpointHttpTests {

	private static final String PASSWORD = "not-to-be-revealed";

	@Override
	protected String[] datasourceProperties() {
		PostgresTestDatabase database = PostgresTestDatabase
			.create(PostgresMigrationsEndpointHttpIntegrationTests.class);
		String url = database.url() + (database.url().contains("?") ? "&" : "?") + "password=" + PASSWORD;
		return new String[] { "spring.datasource.url=" + url, "spring.datasource.hikari.maximum-pool-size=4" };
	}

	@Override
	protected String product() {
		return "PostgreSQL";
	}

	@Override
	protected List<String> secrets() {
		return List.of(PASSWORD);
	}

}
