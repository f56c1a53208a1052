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

import dev.migrations.DatabaseKind;
import dev.migrations.Migration;
import dev.migrations.MigrationContext;

import org.springframework.stereotype.Component;

/**
 * Indexes notes by user without locking the table against writes on PostgreSQL, which
 * needs {@code CREATE INDEX CONCURRENTLY} and so runs outside a transaction.
 */
@Component
class V8__IndexNotesByUser implements Migration {

	@Override
	public boolean transactional() {
		return false;
	}

	@Override
	public void up(MigrationContext context) {
		String concurrently = (context.database() == DatabaseKind.POSTGRES) ? "CONCURRENTLY " : "";
		context.jdbc().execute("CREATE INDEX " + concurrently + "notes_user_id ON notes (user_id)");
	}

	@Override
	public void down(MigrationContext context) {
		context.jdbc().execute("DROP INDEX notes_user_id");
	}

}
