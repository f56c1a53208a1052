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
package dev.migrations.test.slice;

import dev.migrations.testsupport.PostgresTestDatabase;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a slice test's DataSource at a PostgreSQL database of its own.
 */
public final class SliceDatabase {

	private SliceDatabase() {
	}

	/**
	 * Create an empty database for the test class and register it as the DataSource.
	 * @param owner the test class
	 * @param registry the test's dynamic properties
	 */
	public static void register(Class<?> owner, DynamicPropertyRegistry registry) {
		PostgresTestDatabase database = PostgresTestDatabase.create(owner);
		registry.add("spring.datasource.url", database::url);
		registry.add("spring.datasource.hikari.maximum-pool-size", () -> "4");
	}

}
