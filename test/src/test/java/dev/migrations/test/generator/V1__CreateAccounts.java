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

import dev.migrations.Migration;
import dev.migrations.MigrationContext;

/**
 * The migration of the generator tests' applications: an empty {@code accounts} table.
 */
public class V1__CreateAccounts implements Migration {

	@Override
	public void up(MigrationContext ctx) {
		ctx.jdbc().execute("CREATE TABLE accounts (id bigint PRIMARY KEY, name varchar(100) NOT NULL)");
	}

	@Override
	public void down(MigrationContext ctx) {
		ctx.jdbc().execute("DROP TABLE accounts");
	}

}
