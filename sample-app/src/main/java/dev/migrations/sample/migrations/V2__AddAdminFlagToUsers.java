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
 * Adds an admin flag to users; Ada is the first admin.
 */
@Component
class V2__AddAdminFlagToUsers implements Migration {

	@Override
	public void up(MigrationContext context) {
		context.jdbc().execute("ALTER TABLE users ADD COLUMN is_admin boolean NOT NULL DEFAULT false");
		context.jdbc().update("UPDATE users SET is_admin = true WHERE name = 'Ada'");
	}

}
