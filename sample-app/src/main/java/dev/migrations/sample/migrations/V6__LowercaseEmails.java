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
 * Lower-cases every e-mail address so logins are case-insensitive. Irreversible on
 * purpose: the original spelling is gone, so there is nothing to go back to. It has no
 * {@code down}, and a rollback past it is refused, naming it.
 */
@Component
class V6__LowercaseEmails implements Migration {

	@Override
	public void up(MigrationContext context) {
		context.jdbc().update("UPDATE users SET email = lower(email)");
	}

}
