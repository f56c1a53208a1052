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

import java.util.List;

import dev.migrations.Migration;
import dev.migrations.MigrationContext;

import org.springframework.stereotype.Component;

/**
 * Sets the admin flag from the old role, in batches so a large table is never updated in
 * one statement.
 */
@Component
class V5__BackfillAdminFlag implements Migration {

	private static final int BATCH = 500;

	@Override
	public void up(MigrationContext context) {
		long last = 0;
		while (true) {
			List<Long> ids = context.jdbc()
				.queryForList("SELECT id FROM users WHERE id > ? AND legacy_role = 'admin' ORDER BY id LIMIT " + BATCH,
						Long.class, last);
			if (ids.isEmpty()) {
				return;
			}
			last = ids.get(ids.size() - 1);
			context.jdbc()
				.update("UPDATE users SET is_admin = true WHERE id >= ? AND id <= ? AND legacy_role = 'admin'",
						ids.get(0), last);
		}
	}

	@Override
	public void down(MigrationContext context) {
		context.jdbc().update("UPDATE users SET is_admin = false");
	}

}
