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

package dev.migrations.sample.migrations;

import dev.migrations.Migration;
import dev.migrations.MigrationContext;

import org.springframework.stereotype.Component;

/**
 * Creates the users table with its first user.
 */
@Component
class V1__CreateUsers implements Migration {

	@Override
	public void up(MigrationContext context) {
		context.jdbc().execute("CREATE TABLE users (id integer PRIMARY KEY, name varchar(100) NOT NULL)");
		context.jdbc().update("INSERT INTO users (id, name) VALUES (1, 'Ada'), (2, 'Grace')");
	}

	@Override
	public void down(MigrationContext context) {
		context.jdbc().execute("DROP TABLE users");
	}

}
