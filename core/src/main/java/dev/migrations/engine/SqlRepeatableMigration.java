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

import org.jspecify.annotations.Nullable;

import dev.migrations.RepeatableMigration;

/**
 * A repeatable migration read from an SQL file {@code R__<description>.sql} and,
 * optionally, its down script: checksummed by content, so that editing the file makes it
 * run again. Runs its statements as {@link SqlFileMigration} does.
 */
final class SqlRepeatableMigration extends SqlScriptMigration implements RepeatableMigration {

	SqlRepeatableMigration(SqlFileName name, SqlScript up, @Nullable SqlScript down) {
		super(name, up, down);
	}

	@Override
	String irreversible() {
		return "Repeatable migration " + this.up.source() + " is irreversible: it has no down script. Add "
				+ this.name.base() + ".down.sql beside it.";
	}

}
