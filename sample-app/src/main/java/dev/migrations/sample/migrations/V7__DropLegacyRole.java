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
 * Drops the free-text role now that the admin flag carries it. {@code alterTable} works
 * the same on PostgreSQL and on SQLite, where it uses SQLite's own DROP COLUMN or
 * rebuilds the table.
 */
@Component
class V7__DropLegacyRole implements Migration {

	@Override
	public void up(MigrationContext context) {
		context.alterTable("users").dropColumn("legacy_role").apply();
	}

	@Override
	public void down(MigrationContext context) {
		context.alterTable("users").addColumn("legacy_role", "varchar(20)").apply();
		context.jdbc().update("UPDATE users SET legacy_role = CASE WHEN is_admin THEN 'admin' ELSE 'member' END");
	}

}
